import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, memberRow, openPage, screenshot, waitForAnswer } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a knownAt before anything was recorded shows no members, and Latest brings the record back', async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006-12-31&knownAt=2000-01-01T00:00:00Z');
  await waitForAnswer(page);

  // Chromium leaves out zero seconds in a datetime-local value.
  assert.match(await page.inputValue('#known-at'), /^2000-01-01T00:00(:00)?$/);
  assert.match(await page.locator('#members-summary').innerText(), /No member states/);
  assert.equal(await page.locator('#members li.member').count(), 0);
  assert.match(await page.locator('#as-of-heading').innerText(), /as recorded at 2000-01-01 00:00:00 UTC/);
  await screenshot(page, 'known-at-2000-01-01');

  await page.getByRole('button', { name: 'Latest' }).click();
  await page.waitForURL(/\?asOf=2006-12-31$/);
  await waitForAnswer(page);
  await memberRow(page, 'UZB').waitFor();
  assert.equal(await page.inputValue('#known-at'), '');
  assert.deepEqual(problems, []);
  await context.close();
});
