// Who held the office of Secretary General and the chairmanship as of a date.

import { el, replaceChildren } from './dom.js';
import { sinceText } from './historical-date.js';
import { stateName } from './names.js';

export function renderOffices(list, { holder, chair }, { onShowSources }) {
  replaceChildren(list,
    el('dt', {}, 'Secretary General'),
    el('dd', { id: 'secretary-general' }, holder ? holderLine(holder, onShowSources) : 'No one, as recorded'),
    el('dt', {}, 'Chair'),
    el('dd', { id: 'chair' }, chair ? chairLine(chair, onShowSources) : 'No chair, as recorded'));
}

export function renderOfficesUnavailable(list) {
  replaceChildren(list);
}

function holderLine(holder, onShowSources) {
  const name = holder.name ?? holder.personId;
  return [
    el('span', { class: 'office-holder' }, name),
    holder.acting ? el('span', { class: 'badge status-acting' }, 'acting') : null,
    ...details(holder, `Secretary General ${name}`, onShowSources),
  ];
}

function chairLine(chair, onShowSources) {
  const name = stateName(chair.state, chair.name);
  return [el('span', { class: 'office-holder' }, name), ...details(chair, `Chair ${name}`, onShowSources)];
}

function details(answer, label, onShowSources) {
  const eventIds = answer.eventIds ?? [];
  return [
    answer.certainty === 'possible' ? el('span', { class: 'badge certainty-possible' }, 'possible') : null,
    answer.since ? el('span', { class: 'since' }, sinceText(answer.since)) : null,
    eventIds.length
      ? el('button', {
        type: 'button', class: 'link-button', 'aria-haspopup': 'dialog', 'aria-label': `Sources: ${label}`,
        onclick: (click) => onShowSources(eventIds, label, click.currentTarget),
      }, 'Sources')
      : null,
  ];
}
