import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, memberRow, openPage, screenshot, waitForAnswer } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Presses Tab until the focused element matches the selector; at most `limit` presses. */
async function tabTo(page, selector, limit = 40) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached with ${limit} presses of Tab`);
}

async function focusOutlineOf(page) {
  return page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
}

test('the date is changed with the keyboard alone: the field, then the slider, then back', async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006-12-31');
  await waitForAnswer(page);
  assert.equal(await memberRow(page, 'UZB').getAttribute('data-status'), 'member');

  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await tabTo(page, '#as-of');
  assert.notEqual(await focusOutlineOf(page), 'none', 'the focused date field shows no outline');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2013-06-01');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?asOf=2013-06-01$/);
  await waitForAnswer(page);
  await memberRow(page, 'RUS').waitFor();
  assert.equal(await page.locator('#members li.member[data-state="UZB"][data-status="member"]').count(), 0);
  await page.waitForFunction(() => document.getElementById('announcer').textContent.startsWith('As of 1 June 2013'));

  await tabTo(page, '#as-of-slider');
  assert.notEqual(await focusOutlineOf(page), 'none', 'the focused slider shows no outline');
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL(/\?asOf=2013-05$/);
  await waitForAnswer(page);
  assert.match(await page.locator('#as-of-heading').innerText(), /As of 31 May 2013/);
  assert.equal(await page.getAttribute('#as-of-slider', 'aria-valuetext'), 'May 2013');
  await screenshot(page, 'keyboard-slider-2013-05');

  await page.goBack();
  await page.waitForURL(/\?asOf=2013-06-01$/);
  await waitForAnswer(page);
  assert.equal(await page.inputValue('#as-of'), '2013-06-01');
  assert.deepEqual(problems, []);
  await context.close();
});

test("a member's sources open and close from the keyboard, and focus comes back", async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006-12-31');
  await waitForAnswer(page);

  await tabTo(page, '#members li.member button');
  const opener = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  await page.keyboard.press('Enter');
  await page.locator('#event-dialog blockquote.quote').first().waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'event-dialog-close');

  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('event-dialog').open);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), opener);
  assert.deepEqual(problems, []);
  await context.close();
});
