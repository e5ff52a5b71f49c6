// The chart's text equivalent: the same periods as a table, each with its certainty,
// whether it is disputed (and by which claims), and the way to its sources.

import { el, replaceChildren } from './dom.js';
import { describeEdtf } from './historical-date.js';

export function renderPeriodsTable(table, lanes, { onShowSources }) {
  const body = el('tbody', {}, lanes.flatMap((lane) => lane.periods.map((period) => row(lane, period, onShowSources))));
  replaceChildren(table,
    el('caption', {}, 'Every period the chart draws, lane by lane'),
    el('thead', {}, el('tr', {}, ['Lane', 'Status or holder', 'From', 'Until', 'Certainty', 'Competing claims', 'Sources']
      .map((heading) => el('th', { scope: 'col' }, heading)))),
    body);
}

function row(lane, period, onShowSources) {
  const competing = (period.claims ?? []).filter((claim) => claim.role === 'competing');
  return el('tr', { 'data-lane': lane.id, 'data-value': period.value, 'data-start': period.start.on, 'data-end': period.end?.on ?? '' },
    el('th', { scope: 'row' }, lane.name),
    el('td', {}, period.label),
    el('td', {}, describeEdtf(period.start.on)),
    el('td', {}, period.end ? describeEdtf(period.end.on) : 'still'),
    el('td', {}, period.certainty),
    el('td', {}, competing.length
      ? competing.map((claim) => `${claim.says} ${describeEdtf(claim.on)} (${claim.rank})`).join('; ')
      : 'none'),
    el('td', {}, el('button', {
      type: 'button', class: 'link-button', 'aria-haspopup': 'dialog',
      'aria-label': `Sources: ${periodHeading(lane, period)}`,
      onclick: () => onShowSources(period.eventIds ?? [], periodHeading(lane, period)),
    }, 'Sources')));
}

/** "Uzbekistan: member, from 16 August 2006 until 19 December 2012"; a chair is named with its code, as the chart shows it. */
export function periodHeading(lane, period) {
  const until = period.end ? ` until ${describeEdtf(period.end.on)}` : ', still';
  const label = lane.view === 'chairmanship' ? `${period.value}, ${period.label}` : period.label;
  return `${lane.name}: ${label}, from ${describeEdtf(period.start.on)}${until}`;
}
