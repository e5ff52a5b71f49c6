// The dialog that shows the events an answer rests on, each with its sources and their
// verbatim quotes, and, for a corrected or retracted event, the way back to the answer
// the chronicle gave before.

import { fetchEvent, fetchSource } from './chronicle-api.js';
import { el, replaceChildren, safeHref } from './dom.js';
import { describeEdtf } from './historical-date.js';
import { describeEvent, typeLabel } from './names.js';
import { formatInstant } from './recorded-time.js';
import { dateOf } from './timeline-view.js';

export function createEventDialog({ dialog, title, body, closeButton }, { onShowBeforeCorrection }) {
  let controller = null;
  closeButton.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (click) => {
    if (click.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => controller?.abort());

  async function open(eventIds, heading, { knownAt }) {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    title.textContent = `Sources: ${heading}`;
    body.setAttribute('aria-busy', 'true');
    replaceChildren(body, el('p', {}, 'Loading the events and their sources…'));
    if (!dialog.open) dialog.showModal();
    closeButton.focus();
    try {
      const events = await Promise.all(eventIds.map((id) => fetchEvent(id, { knownAt }, signal)));
      const [sources, laterRecords] = await Promise.all([
        resolveSources(events, signal), fetchLaterRecords(events, knownAt, signal)]);
      const context = { sources, laterRecords, onShowBeforeCorrection, dialog };
      replaceChildren(body, events.map((event) => eventArticle(event, context)));
    } catch (error) {
      if (signal.aborted) return;
      replaceChildren(body, el('p', { class: 'problem', role: 'alert' }, `Could not load the sources: ${error.message}`));
    } finally {
      if (!signal.aborted) body.setAttribute('aria-busy', 'false');
    }
  }

  return { open };
}

/** The corrections and retractions that superseded or withdrew these events, by id. */
async function fetchLaterRecords(events, knownAt, signal) {
  const ids = new Set(events.flatMap((event) => [event.supersededBy, event.retractedBy]).filter(Boolean).map(String));
  const entries = await Promise.all([...ids].map(async (id) => {
    try {
      return [id, await fetchEvent(id, { knownAt }, signal)];
    } catch {
      return [id, null];
    }
  }));
  return new Map(entries);
}

/** Registered sources by id, for citations that carry only a sourceId. */
async function resolveSources(events, signal) {
  const ids = new Set();
  for (const event of events) {
    for (const citation of citationsOf(event)) {
      if (!citation.title && !citation.source && citation.sourceId) ids.add(citation.sourceId);
    }
  }
  const entries = await Promise.all([...ids].map(async (id) => {
    try {
      const answer = await fetchSource(id, signal);
      return [id, answer.source ?? answer];
    } catch {
      return [id, null];
    }
  }));
  return new Map(entries);
}

function eventArticle(event, context) {
  const citations = citationsOf(event);
  return el('article', { class: 'event-detail', 'data-event-id': event.id },
    el('h3', {}, describeEvent(event)),
    el('p', { class: 'event-meta' }, `${describeEdtf(dateOf(event))} · ${typeLabel(event.type)}`),
    recordedLine(event),
    event.reason ? el('p', {}, `Reason given: ${event.reason}`) : null,
    fateNotice(event.supersededBy, 'Corrected by a later record', context),
    fateNotice(event.retractedBy, 'Retracted by a later record', context),
    event.data?.note ? el('p', { class: 'note' }, event.data.note) : null,
    el('h4', {}, citations.length === 1 ? 'Source' : `Sources (${citations.length})`),
    citations.length
      ? el('ol', { class: 'sources' }, citations.map((citation) => sourceItem(citation, context.sources)))
      : el('p', {}, 'No source is cited.'));
}

function recordedLine(event) {
  const parts = [];
  if (event.recordedAt) parts.push(`Recorded ${formatInstant(event.recordedAt)}`);
  if (event.recordedBy) parts.push(`by ${event.recordedBy}`);
  if (event.position !== undefined && event.position !== null) parts.push(`at position ${event.position}`);
  return parts.length ? el('p', { class: 'recorded' }, parts.join(' ')) : null;
}

function fateNotice(laterId, text, { laterRecords, onShowBeforeCorrection, dialog }) {
  if (!laterId) return null;
  const later = laterRecords.get(String(laterId));
  const recordedAt = later?.recordedAt;
  return el('div', { class: 'notice' },
    el('p', {}, recordedAt ? `${text} on ${formatInstant(recordedAt)}.` : `${text}.`),
    later?.reason ? el('p', {}, `Reason: ${later.reason}`) : null,
    recordedAt
      ? el('button', {
        type: 'button', class: 'link-button',
        onclick: () => { dialog.close(); onShowBeforeCorrection(recordedAt); },
      }, 'Show the answer before this record')
      : null);
}

function sourceItem(citation, sources) {
  const source = citation.source ?? (citation.title ? citation : sources.get(citation.sourceId)) ?? {};
  const href = safeHref(source.url);
  const title = source.title ?? citation.sourceId ?? 'Unnamed source';
  const about = [source.publisher, source.published ? `published ${describeEdtf(source.published)}` : null,
    source.seedFile ? `seed document ${source.seedFile}` : null].filter(Boolean).join(', ');
  return el('li', { class: 'source' },
    el('p', { class: 'source-title' },
      href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, title) : el('cite', {}, title)),
    about ? el('p', { class: 'source-about' }, about) : null,
    citation.locator ? el('p', { class: 'locator' }, citation.locator) : null,
    citation.quote
      ? el('blockquote', { class: 'quote', lang: source.language || null }, el('p', {}, citation.quote))
      : el('p', { class: 'hint' }, 'No quote recorded for this citation.'));
}

function citationsOf(event) {
  return event.sources ?? event.data?.sources ?? [];
}
