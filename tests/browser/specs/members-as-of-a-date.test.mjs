import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, memberRow, openPage, screenshot, waitForAnswer } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('on 2006-12-31 Uzbekistan is among the members', async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006-12-31');
  await waitForAnswer(page);

  const uzbekistan = memberRow(page, 'UZB');
  await uzbekistan.waitFor();
  assert.equal(await uzbekistan.getAttribute('data-status'), 'member');
  assert.match(await uzbekistan.innerText(), /Uzbekistan/);
  assert.match(await page.locator('#as-of-heading').innerText(), /As of 31 December 2006/);
  await screenshot(page, 'members-2006-12-31');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on 2013-06-01 Uzbekistan is no longer a member', async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2013-06-01');
  await waitForAnswer(page);

  await memberRow(page, 'RUS').waitFor();
  assert.equal(await memberRow(page, 'RUS').getAttribute('data-status'), 'member');
  assert.equal(await page.locator('#members li.member[data-state="UZB"][data-status="member"]').count(), 0,
    'Uzbekistan is listed as a full member on 2013-06-01');
  await screenshot(page, 'members-2013-06-01');
  assert.deepEqual(problems, []);
  await context.close();
});

test("on 2024-06-01 Armenia is listed with its participation frozen, and the summary counts each status", async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2024-06-01');
  await waitForAnswer(page);

  await memberRow(page, 'ARM').waitFor();
  assert.equal(await memberRow(page, 'ARM').getAttribute('data-status'), 'frozen');
  assert.match(await memberRow(page, 'ARM').innerText(), /frozen/);
  assert.match(await page.locator('#members-summary').innerText(), /^\d+ listed: \d+ member, 1 suspended, 1 frozen\.$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a year alone is read as of its last day and stays a year in the URL', async () => {
  const { page, context, problems } = await openPage(browser, '/?asOf=2006');
  await waitForAnswer(page);

  assert.match(await page.locator('#as-of-heading').innerText(), /As of 31 December 2006 \(2006 read as its last day\)/);
  assert.equal(await memberRow(page, 'UZB').getAttribute('data-status'), 'member');
  assert.equal(await page.inputValue('#as-of'), '2006');
  assert.equal(new URL(page.url()).search, '?asOf=2006');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an impossible date in the URL is named as an error, and the page falls back to today', async () => {
  const { page, context } = await openPage(browser, '/?asOf=2006-13');
  await waitForAnswer(page);

  const error = page.locator('#as-of-error');
  await error.waitFor();
  assert.match(await error.innerText(), /no month 13/);
  assert.equal(await page.getAttribute('#as-of', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#as-of'), '2006-13');
  assert.doesNotMatch(await page.locator('#as-of-heading').innerText(), /2006/);
  await context.close();
});
