// The timeline page: reads its state from the URL, shows the chronicle's answers for it,
// keeps the URL in step with every choice, and folds in events as they are recorded.

import { createAnswerLoader } from './answer-loader.js';
import { bindControls } from './controls.js';
import { createEventDialog } from './event-dialog.js';
import { describeEdtf, parsePartialDate, todayUtc } from './historical-date.js';
import { createLiveBanner } from './live-banner.js';
import { openLiveStream } from './live-stream.js';
import { createPeriodsChart } from './periods-chart.js';
import { describeEvent } from './names.js';
import { readPageState, writePageState } from './page-state.js';
import { justBefore, normalizeInstant } from './recorded-time.js';

const byId = (id) => document.getElementById(id);
const LIVE_STATUS = {
  connecting: 'Live updates: connecting…',
  live: 'Live: new events appear here as they are recorded.',
  reconnecting: 'Live updates interrupted: reconnecting…',
  closed: 'Live updates stopped. Reload the page to resume them.',
};
const REFRESH_DELAY_MS = 250;

const newEventIds = new Set();
let current = { asOf: '', knownAt: '' };
let stream = null;
let refreshTimer = null;

const dialog = createEventDialog({
  dialog: byId('event-dialog'), title: byId('event-dialog-title'),
  body: byId('event-dialog-body'), closeButton: byId('event-dialog-close'),
}, { onShowBeforeCorrection: (recordedAt) => choose({ ...current, knownAt: justBefore(recordedAt) }) });

const showSources = (eventIds, heading) => dialog.open(eventIds, heading, { knownAt: current.knownAt || undefined });

const loader = createAnswerLoader({
  asOfHeading: byId('as-of-heading'), basis: byId('basis'), asOfProblem: byId('as-of-error-box'),
  offices: byId('offices'), members: { list: byId('members'), summary: byId('members-summary') },
  timelineHeading: byId('timeline-heading'), timelineProblem: byId('timeline-error-box'),
  timeline: byId('timeline'), timelineScroll: byId('timeline-scroll'),
  panels: [byId('as-of-view'), byId('timeline-view')],
}, { onShowSources: showSources, newEventIds });

const chart = createPeriodsChart({
  section: byId('chart-view'), labels: byId('chart-labels'), scroll: byId('chart-scroll'),
  problem: byId('chart-error-box'), summary: byId('chart-summary'), table: byId('chart-table'),
}, {
  onChooseDate: (day) => choose({ ...current, asOf: day }),
  onPreviewDate: (day) => { byId('as-of').value = day; },
  onShowSources: showSources,
});
let chartKnownAt = null;

const controls = bindControls({
  form: byId('when'), asOf: byId('as-of'), asOfError: byId('as-of-error'), slider: byId('as-of-slider'),
  sliderEnd: byId('slider-end'), knownAt: byId('known-at'), latestButton: byId('known-at-latest'),
}, { onChoose: choose });

const banner = createLiveBanner(byId('live-banner'), {
  onGoToDate: (day) => choose({ ...current, asOf: day }),
  onShowLatest: () => choose({ ...current, knownAt: '' }),
});

function announce(text) {
  // Emptied first, so that the same words said twice are announced twice.
  const announcer = byId('announcer');
  announcer.textContent = '';
  window.setTimeout(() => { announcer.textContent = text; }, 50);
}

/** A person chose a view: a new history entry, then its answers. */
function choose(state) {
  current = state;
  writePageState(current, { push: true });
  controls.show(current);
  show({ announce: true });
}

async function show({ announce: shouldAnnounce, keepScroll = false, redrawChart = false }) {
  showChart({ reload: redrawChart });
  const result = await loader.load(current, { keepScroll });
  if (!result) return;
  if (shouldAnnounce) announce(result.announcement);
  // An answer as known at an earlier instant is read at that instant's position: the stream starts at the
  // latest one instead, so only events recorded from now on are announced.
  if (!stream) startStream(current.knownAt ? undefined : result.basis?.position);
}

function startStream(afterPosition) {
  const status = byId('live-status');
  stream = openLiveStream({
    afterPosition,
    onStatus: (state) => {
      status.dataset.state = state;
      status.textContent = LIVE_STATUS[state] ?? state;
    },
    onEvent: receiveLiveEvent,
  });
}

function receiveLiveEvent(event) {
  if (event.id !== undefined && event.id !== null) newEventIds.add(String(event.id));
  const showingEarlierRecord = Boolean(current.knownAt);
  banner.add(event, { showingEarlierRecord });
  announce(`New event recorded: ${describeEvent(event)}${event.on ? `, ${describeEdtf(event.on)}` : ''}.`);
  if (showingEarlierRecord) return;
  window.clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => show({ announce: false, keepScroll: true, redrawChart: true }), REFRESH_DELAY_MS);
}

/** The chart is read again only when the recorded time changes or a new event arrives; a new date only moves its cursor. */
function showChart({ reload }) {
  const parsed = parsePartialDate(current.asOf || todayUtc());
  chart.setDay(parsed.error ? todayUtc() : parsed.latest);
  if (!reload && chartKnownAt === current.knownAt) return;
  chartKnownAt = current.knownAt;
  chart.load({ knownAt: current.knownAt });
}

/** The state the URL asks for; what is invalid in it is shown and left out. */
function stateFromUrl() {
  const requested = readPageState();
  const error = requested.asOf && parsePartialDate(requested.asOf).error;
  const knownAt = normalizeInstant(requested.knownAt) ?? '';
  const state = { asOf: error ? '' : requested.asOf, knownAt };
  controls.show(error ? { ...state, asOf: requested.asOf } : state, error || null);
  return state;
}

window.addEventListener('popstate', () => {
  current = stateFromUrl();
  banner.refresh(Boolean(current.knownAt));
  show({ announce: true });
});

current = stateFromUrl();
writePageState(current, { push: false });
show({ announce: true });
