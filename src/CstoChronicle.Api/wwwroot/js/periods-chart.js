// The whole history at a glance: one lane per member state, one for the Secretary General,
// one for the chair, drawn in SVG from GET /api/v1/periods. A period certainly held is a
// solid bar; a span where an edge may fall (a year, a month, an interval, a qualified date)
// is a hatched fade; a disputed period has a dashed outline and a mark where each competing
// claim puts its date. Periods are buttons that open the sources; the arrow keys move
// between them (one tab stop), and the cursor marks the chosen date.

import { fetchPeriods } from './chronicle-api.js';
import { createChartCursor } from './chart-cursor.js';
import { CHART_FIRST_DAY, periodSpan, timeScale } from './chart-geometry.js';
import { el, replaceChildren } from './dom.js';
import { describeEdtf, edtfBounds, todayUtc } from './historical-date.js';
import { periodHeading, renderPeriodsTable } from './periods-table.js';
import { svgEl } from './svg.js';

export const CHART_VIEWS = ['membership', 'secretary-general', 'chairmanship'];
const LANE_HEIGHT = 26;
const LANE_GAP = 8;
const AXIS_HEIGHT = 40;
const MIN_WIDTH = 720;
const LABEL_CHAR_WIDTH = 7;

export function createPeriodsChart(elements, { onChooseDate, onPreviewDate, onShowSources }) {
  const { section, labels, scroll, problem, summary, table } = elements;
  let controller = null;
  let lanes = [];
  let day = todayUtc();
  let cursor = null;
  let focusedKey = null;
  let lastWidth = 0;
  let drawnOnce = false;

  async function load({ knownAt }) {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    section.setAttribute('aria-busy', 'true');
    try {
      const answer = await fetchPeriods({ views: CHART_VIEWS.join(','), knownAt: knownAt || undefined }, signal);
      if (signal.aborted) return;
      lanes = orderLanes(answer.lanes);
      replaceChildren(problem);
      section.dataset.position = String(answer.position ?? '');
      draw();
      renderPeriodsTable(table, lanes, { onShowSources });
      summary.textContent = summaryText(lanes, knownAt);
    } catch (error) {
      if (signal.aborted) return;
      replaceChildren(problem, `Could not load the chart: ${error.message}`);
    } finally {
      if (!signal.aborted) section.setAttribute('aria-busy', 'false');
    }
  }

  function draw() {
    const focusWasOnPeriod = Boolean(document.activeElement?.closest?.('#chart-scroll .period'));
    // The labels first: their column's width decides the chart's. Reading it lays out the page as it stands, so the
    // draw time below counts the chart's own work, not the day view's rendering that may be pending beside it.
    replaceChildren(labels, lanes.map((lane) => el('li', { 'data-lane': lane.id },
      el('span', { class: 'label-long' }, lane.name), el('span', { class: 'label-short' }, shortName(lane)))));
    const width = Math.max(scroll.clientWidth, MIN_WIDTH);
    const started = performance.now();
    lastWidth = scroll.clientWidth;
    const scale = timeScale(CHART_FIRST_DAY, todayUtc(), width);
    const height = AXIS_HEIGHT + lanes.length * (LANE_HEIGHT + LANE_GAP);
    const svg = svgEl('svg', {
      class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group',
      'aria-label': `Periods from ${scale.firstDay.slice(0, 4)} to ${scale.lastDay.slice(0, 4)}, one row per lane; arrow keys move between periods, Enter shows their sources`,
    }, definitions(), axis(scale, height), lanes.map((lane, index) => laneGroup(lane, index, scale)));
    svg.addEventListener('click', clickPeriod);
    svg.addEventListener('keydown', keyOnPeriod);
    svg.addEventListener('focusin', (focus) => {
      const period = focus.target.closest?.('.period');
      if (period) focusedKey = period.dataset.key;
    });
    cursor = createChartCursor(svg, scale, { top: AXIS_HEIGHT, height, day, onPreview: (d) => { day = d; onPreviewDate?.(d); }, onChoose: onChooseDate });
    scroll.replaceChildren(svg);
    restoreRovingFocus(svg, focusWasOnPeriod);
    if (!drawnOnce) scrollToCursor();
    drawnOnce = true;
    svg.getBBox();
    svg.dataset.drawMs = (performance.now() - started).toFixed(1);
  }

  function clickPeriod(click) {
    const period = click.target.closest('.period');
    if (!period || click.defaultPrevented) return;
    openSources(period);
  }

  function keyOnPeriod(key) {
    const period = key.target.closest?.('.period');
    if (!period) return;
    if (key.key === 'Enter' || key.key === ' ') {
      key.preventDefault();
      openSources(period);
      return;
    }
    const next = neighbour(period, key.key);
    if (!next) return;
    key.preventDefault();
    period.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  }

  function openSources(period) {
    const lane = lanes.find((l) => l.id === period.dataset.lane);
    const found = lane?.periods[Number(period.dataset.index)];
    if (found) onShowSources(found.eventIds ?? [], periodHeading(lane, found));
  }

  /** One period is the chart's tab stop: the one focused last, also after a redraw (which keeps the focus on it). */
  function restoreRovingFocus(svg, refocus) {
    const periods = [...svg.querySelectorAll('.period')];
    const active = periods.find((p) => p.dataset.key === focusedKey) ?? periods[0];
    if (!active) return;
    active.setAttribute('tabindex', '0');
    if (refocus) active.focus({ preventScroll: true });
  }

  /** Moves the cursor to the page's chosen day (no new choice) and brings it into view. */
  function setDay(newDay) {
    day = newDay;
    cursor?.move(newDay);
    scrollToCursor();
  }

  /** Where the chart is wider than its frame (a phone), the chosen day is kept in sight. */
  function scrollToCursor() {
    const line = scroll.querySelector('.cursor-line');
    if (!line || scroll.scrollWidth <= scroll.clientWidth) return;
    const x = Number(line.getAttribute('x1'));
    if (x < scroll.scrollLeft + 20 || x > scroll.scrollLeft + scroll.clientWidth - 20) scroll.scrollLeft = x - scroll.clientWidth / 2;
  }

  window.addEventListener('resize', () => {
    if (lanes.length && scroll.clientWidth !== lastWidth) draw();
  });

  return { load, setDay };
}

