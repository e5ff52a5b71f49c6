// The REST API v1 as the page uses it. Each function answers plain objects in the
// shapes the views render, so that the views never depend on the wire format.

const BASE = '/api/v1';
const TIMELINE_PAGE_SIZE = 100;
const TIMELINE_MAX_PAGES = 5;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function fetchMembers(query, signal) {
  const body = await getJson('/members', pointInTime(query), signal);
  return { basis: basisOf(body), members: body.members ?? [] };
}

export async function fetchSecretaryGeneral(query, signal) {
  const body = await getJson('/offices/secretary-general', pointInTime(query), signal);
  return { basis: basisOf(body), holder: body.holder ?? null };
}

export async function fetchChairmanship(query, signal) {
  const body = await getJson('/chairmanship', pointInTime(query), signal);
  return { basis: basisOf(body), chair: body.chair ?? null };
}

/** The whole history as periods, lane by lane ({ views: 'membership,chairmanship', knownAt }). */
export async function fetchPeriods({ views, knownAt }, signal) {
  const body = await getJson('/periods', { view: views, knownAt }, signal);
  return { basis: basisOf(body), position: body.position ?? null, lanes: body.lanes ?? [] };
}

/** Events dated between two days, in historical order, following the cursor a few pages. */
export async function fetchTimeline({ from, to, knownAt }, signal) {
  const events = [];
  let cursor = null;
  for (let page = 0; page < TIMELINE_MAX_PAGES; page++) {
    const body = await getJson('/timeline', { from, to, knownAt, cursor, limit: TIMELINE_PAGE_SIZE }, signal);
    events.push(...(body.items ?? body.events ?? []).map(withId));
    cursor = body.nextCursor ?? null;
    if (!cursor) return { events, complete: true };
  }
  return { events, complete: false };
}

/** One event with its resolved sources and its fate (supersededBy, retractedBy). */
export async function fetchEvent(id, { knownAt } = {}, signal) {
  const body = await getJson(`/events/${encodeURIComponent(id)}`, { knownAt }, signal);
  return withId(body.event ?? body);
}

export async function fetchSource(id, signal) {
  return getJson(`/sources/${encodeURIComponent(id)}`, {}, signal);
}

/** The API names an event's id eventId; the page calls it id everywhere. */
function withId(event) {
  return { ...event, id: event.eventId ?? event.id };
}

function pointInTime({ asOf, knownAt }) {
  return { asOf, knownAt };
}

/** The basis an answer was read at: { asOf, knownAt, position }. */
function basisOf(body) {
  return body.basis ?? { asOf: body.asOf ?? null, knownAt: body.knownAt ?? null, position: body.position ?? null };
}

async function getJson(path, params, signal) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const url = `${BASE}${path}${query.size ? `?${query}` : ''}`;
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) throw new ApiError(response.status, await problemText(response));
  return response.json();
}

/** The human part of an RFC 9457 problem, or the status line. */
async function problemText(response) {
  try {
    const problem = await response.json();
    const detail = problem.detail ?? problem.title;
    if (detail) return `${detail} (HTTP ${response.status})`;
  } catch {
    // Not a problem document: fall through to the status line.
  }
  return `The service answered HTTP ${response.status} ${response.statusText}`.trim();
}
