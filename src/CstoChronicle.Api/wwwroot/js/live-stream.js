// New events as the chronicle records them, from the Server-Sent Events stream. Each
// message is a CloudEvent whose SSE id is the event's global position; the browser
// sends the last one back as Last-Event-ID when it reconnects, so nothing is missed.

const STREAM_URL = '/api/v1/stream';
// Registering a source is bookkeeping, not history: the page does not tell of it.
const NOT_SHOWN = new Set(['SourceRegistered']);

/**
 * Opens the stream after `afterPosition` (the position the page's answers were read at,
 * so no event recorded between that read and this connection is lost).
 */
export function openLiveStream({ afterPosition, onEvent, onStatus }) {
  const url = afterPosition === null || afterPosition === undefined
    ? STREAM_URL
    : `${STREAM_URL}?from=${encodeURIComponent(afterPosition)}`;
  const source = new EventSource(url);
  onStatus('connecting');
  source.addEventListener('open', () => onStatus('live'));
  source.addEventListener('error', () => onStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'));
  source.addEventListener('message', (message) => {
    const event = readCloudEvent(message);
    if (event) onEvent(event);
  });
  return { close: () => source.close() };
}

/** A CloudEvent as the timeline's items look: { id, type, on, data, position }. */
function readCloudEvent(message) {
  let cloudEvent;
  try {
    cloudEvent = JSON.parse(message.data);
  } catch {
    return null;
  }
  if (!cloudEvent || typeof cloudEvent !== 'object') return null;
  const type = String(cloudEvent.type ?? '').replace(/^.*\./, '');
  if (NOT_SHOWN.has(type)) return null;
  return {
    id: cloudEvent.id,
    type,
    // time is an RFC 3339 instant (the first day the date may mean); the EDTF text travels beside it.
    on: cloudEvent.historicaldate ?? cloudEvent.data?.on ?? String(cloudEvent.time ?? '').slice(0, 10),
    data: cloudEvent.data ?? {},
    subject: cloudEvent.subject,
    position: message.lastEventId || cloudEvent.sequence || null,
  };
}
