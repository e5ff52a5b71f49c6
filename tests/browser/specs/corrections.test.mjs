import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, screenshot, waitForAnswer } from '../lib/browser.mjs';
import { postAsEditor, waitUntilKnown } from '../lib/service.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

function exercise(name) {
  return {
    exercise: 'exercise-browser-correction-test',
    name,
    on: '2009-10-20',
    sources: [{ sourceId: 'seed-000', quote: 'recorded by the browser tests' }],
  };
}

test('a corrected event offers the answer from before the correction, through knownAt', async () => {
  const tag = randomUUID().slice(0, 8);
  const wrong = `Misnamed exercise ${tag}`;
  const right = `Renamed exercise ${tag}`;
  const fact = await postAsEditor('/api/v1/events', { type: 'ExerciseHeld', data: exercise(wrong) });
  await waitUntilKnown(fact.eventId);
  await postAsEditor(`/api/v1/events/${fact.eventId}/corrections`, {
    reason: 'The browser tests give the exercise its right name',
    sources: [{ sourceId: 'seed-000', quote: 'corrected by the browser tests' }],
    replacement: exercise(right),
  });

  const { page, context, problems } = await openPage(browser, '/?asOf=2009-12-31');
  await waitForAnswer(page);
  const corrected = page.locator('#timeline li.timeline-event', { hasText: right });
  await corrected.waitFor();
  assert.equal(await page.locator('#timeline li.timeline-event', { hasText: wrong }).count(), 0);

  await corrected.getByRole('button', { name: /Sources/ }).click();
  const before = page.getByRole('button', { name: 'Show the answer before this record' });
  await before.waitFor();
  await screenshot(page, 'correction-dialog', { fullPage: false });
  await before.click();

  await page.waitForURL(/\?asOf=2009-12-31&knownAt=\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
  await waitForAnswer(page);
  await page.locator('#timeline li.timeline-event', { hasText: wrong }).waitFor();
  assert.equal(await page.locator('#timeline li.timeline-event', { hasText: right }).count(), 0);
  assert.match(await page.locator('#as-of-heading').innerText(), /as recorded at /);
  assert.notEqual(await page.inputValue('#known-at'), '');
  await screenshot(page, 'correction-before-known-at');
  assert.deepEqual(problems, []);
  await context.close();
});
