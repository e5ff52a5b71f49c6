import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, memberRow, openPage, screenshot, waitForAnswer } from '../lib/browser.mjs';
import { getJson, postAsEditor } from '../lib/service.mjs';

const VIEWS = 'membership,secretary-general,chairmanship';
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** The periods the chart draws, as the API's fields: lane|value|start|end. */
async function drawnPeriods(page) {
  return page.locator('#chart-scroll .period').evaluateAll((periods) => periods.map((p) =>
    `${p.dataset.lane}|${p.dataset.value}|${p.dataset.start}|${p.dataset.end}|${p.dataset.certainty}|${p.dataset.disputed}`));
}

function apiPeriods(answer) {
  return answer.lanes.flatMap((lane) => lane.periods.map((p) =>
    `${lane.id}|${p.value}|${p.start.on}|${p.end?.on ?? ''}|${p.certainty}|${p.disputed}`));
}

test('the chart draws one lane per state, the Secretary General and the chair, period for period as the API answers', async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006-12-31');
  await waitForAnswer(page);
  const answer = await getJson(`/api/v1/periods?view=${VIEWS}`);

  assert.deepEqual((await drawnPeriods(page)).sort(), apiPeriods(answer).sort());
  const lanes = await page.locator('#chart-scroll .lane').evaluateAll((all) => all.map((lane) => lane.dataset.lane));
  assert.deepEqual(lanes.slice(-2), ['secretary-general', 'chairmanship']);
  assert.deepEqual(lanes.slice(0, -2).sort(), ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);

  // Uncertain edges are drawn as fades, disputed periods with their competing claims.
  const belarus = page.locator('#chart-scroll .period[data-lane="BLR"][data-value="member"]');
  assert.equal(await belarus.locator('rect.fade').count(), 1, 'an accession dated "1993" fades over that year');
  const uzbekistan = page.locator('#chart-scroll .period[data-lane="UZB"][data-start="2006-08-16"]');
  assert.equal(await uzbekistan.getAttribute('data-disputed'), 'true');
  assert.equal(await uzbekistan.locator('rect.disputed').count(), 1);
  const marks = await page.locator('#chart-scroll .claim-mark[data-lane="UZB"]').evaluateAll((all) => all.map((m) => m.dataset.on).sort());
  assert.deepEqual(marks, ['2006-06-23', '2012-06-28']);

  // The text equivalent holds the same periods.
  await page.locator('.chart-table-details summary').click();
  const rows = await page.locator('#chart-table tbody tr').evaluateAll((all) => all.map((r) => `${r.dataset.lane}|${r.dataset.value}|${r.dataset.start}|${r.dataset.end}`));
  assert.deepEqual(rows.sort(), apiPeriods(answer).map((p) => p.split('|').slice(0, 4).join('|')).sort());
  await screenshot(page, 'chart-1280');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the chart draws the whole history in well under 100 ms (measured, reported, not asserted)', async () => {
  const { page, context } = await openPage(browser, '/?asOf=2006-12-31');
  await waitForAnswer(page);
  const svg = page.locator('#chart-scroll svg');
  const first = Number(await svg.getAttribute('data-draw-ms'));
  const redraws = [];
  for (let i = 0; i < 11; i++) {
    await page.setViewportSize({ width: 1200 + (i % 2) * 40, height: 900 });
    await page.waitForFunction((previous) => document.querySelector('#chart-scroll svg')?.dataset.drawMs !== previous
      || document.querySelector('#chart-scroll svg')?.getAttribute('width') !== String(previous), await svg.getAttribute('data-draw-ms'));
    redraws.push(Number(await page.locator('#chart-scroll svg').getAttribute('data-draw-ms')));
  }
  const periods = await page.locator('#chart-scroll .period').count();
  redraws.sort((a, b) => a - b);
  const line = `chart draw time: first draw ${first.toFixed(1)} ms; redraws (11, 1200-1240px) median ${redraws[5].toFixed(1)} ms, max ${redraws[10].toFixed(1)} ms; ${periods} periods`;
  console.log(line);
  writeFileSync(path.join(process.env.CHRONICLE_ARTIFACTS ?? '.artifacts/browser', 'chart-draw-time.txt'), `${line}\n`);
  assert.ok(Number.isFinite(first) && first > 0);
  await context.close();
});

