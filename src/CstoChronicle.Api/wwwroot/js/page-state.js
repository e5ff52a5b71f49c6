// What the page shows is its URL: ?asOf= (a year, month or day) and ?knownAt= (an
// RFC 3339 UTC instant). Reading the URL gives the state; every change writes it back,
// so that any view can be shared or bookmarked and the back button walks through them.

import { parsePartialDate } from './historical-date.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

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

/** An RFC 3339 instant as UTC 'YYYY-MM-DDTHH:MM:SS[.fff]Z', or null when it is not one. */
export function normalizeInstant(text) {
  if (!INSTANT.test(String(text ?? ''))) return null;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace('.000Z', 'Z');
}

/** The value of a datetime-local field, read as UTC (the page shows recorded times in UTC). */
export function instantFromLocalField(value) {
  if (!value) return null;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  return normalizeInstant(`${withSeconds}Z`);
}

/** The datetime-local field's value for an instant (UTC, to the second). */
export function localFieldFromInstant(instant) {
  const normalized = normalizeInstant(instant);
  return normalized ? normalized.slice(0, 19) : '';
}
