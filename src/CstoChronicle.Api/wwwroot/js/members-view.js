// The member states as of a date: name, status, certainty, since when, and the way to
// the events (and so the sources) each answer rests on.

import { el, replaceChildren } from './dom.js';
import { sinceText } from './historical-date.js';
import { stateName } from './names.js';

const STATUS_ORDER = { member: 0, suspended: 1, frozen: 2 };

export function renderMembers({ list, summary }, members, { onShowSources }) {
  const sorted = [...members].sort((a, b) =>
    (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9)
    || stateName(a.state, a.name).localeCompare(stateName(b.state, b.name)));
  replaceChildren(list, sorted.map((member) => memberItem(member, onShowSources)));
  summary.textContent = summaryText(members);
}

export function clearMembers({ list, summary }) {
  replaceChildren(list);
  summary.textContent = '';
}

function memberItem(member, onShowSources) {
  const name = stateName(member.state, member.name);
  const status = String(member.status ?? 'member');
  const certainty = String(member.certainty ?? 'certain');
  const eventIds = member.eventIds ?? [];
  return el('li', { class: 'member', 'data-state': member.state, 'data-status': status, 'data-certainty': certainty },
    el('span', { class: 'member-name' }, name),
    el('span', { class: 'code' }, member.state),
    el('span', { class: `badge status-${status}` }, status),
    certainty === 'possible' ? el('span', { class: 'badge certainty-possible' }, 'possible') : null,
    member.since ? el('span', { class: 'since' }, sinceText(member.since)) : null,
    eventIds.length
      ? el('button', {
        type: 'button', class: 'link-button', 'aria-haspopup': 'dialog',
        'aria-label': `Sources: why ${name} is listed as ${status}`,
        onclick: (click) => onShowSources(eventIds, `${name}: ${status}`, click.currentTarget),
      }, 'Sources')
      : null);
}

function summaryText(members) {
  if (members.length === 0) return 'No member states on this date, as recorded then.';
  const counts = {};
  for (const member of members) counts[member.status] = (counts[member.status] ?? 0) + 1;
  const parts = Object.entries(counts)
    .sort(([a], [b]) => (STATUS_ORDER[a] ?? 9) - (STATUS_ORDER[b] ?? 9))
    .map(([status, count]) => `${count} ${status}`);
  const possible = members.filter((member) => member.certainty === 'possible').length;
  return `${members.length} listed: ${parts.join(', ')}${possible ? `; ${possible} possible` : ''}.`;
}
