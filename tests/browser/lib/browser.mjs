// One headless Chromium per spec file, and the page helpers the specs share.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { baseUrl } from './service.mjs';

const artifacts = process.env.CHRONICLE_ARTIFACTS ?? path.resolve('.artifacts/browser');

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/**
 * A fresh page (its own context) that records every script error and failed request, so
 * that a spec can assert the page ran cleanly.
 */
export async function openPage(browser, pathAndQuery, { width = 1280, height = 900, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-GB', timezoneId: 'UTC', bypassCSP });
  // Generous for a loaded 2-core machine, short enough that a broken page fails fast.
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  // The page's modules run before DOMContentLoaded; waitForAnswer waits for the rest.
  await page.goto(new URL(pathAndQuery, baseUrl()).href, { waitUntil: 'domcontentloaded' });
  return { page, context, problems };
}

/** Waits until the answers for the page's date, and the chart of periods, are on screen. */
export async function waitForAnswer(page) {
  await page.locator('#as-of-view[aria-busy="false"]').waitFor();
  await page.locator('#timeline-view[aria-busy="false"]').waitFor();
  await waitForChart(page);
}

export async function waitForChart(page) {
  await page.locator('#chart-view[aria-busy="false"]').waitFor();
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** The member row of a state (by ISO code), as the page shows it. */
export function memberRow(page, state) {
  return page.locator(`#members li.member[data-state="${state}"]`);
}
