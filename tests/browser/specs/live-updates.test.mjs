import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, screenshot, waitForAnswer } from '../lib/browser.mjs';
import { postAsEditor } from '../lib/service.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('an event recorded while the page is open appears on the timeline without a reload', async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006-12-31');
  await waitForAnswer(page);
  await page.locator('#live-status[data-state="live"]').waitFor();
  await page.evaluate(() => { window.loadedOnce = true; });

  const name = `Browser test exercise ${randomUUID().slice(0, 8)}`;
  const receipt = await postAsEditor('/api/v1/events', {
    type: 'ExerciseHeld',
    data: {
      exercise: 'exercise-browser-test',
      name,
      on: '2006-10-15',
      place: 'Test range',
      sources: [{ sourceId: 'seed-000', quote: 'recorded by the browser tests' }],
    },
  });

  const arrived = page.locator('#timeline li.timeline-event', { hasText: name });
  await arrived.waitFor({ timeout: 15_000 });
  assert.equal(await page.evaluate(() => window.loadedOnce), true, 'the page was reloaded');
  assert.match(await arrived.getAttribute('class'), /\bis-new\b/);
  assert.equal(await arrived.getAttribute('data-event-id'), receipt.eventId);
  await page.waitForFunction((text) => document.getElementById('announcer').textContent.includes(text), name);
  assert.match(await page.locator('#live-banner').innerText(), new RegExp(name));
  await screenshot(page, 'live-event-appeared');
  assert.deepEqual(problems, []);
  await context.close();
});
