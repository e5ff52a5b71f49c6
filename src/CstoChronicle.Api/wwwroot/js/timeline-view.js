// The events around the chosen day, in historical order, with a marker where that day
// falls. Events whose dates straddle the day (a year, a month, an interval) sit before
// the marker and say so.

import { el, replaceChildren } from './dom.js';
import { describeEdtf, edtfBounds } from './historical-date.js';
import { describeEvent, typeLabel } from './names.js';

export function renderTimeline(list, events, { day, dayLabel, complete, newEventIds, onShowSources }) {
  const items = [];
  let markerPlaced = false;
  for (const event of events) {
    const { earliest, latest } = edtfBounds(dateOf(event));
    if (!markerPlaced && earliest !== null && earliest > day) {
      items.push(markerItem(dayLabel));
      markerPlaced = true;
    }
    const straddles = earliest !== null && latest !== null && earliest <= day && latest > day;
    items.push(eventItem(event, { straddles, isNew: newEventIds.has(String(event.id)), onShowSources }));
  }
  if (!markerPlaced) items.push(markerItem(dayLabel));
  if (events.length === 0) items.push(el('li', { class: 'timeline-empty' }, 'No events recorded in these years.'));
  if (!complete) items.push(el('li', { class: 'timeline-empty' }, `Only the first ${events.length} events of these years are shown.`));
  replaceChildren(list, items);
}

/** Scrolls the timeline's own box (not the page) so that the chosen day is in view. */
export function scrollToMarker(scrollBox) {
  const marker = scrollBox.querySelector('.timeline-marker');
  if (!marker || scrollBox.scrollHeight <= scrollBox.clientHeight) return;
  scrollBox.scrollTop = Math.max(0, marker.offsetTop - scrollBox.offsetTop - scrollBox.clientHeight / 3);
}

function markerItem(dayLabel) {
  return el('li', { class: 'timeline-marker', 'aria-current': 'date' },
    el('span', {}, `${dayLabel}: the date you chose`));
}

function eventItem(event, { straddles, isNew, onShowSources }) {
  const edtf = dateOf(event);
  const description = describeEvent(event);
  const sourceCount = (event.sources ?? event.data?.sources ?? []).length;
  const eventIds = event.eventIds?.length ? event.eventIds : [event.id];
  const machineDate = /^\d{4}(-\d{2}){0,2}$/.test(edtf) ? edtf : null;
  return el('li', { class: `timeline-event${isNew ? ' is-new' : ''}`, 'data-event-id': event.id, 'data-type': event.type },
    el('p', { class: 'event-date' },
      machineDate ? el('time', { datetime: machineDate }, describeEdtf(edtf)) : describeEdtf(edtf),
      straddles ? el('span', { class: 'badge certainty-possible' }, 'spans the date') : null,
      event.rank === 'deprecated' ? el('span', { class: 'badge certainty-possible' }, 'deprecated claim') : null,
      isNew ? el('span', { class: 'badge badge-new' }, 'new') : null),
    el('p', { class: 'event-text' }, description),
    el('p', { class: 'event-meta' },
      el('span', {}, typeLabel(event.type)),
      el('button', {
        type: 'button', class: 'link-button', 'aria-haspopup': 'dialog',
        'aria-label': `Sources of: ${description}`,
        onclick: (click) => onShowSources(eventIds, description, click.currentTarget),
      }, sourceCount ? `Sources (${sourceCount})` : 'Sources')));
}

/** The historical date of a timeline item, whatever the field is called. */
export function dateOf(event) {
  return String(event.on ?? event.date ?? event.historicalDate ?? event.data?.on ?? '');
}