function orderLanes(lanes) {
  const rank = (lane) => CHART_VIEWS.indexOf(lane.view);
  return [...lanes].sort((a, b) => rank(a) - rank(b));
}

function definitions() {
  return svgEl('defs', {},
    svgEl('pattern', { id: 'chart-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svgEl('rect', { width: 3, height: 6, class: 'hatch-stripe' })));
}

function axis(scale, height) {
  const years = scale.years();
  const step = scale.width / Math.max(years.length, 1) < 34 ? 5 : 2;
  return svgEl('g', { class: 'axis', 'aria-hidden': 'true' },
    years.map((year) => {
      const x = scale.x(`${year}-01-01`);
      const labelled = year % step === 0;
      return svgEl('g', {},
        svgEl('line', { x1: x, x2: x, y1: labelled ? AXIS_HEIGHT - 20 : AXIS_HEIGHT - 5, y2: height, class: labelled ? 'grid major' : 'grid' }),
        labelled ? svgEl('text', { x: x + 2, y: AXIS_HEIGHT - 8, class: 'axis-label' }, String(year)) : null);
    }));
}

function laneGroup(lane, index, scale) {
  const y = AXIS_HEIGHT + index * (LANE_HEIGHT + LANE_GAP) + LANE_GAP / 2;
  const competing = new Map();
  for (const period of lane.periods) {
    for (const claim of period.claims ?? []) if (claim.role === 'competing') competing.set(claim.eventId, claim);
  }
  for (const claim of lane.competing ?? []) competing.set(claim.eventId, claim);
  return svgEl('g', { class: `lane view-${lane.view}`, 'data-lane': lane.id, role: 'group', 'aria-label': lane.name },
    svgEl('rect', { x: 0, y, width: scale.width, height: LANE_HEIGHT, class: 'lane-track', 'aria-hidden': 'true' }),
    lane.periods.map((period, periodIndex) => periodGroup(lane, period, periodIndex, scale, y)),
    [...competing.values()].map((claim) => claimMark(lane, claim, scale, y)));
}

function periodGroup(lane, period, index, scale, y) {
  const span = periodSpan(period, scale.firstDay, scale.lastDay);
  const withdrawn = period.value === 'withdrawn';
  const barY = withdrawn ? y + LANE_HEIGHT * 0.4 : y;
  const barHeight = withdrawn ? LANE_HEIGHT * 0.2 : LANE_HEIGHT;
  const tone = `${colourClass(lane, period)}${index % 2 ? ' alt' : ''}`;
  const rect = (from, to, extra) => svgEl('rect', {
    x: scale.x(from), y: barY, width: Math.max(scale.x(to) - scale.x(from), 1), height: barHeight, class: `bar ${tone} ${extra}`,
  });
  const parts = [];
  if (span.core) parts.push(rect(span.core.from, span.core.to, 'core'));
  for (const fade of span.fades) parts.push(rect(fade.from, fade.to, 'fade'), rect(fade.from, fade.to, 'hatch'));
  if (period.disputed) parts.push(rect(span.from, span.to, 'disputed'));
  const text = barText(lane, period);
  const room = span.core ? scale.x(span.core.to) - scale.x(span.core.from) : 0;
  if (!withdrawn && text && room > text.length * LABEL_CHAR_WIDTH + 6) {
    parts.push(svgEl('text', { x: scale.x(span.core.from) + 4, y: y + LANE_HEIGHT / 2 + 4, class: `bar-text ${tone}`, 'aria-hidden': 'true' }, text));
  }
  return svgEl('g', {
    class: 'period', tabindex: '-1', role: 'button', 'aria-haspopup': 'dialog',
    'aria-label': `${periodHeading(lane, period)}. ${period.certainty === 'possible' ? 'Possible only. ' : ''}${period.disputed ? 'Disputed. ' : ''}Sources`,
    'data-key': `${lane.id}|${period.value}|${period.start.on}`, 'data-lane': lane.id, 'data-index': index,
    'data-value': period.value, 'data-start': period.start.on, 'data-end': period.end?.on ?? '',
    'data-certainty': period.certainty, 'data-disputed': String(Boolean(period.disputed)),
    'data-x': Math.round(scale.x(span.from)),
  }, parts);
}

function claimMark(lane, claim, scale, y) {
  const bounds = edtfBounds(claim.on);
  const from = scale.x(bounds.earliest ?? scale.firstDay);
  const to = scale.x(bounds.latest ?? scale.lastDay);
  const x = (from + to) / 2;
  const text = `Competing claim (${claim.rank}): ${claim.says}, ${describeEdtf(claim.on)}`;
  return svgEl('g', { class: `claim-mark rank-${claim.rank}`, 'data-lane': lane.id, 'data-event-id': claim.eventId, 'data-on': claim.on },
    svgEl('title', {}, text),
    to - from > 2 ? svgEl('rect', { x: from, y: y - 3, width: to - from, height: 3, class: 'claim-span' }) : null,
    svgEl('line', { x1: x, x2: x, y1: y - 4, y2: y + LANE_HEIGHT + 2, class: 'claim-line' }),
    svgEl('path', { d: `M${x - 5},${y - 6} L${x + 5},${y - 6} L${x},${y + 1} Z`, class: 'claim-head' }));
}

function neighbour(period, key) {
  const lane = period.closest('.lane');
  const inLane = [...lane.querySelectorAll('.period')];
  const at = inLane.indexOf(period);
  if (key === 'ArrowRight') return inLane[at + 1] ?? null;
  if (key === 'ArrowLeft') return inLane[at - 1] ?? null;
  if (key === 'Home') return inLane[0];
  if (key === 'End') return inLane[inLane.length - 1];
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return null;
  const allLanes = [...lane.parentNode.querySelectorAll('.lane')];
  let index = allLanes.indexOf(lane);
  const x = Number(period.dataset.x);
  for (;;) {
    index += key === 'ArrowDown' ? 1 : -1;
    if (index < 0 || index >= allLanes.length) return null;
    const candidates = [...allLanes[index].querySelectorAll('.period')];
    if (candidates.length === 0) continue;
    return candidates.reduce((best, c) => (Math.abs(Number(c.dataset.x) - x) < Math.abs(Number(best.dataset.x) - x) ? c : best));
  }
}

function shortName(lane) {
  if (lane.view === 'membership') return lane.id;
  return lane.view === 'chairmanship' ? 'Chair' : 'SG';
}

function colourClass(lane, period) {
  if (lane.view === 'membership') return `tone-${period.value}`;
  if (lane.view === 'chairmanship') return 'tone-chair';
  return / \(acting\)$/.test(period.label) ? 'tone-acting' : 'tone-office';
}

function barText(lane, period) {
  if (lane.view === 'chairmanship') return period.value;
  if (lane.view === 'secretary-general') return period.label.replace(/ \(acting\)$/, '').split(' ').slice(-1)[0];
  return '';
}

function summaryText(lanes, knownAt) {
  if (lanes.length === 0) return knownAt ? 'Nothing about these lanes had been recorded by then.' : 'Nothing recorded yet.';
  const periods = lanes.reduce((sum, lane) => sum + lane.periods.length, 0);
  const disputed = lanes.reduce((sum, lane) => sum + lane.periods.filter((p) => p.disputed).length, 0);
  return `${lanes.length} lanes, ${periods} periods${disputed ? `, ${disputed} disputed` : ''}${knownAt ? ', as recorded then' : ''}.`;
}
