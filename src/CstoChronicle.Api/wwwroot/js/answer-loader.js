// Asks the API everything the page shows for one state (members, offices, the events
// around the day) and renders it. A newer request aborts an older one, so a fast slider
// never leaves an old answer on screen.

import {
  fetchChairmanship, fetchMembers, fetchSecretaryGeneral, fetchTimeline,
} from './chronicle-api.js';
import { replaceChildren } from './dom.js';
import { addYears, describePartialDate, parsePartialDate, todayUtc } from './historical-date.js';
import { clearMembers, renderMembers } from './members-view.js';
import { renderOffices, renderOfficesUnavailable } from './offices-view.js';
import { stateName } from './names.js';
import { formatInstant } from './recorded-time.js';
import { renderTimeline, scrollToMarker } from './timeline-view.js';

const TIMELINE_YEARS_AROUND = 2;

export function createAnswerLoader(elements, { onShowSources, newEventIds }) {
  let controller = null;

  /** Loads and renders; answers what to announce and the position the answers were read at. */
  async function load({ asOf, knownAt }, { keepScroll = false } = {}) {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const parsed = parsePartialDate(asOf || todayUtc());
    const day = parsed.latest;
    const dayLabel = describePartialDate(parsePartialDate(day));
    showHeadings(parsed, dayLabel, knownAt);
    setBusy(true);

    const query = { asOf: day, knownAt: knownAt || undefined };
    const from = addYears(day, -TIMELINE_YEARS_AROUND);
    const to = addYears(day, TIMELINE_YEARS_AROUND);
    const [members, holder, chair, timeline] = await Promise.allSettled([
      fetchMembers(query, signal), fetchSecretaryGeneral(query, signal),
      fetchChairmanship(query, signal), fetchTimeline({ from, to, knownAt: query.knownAt }, signal),
    ]);
    if (signal.aborted) return null;
    setBusy(false);

    const problems = [members, holder, chair].filter((r) => r.status === 'rejected').map((r) => r.reason.message);
    replaceChildren(elements.asOfProblem, problems.length ? `Could not load the answer: ${[...new Set(problems)].join('; ')}` : null);
    if (members.status === 'fulfilled') renderMembers(elements.members, members.value.members, { onShowSources });
    else clearMembers(elements.members);
    if (holder.status === 'fulfilled' && chair.status === 'fulfilled') {
      renderOffices(elements.offices, { holder: holder.value.holder, chair: chair.value.chair }, { onShowSources });
    } else {
      renderOfficesUnavailable(elements.offices);
    }
    showTimeline(timeline, { day, dayLabel, from, to, keepScroll });

    const basis = members.status === 'fulfilled' ? members.value.basis : null;
    elements.basis.textContent = basisText(basis);
    return { basis, announcement: announcementFor(dayLabel, members, holder, chair) };
  }

  function showTimeline(timeline, { day, dayLabel, from, to, keepScroll }) {
    elements.timelineHeading.textContent = `Events from ${from.slice(0, 4)} to ${to.slice(0, 4)}`;
    if (timeline.status === 'rejected') {
      replaceChildren(elements.timelineProblem, `Could not load the timeline: ${timeline.reason.message}`);
      replaceChildren(elements.timeline);
      return;
    }
    replaceChildren(elements.timelineProblem);
    const scrollTop = elements.timelineScroll.scrollTop;
    renderTimeline(elements.timeline, timeline.value.events, {
      day, dayLabel, complete: timeline.value.complete, newEventIds, onShowSources,
    });
    if (keepScroll) elements.timelineScroll.scrollTop = scrollTop;
    else scrollToMarker(elements.timelineScroll);
  }

  function showHeadings(parsed, dayLabel, knownAt) {
    const readAs = parsed.precision === 'day' ? '' : ` (${parsed.text} read as its last day)`;
    const recorded = knownAt ? `, as recorded at ${formatInstant(knownAt)}` : '';
    elements.asOfHeading.textContent = `As of ${dayLabel}${readAs}${recorded}`;
    document.title = `CSTO as of ${dayLabel}${knownAt ? ' (earlier record)' : ''}: CSTO Chronicle`;
  }

  function setBusy(busy) {
    for (const panel of elements.panels) panel.setAttribute('aria-busy', String(busy));
  }

  return { load };
}

function basisText(basis) {
  if (!basis) return '';
  const parts = ['Answer read'];
  if (basis.position !== null && basis.position !== undefined) parts.push(`at position ${basis.position}`);
  if (basis.knownAt) parts.push(`as recorded at ${formatInstant(basis.knownAt)}`);
  return `${parts.join(' ')}.`;
}

function announcementFor(dayLabel, members, holder, chair) {
  if (members.status !== 'fulfilled') return `Could not load the answer for ${dayLabel}.`;
  const list = members.value.members;
  const parts = [`As of ${dayLabel}: ${list.length} member state${list.length === 1 ? '' : 's'} listed`];
  const person = holder.status === 'fulfilled' ? holder.value.holder : null;
  if (person) parts.push(`Secretary General ${person.name ?? person.personId}${person.acting ? ' (acting)' : ''}`);
  const chairState = chair.status === 'fulfilled' ? chair.value.chair : null;
  if (chairState) parts.push(`chair ${stateName(chairState.state, chairState.name)}`);
  return `${parts.join('; ')}.`;
}
