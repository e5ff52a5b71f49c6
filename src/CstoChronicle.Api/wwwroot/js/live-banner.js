// Tells of events recorded while the page is open: the latest few, each with a way to
// its date, and, when the page shows an earlier record, a way to the latest one.

import { el, replaceChildren } from './dom.js';
import { describeEdtf, edtfBounds } from './historical-date.js';
import { describeEvent } from './names.js';

const SHOWN = 3;

export function createLiveBanner(banner, { onGoToDate, onShowLatest }) {
  const arrivals = [];

  function add(event, { showingEarlierRecord }) {
    arrivals.unshift(event);
    arrivals.length = Math.min(arrivals.length, SHOWN);
    render(showingEarlierRecord);
  }

  function render(showingEarlierRecord) {
    banner.hidden = arrivals.length === 0;
    replaceChildren(banner,
      el('h2', { class: 'live-banner-title' }, 'Recorded while you were reading'),
      el('ul', {}, arrivals.map(arrivalItem)),
      showingEarlierRecord
        ? el('p', {}, 'You are looking at an earlier record, so these are not in it. ',
          el('button', { type: 'button', class: 'link-button', onclick: onShowLatest }, 'Show the latest record'))
        : null,
      el('button', { type: 'button', class: 'link-button', onclick: dismiss }, 'Dismiss'));
  }

  function arrivalItem(event) {
    const goTo = edtfBounds(event.on).latest;
    return el('li', {},
      event.on ? `${describeEdtf(event.on)}: ${describeEvent(event)} ` : `${describeEvent(event)} `,
      goTo ? el('button', { type: 'button', class: 'link-button', onclick: () => onGoToDate(goTo) }, 'Go to this date') : null);
  }

  function dismiss() {
    arrivals.length = 0;
    banner.hidden = true;
  }

  return { add, refresh: render };
}
