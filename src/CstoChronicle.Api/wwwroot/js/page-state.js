// What the page shows is its URL: ?asOf= (a year, month or day) and ?knownAt= (an
// RFC 3339 UTC instant). Reading the URL gives the state; every change writes it back,
// so that any view can be shared or bookmarked and the back button walks through them.

import { parsePartialDate } from './historical-date.js';
import { normalizeInstant } from './recorded-time.js';

export function readPageState(search = window.location.search) {
  const params = new URLSearchParams(search);
  return { asOf: params.get('asOf') ?? '', knownAt: params.get('knownAt') ?? '' };
}

/** pushState for a view a person chose; replaceState while a slider moves or to tidy the URL. */
export function writePageState(state, { push }) {
  const url = urlFor(state);
  if (url === window.location.pathname + window.location.search) return;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

export function urlFor({ asOf, knownAt }) {
  // Both values are validated before they get here (a date, an instant in Z form),
  // so they are written unescaped and the URL stays readable: ?knownAt=2026-11-29T18:00:00Z.
  const parts = [];
  if (asOf && !parsePartialDate(asOf).error) parts.push(`asOf=${asOf}`);
  if (knownAt && normalizeInstant(knownAt)) parts.push(`knownAt=${normalizeInstant(knownAt)}`);
  return window.location.pathname + (parts.length ? `?${parts.join('&')}` : '');
}