test('dragging the cursor chooses a new date; the day view follows', async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006-12-31');
  await waitForAnswer(page);
  const knob = await page.locator('#chart-scroll .cursor-knob').boundingBox();
  const suspended = await page.locator('#chart-scroll .period[data-lane="UZB"][data-value="suspended"] rect.core').boundingBox();

  await page.mouse.move(knob.x + knob.width / 2, knob.y + knob.height / 2);
  await page.mouse.down();
  await page.mouse.move(suspended.x + 40, knob.y + knob.height / 2, { steps: 8 });
  await page.mouse.up();

  await page.waitForURL((url) => /^\?asOf=20\d\d-\d\d-\d\d$/.test(url.search) && url.search !== '?asOf=2006-12-31');
  const asOf = new URL(page.url()).searchParams.get('asOf');
  assert.ok(asOf > '2012-12-19', `dragged to ${asOf}`);
  await waitForAnswer(page);
  assert.equal(await page.inputValue('#as-of'), asOf);
  assert.equal(await memberRow(page, 'UZB').getAttribute('data-status'), 'suspended');
  assert.equal(await page.locator('#chart-scroll .cursor-label').textContent(), asOf);
  assert.deepEqual(problems, []);
  await context.close();
});

test('by keyboard: the cursor moves a year with Page Up, and a period opens its sources with Enter', async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006-12-31');
  await waitForAnswer(page);
  await page.locator('#chart-scroll .cursor').focus();
  await page.keyboard.press('PageUp');
  await page.waitForURL(/\?asOf=2007-12-31$/);
  await waitForAnswer(page);
  assert.equal(await page.locator('#chart-scroll .cursor').getAttribute('aria-valuetext'), '31 December 2007');

  await page.locator('#chart-scroll .period[tabindex="0"]').focus();
  for (const key of ['Home', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
  const focused = await page.evaluate(() => document.activeElement.dataset);
  assert.equal(focused.lane, 'UZB');
  assert.equal(focused.start, '2006-08-16');
  await page.keyboard.press('Enter');
  await page.locator('#event-dialog[open] blockquote.quote').first().waitFor();
  assert.match(await page.locator('#event-dialog-title').innerText(), /Uzbekistan: member, from 16 August 2006/);
  assert.equal(await page.locator('#event-dialog article.event-detail').count(), 4, 'start, end and both competing claims');
  await screenshot(page, 'chart-sources-dialog', { fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a correction recorded while the page is open redraws the chart live; an earlier knownAt draws it as it was', async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006-12-31');
  await waitForAnswer(page);
  await page.locator('#live-status[data-state="live"]').waitFor();
  const suspension = (on) => ({ state: 'TJK', on, sources: [{ sourceId: 'seed-000', quote: 'recorded by the browser tests' }] });

  const fact = await postAsEditor('/api/v1/events', { type: 'MembershipSuspended', data: suspension('2026-06-01') });
  const first = page.locator('#chart-scroll .period[data-lane="TJK"][data-value="suspended"][data-start="2026-06-01"]');
  await first.waitFor({ timeout: 15_000 });
  const beforeCorrection = new Date().toISOString();
  await new Promise((resolve) => { setTimeout(resolve, 50); });
  await postAsEditor(`/api/v1/events/${fact.eventId}/corrections`, {
    reason: 'The browser tests move the suspension', sources: [{ sourceId: 'seed-000', quote: 'corrected by the browser tests' }],
    replacement: suspension('2026-09-01'),
  });

  await page.locator('#chart-scroll .period[data-lane="TJK"][data-value="suspended"][data-start="2026-09-01"]').waitFor({ timeout: 15_000 });
  assert.equal(await first.count(), 0);
  await screenshot(page, 'chart-after-live-correction');

  await page.goto(new URL(`/?asOf=2006-12-31&knownAt=${beforeCorrection}`, page.url()).href);
  await waitForAnswer(page);
  assert.equal(await first.count(), 1, 'as known before the correction, the suspension began on 2026-06-01');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
  test(`the chart and its table break no WCAG 2.1 AA rule axe-core checks (${name})`, async () => {
    const { page, context } = await openPage(browser, '/?asOf=2006-12-31', { ...viewport, bypassCSP: true });
    await waitForAnswer(page);
    await page.locator('.chart-table-details summary').click();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= viewport.width, 'the page scrolls sideways');
    await page.addScriptTag({ path: axeSource });
    const violations = await page.evaluate(async () => {
      const results = await window.axe.run(document.getElementById('chart-view'), { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
    assert.deepEqual(violations, []);
    await screenshot(page, `chart-${name}-with-table`, { fullPage: false });
    await context.close();
  });
}
