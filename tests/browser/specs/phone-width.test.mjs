import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, memberRow, openPage, screenshot, waitForAnswer } from '../lib/browser.mjs';

const PHONE = { width: 360, height: 740 };

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('at 360px wide nothing scrolls sideways and the answer and the timeline are readable', async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006-12-31', PHONE);
  await waitForAnswer(page);
  await memberRow(page, 'UZB').waitFor();

  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= PHONE.width,
    'the page is wider than the phone');
  for (const selector of ['#as-of', '#as-of-slider', '#known-at', '#members', '#timeline']) {
    const box = await page.locator(selector).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `${selector} does not fit the width`);
  }
  await screenshot(page, 'phone-360-2006-12-31');

  await memberRow(page, 'UZB').getByRole('button', { name: /Sources/ }).click();
  await page.locator('#event-dialog blockquote.quote').first().waitFor();
  const dialogBox = await page.locator('#event-dialog').boundingBox();
  assert.ok(dialogBox.x >= 0 && dialogBox.x + dialogBox.width <= PHONE.width, 'the dialog does not fit the width');
  await screenshot(page, 'phone-360-sources-dialog', { fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});
