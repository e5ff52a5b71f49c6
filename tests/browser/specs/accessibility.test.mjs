import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { launchBrowser, memberRow, openPage, waitForAnswer } from '../lib/browser.mjs';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now; answers the violations. */
async function accessibilityViolations(page) {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
  test(`the page breaks no WCAG 2.1 AA rule axe-core checks (${name})`, async () => {
    // axe is injected as an inline script, which the page's Content-Security-Policy forbids.
    const { page, context } = await openPage(browser, '/?asOf=2006-12-31', { ...viewport, bypassCSP: true });
    await waitForAnswer(page);
    await memberRow(page, 'UZB').waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await context.close();
  });
}

test('the sources dialog breaks no WCAG 2.1 AA rule axe-core checks', async () => {
  const { page, context } = await openPage(browser, '/?asOf=2006-12-31', { bypassCSP: true });
  await waitForAnswer(page);
  await memberRow(page, 'UZB').getByRole('button', { name: /Sources/ }).click();
  await page.locator('#event-dialog blockquote.quote').first().waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await context.close();
});
