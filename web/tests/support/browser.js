// Debian's Chromium, headless, driven by playwright-core; plus helpers shared by the tests.

import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = join(here, '..', 'screenshots');

export async function launch_browser() {
  return chromium.launch({
    executablePath: process.env.MAHDAR_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A fresh browser context (own storage) whose page reports script errors to `errors`. */
export async function new_page(browser, base_url, { width = 1280, height = 900, locale = 'en-GB' } = {}) {
  const context = await browser.newContext({
    baseURL: base_url,
    viewport: { width, height },
    locale,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  // The server's Content-Security-Policy refusing something the page does (an inline style or
  // script, a request to another origin) is reported only on the console: an error too.
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) page.errors.push(`CSP: ${m.text()}`);
  });
  return page;
}

/** Waits until the search triggered by the last action has been drawn. */
export async function settled(page) {
  await page.waitForFunction(() => {
    const r = document.getElementById('results');
    return r && !r.hasAttribute('aria-busy') && document.getElementById('summary').textContent !== '';
  });
}

export async function screenshot(page, name, { full_page = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: full_page });
}

/** GET an API route directly (to compare what the page shows with what the server says). */
export async function api_get(base_url, path) {
  const r = await fetch(base_url + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
}

/** Runs `action` and waits until the /api/search request it causes has been answered and drawn. */
export async function after_search(page, action) {
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/search');
  await action();
  await response;
  await settled(page);
}

const AXE = join(here, '..', 'node_modules', 'axe-core', 'axe.min.js');

/**
 * The axe-core accessibility violations of the page as it is now (WCAG 2.x A and AA rules and
 * axe's best practices), each as "rule: target (summary)" — empty when axe finds none.
 */
export async function axe_violations(page) {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return result.violations.flatMap((v) => v.nodes.map((n) =>
    `${v.id}: ${n.target.join(' ')} (${v.help})`));
}
