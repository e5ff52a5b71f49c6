// Recorded time (knownAt): RFC 3339 instants, always shown and sent in UTC.

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

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

/** One millisecond before an instant: the last moment before that record was made. */
export function justBefore(instant) {
  return normalizeInstant(new Date(new Date(instant).getTime() - 1).toISOString()) ?? '';
}

/** '2026-11-29 18:39:00 UTC' */
export function formatInstant(instant) {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
