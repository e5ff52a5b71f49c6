// The API the runner started: its address and the editor key it was configured with.

export function baseUrl() {
  const url = process.env.CHRONICLE_BASE_URL;
  if (!url) throw new Error('CHRONICLE_BASE_URL is not set: run the specs through tests/browser/run.sh');
  return url;
}

export async function getJson(pathAndQuery) {
  const response = await fetch(new URL(pathAndQuery, baseUrl()), { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${pathAndQuery}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** POSTs JSON with the editor key; answers the parsed body, throws on any non-2xx. */
export async function postAsEditor(pathAndQuery, body) {
  const key = process.env.CHRONICLE_EDITOR_KEY;
  if (!key) throw new Error('CHRONICLE_EDITOR_KEY is not set: run the specs through tests/browser/run.sh');
  const response = await fetch(new URL(pathAndQuery, baseUrl()), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${pathAndQuery}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Waits until an event is known to knownAt queries: knownAt resolves through the store's high-water mark
 * (docs/decisions/0004), which passes a new event within about a second.
 */
export async function waitUntilKnown(eventId) {
  for (let tries = 0; tries < 300; tries++) {
    const knownAt = new Date().toISOString();
    const response = await fetch(new URL(`/api/v1/events/${eventId}?knownAt=${knownAt}`, baseUrl()), { headers: { Accept: 'application/json' } });
    if (response.ok) return;
    await new Promise((resolve) => { setTimeout(resolve, 100); });
  }
  throw new Error(`event ${eventId} was not known through the high-water mark after 30 s`);
}
