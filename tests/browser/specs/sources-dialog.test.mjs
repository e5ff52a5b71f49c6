import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, memberRow, openPage, screenshot, waitForAnswer } from '../lib/browser.mjs';
import { datasetQuotes } from '../lib/dataset.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test("a member's sources open in a dialog with verbatim quotes from the dataset", async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006-12-31');
  await waitForAnswer(page);

  await memberRow(page, 'UZB').getByRole('button', { name: /Sources/ }).click();
  const dialog = page.getByRole('dialog', { name: /Sources: Uzbekistan/ });
  await dialog.waitFor();
  const quote = dialog.locator('blockquote.quote').first();
  await quote.waitFor();

  const shown = (await quote.innerText()).trim();
  assert.ok(datasetQuotes().has(shown), `the quote shown is not a quote of the dataset: ${shown}`);
  assert.ok(await dialog.locator('.source-title').count() >= 1);
  await screenshot(page, 'sources-dialog-uzbekistan-2006-12-31', { fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a timeline event's sources are one click away and the dialog closes with Escape", async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2012-12-19');
  await waitForAnswer(page);

  const firstEvent = page.locator('#timeline li.timeline-event').first();
  const description = (await firstEvent.locator('.event-text').innerText()).trim();
  await firstEvent.getByRole('button', { name: /Sources/ }).click();
  const dialog = page.locator('#event-dialog');
  await dialog.locator('article.event-detail').first().waitFor();
  assert.equal(await dialog.locator('article.event-detail h3').first().innerText(), description);
  assert.ok(await dialog.locator('li.source').count() >= 1, 'the event shows no source');

  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('event-dialog').open);
  assert.equal(await page.evaluate(() => document.activeElement?.closest('li.timeline-event') !== null), true,
    'focus did not return to the event after the dialog closed');
  assert.deepEqual(problems, []);
  await context.close();
});
