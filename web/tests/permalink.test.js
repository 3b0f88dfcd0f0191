// A statement's permalink (/s/ID): the reader on the passage with the query's words marked, in
// the English and the Arabic interface; copy link; closing without a history entry; citations
// holding bidi isolates; a long cite quote that reloads; an id no longer in the index.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { api_get, axe_violations, launch_browser, new_page, screenshot, settled } from './support/browser.js';
import { WEB_DIR, start_server } from './support/server.js';

let server;
let browser;
before(async () => {
  server = await start_server();
  browser = await launch_browser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const current = (page) => page.locator('#passage-dialog .reader-list li.current');
const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
/** axe-core's findings inside the reader (the rest of the page is another test's). */
const reader_violations = async (page) => (await axe_violations(page)).filter((v) => v.includes('#passage-dialog'));
const toast_shown = (page) => page.waitForFunction(() => document.getElementById('toast').classList.contains('visible'));

test('a permalink opens the reader on its passage with the query words marked (English)', async () => {
  const page = await new_page(browser, server.url);
  const response = await page.goto('/s/en-sample.en:0?q=migrants%20protection&ui=en');
  assert.equal(response.status(), 200);
  await current(page).waitFor();
  const p = await api_get(server.url, '/api/passage/en-sample.en:0');
  assert.equal(await current(page).locator('.reader-text').textContent(), p.text);
  const marks = await current(page).locator('.reader-text mark').allTextContents();
  assert.deepEqual(marks, ['migrant', 'protection']);
  assert.equal(await current(page).locator('.para-num').textContent(), 'para. 1');
  assert.equal(await current(page).locator('.speaker').textContent(), 'Sara Salman, ESCWA');
  assert.equal(await page.locator('#q').inputValue(), 'migrants protection');

  await page.locator('#passage-dialog .copy-link').click();
  await toast_shown(page);
  assert.equal(await clipboard(page), `${server.url}/s/en-sample.en:0?q=migrants+protection`);
  await screenshot(page, 'permalink-en', { full_page: false });
  assert.deepEqual(await reader_violations(page), []);

  // Followed from elsewhere: closing replaces the entry with the search, adding none.
  const length = await page.evaluate(() => history.length);
  await page.keyboard.press('Escape');
  await page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('q') === 'migrants protection');
  await settled(page);
  assert.equal(await page.evaluate(() => history.length), length);
  assert.deepEqual(page.errors, []);
});

test('a link of the earlier form (?passage=ID) opens the reader and becomes the permalink', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?passage=en-sample.en%3A0&q=migration&ui=en');
  await current(page).waitFor();
  const url = new URL(page.url());
  assert.equal(url.pathname, '/s/en-sample.en:0');
  assert.equal(url.searchParams.get('passage'), null);
  assert.equal(url.searchParams.get('q'), 'migration');
});

test('the Arabic interface marks an Arabic word under its clitics and diacritics', async () => {
  const page = await new_page(browser, server.url);
  await page.goto(`/s/ar-sample.ar:1?q=${encodeURIComponent('الامم المهاجرين')}&ui=ar`);
  await current(page).waitFor();
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.deepEqual(await current(page).locator('.reader-text mark').allTextContents(), ['والمهاجرين']);
  assert.equal(await current(page).locator('.para-num').textContent(), 'الفقرة 2');
  assert.equal(await current(page).locator('.speaker').textContent(), 'سارة سلمان، الإسكوا');
  // The neighbouring paragraphs are marked too: "الامم" finds the diacritised "الأُمَم".
  const before = page.locator('#passage-dialog .reader-list li').first();
  assert.deepEqual(await before.locator('mark').allTextContents(), ['الأُمَم']);
  await screenshot(page, 'permalink-ar', { full_page: false });
  assert.deepEqual(await reader_violations(page), []);
  assert.deepEqual(page.errors, []);
});

test('opening adds one history entry, closing none: Back and Forward close and reopen', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?q=migrant&ui=en');
  await settled(page);
  const start = await page.evaluate(() => history.length);
  await page.locator('#hits .hit-title a').first().click();
  await current(page).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/s\/./);
  assert.equal(await page.evaluate(() => history.length), start + 1);

  await page.locator('#passage-dialog .close').click();
  await page.waitForFunction(() => !document.getElementById('passage-dialog').open);
  await page.waitForURL((u) => u.pathname === '/');
  assert.equal(await page.evaluate(() => history.length), start + 1, 'closing adds no entry');
  await page.goForward();
  await current(page).waitFor();
  await page.goBack();
  await page.waitForFunction(() => !document.getElementById('passage-dialog').open);
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'migrant');
  assert.deepEqual(page.errors, []);
});

test('a copied citation of an Arabic speaker in the English interface isolates the Arabic', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/s/ar-sample.ar:1?ui=en');
  await current(page).waitFor();
  await page.locator('#passage-dialog .copy-citation').click();
  await toast_shown(page);
  const copied = await clipboard(page);
  assert.ok(copied.startsWith('Statement by Ms. \u2068سارة سلمان\u2069 (\u2068الإسكوا\u2069), '), copied);
  assert.ok(copied.includes('\u2068اجتماع تجريبي بشأن الهجرة في المنطقة العربية\u2069'), copied);
  assert.ok(copied.endsWith('28 January 2021, para. 2.'), copied);

  // The page's own citation, where the server has no lookup, isolates them too.
  const local = await new_page(browser, server.url);
  await local.route('**/api/cite', (route) => route.fulfill({ status: 404, contentType: 'application/json',
    body: JSON.stringify({ error: { code: 'not_found', message: 'no citation lookup here' } }) }));
  await local.goto('/s/ar-sample.ar:1?ui=en');
  await current(local).waitFor();
  await local.locator('#passage-dialog .copy-citation').click();
  await toast_shown(local);
  assert.equal(await clipboard(local),
    '\u2068اجتماع تجريبي بشأن الهجرة في المنطقة العربية\u2069, para. 2, \u2068سارة سلمان\u2069, 28 January 2021');
});

/** The first `n` characters of the bundled English reports: prose, as a draft quotes it. */
function long_quote(n) {
  const dir = join(WEB_DIR, '..', 'corpus', 'en');
  const prose = readdirSync(dir).filter((f) => f.endsWith('.md')).sort()
    .map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  let quote = prose.replace(/\s+/g, ' ').slice(0, n).trim();
  while (Buffer.byteLength(quote) > 8192) quote = quote.slice(0, -10).trim(); // the cite API's limit
  return quote;
}

test('an 8,000-character quote in the cite view reloads (packed in the URL, no 414)', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?view=cite&ui=en');
  const quote = long_quote(8000);
  await page.fill('#cite-text', quote);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cite');
  await page.click('.cite-form button[type="submit"]');
  await answered;
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('text'), null);
  assert.ok(url.searchParams.get('z'), 'packed as z=');
  assert.ok(page.url().length < 8192, `URL of ${page.url().length} characters`);

  const again = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cite');
  const reloaded = await page.reload();
  assert.equal(reloaded.status(), 200);
  const request = JSON.parse((await again).request().postData());
  assert.equal(request.text, quote);
  assert.equal(await page.locator('#cite-text').inputValue(), quote);

  // The same link in another tab (no history to fall back on).
  const shared = await new_page(browser, server.url);
  const lookup = shared.waitForResponse((r) => new URL(r.url()).pathname === '/api/cite');
  assert.equal((await shared.goto(page.url())).status(), 200);
  assert.equal(JSON.parse((await lookup).request().postData()).text, quote);
  assert.deepEqual(page.errors, []);
});

test('a permalink whose passage is no longer in the index says so and offers a search', async () => {
  for (const ui of ['en', 'ar']) {
    const page = await new_page(browser, server.url);
    const response = await page.goto(`/s/en-sample.en:999?q=migration&ui=${ui}`);
    assert.equal(response.status(), 404);
    const gone = page.locator('#passage-dialog .passage-gone');
    await gone.waitFor();
    assert.equal(await gone.locator('.message-title').textContent(),
      ui === 'en' ? 'This passage is no longer in the index.' : 'لم يعد هذا المقطع موجوداً في الفهرس.');
    assert.deepEqual(await reader_violations(page), []);
    await gone.locator('.search-instead').click();
    await page.waitForFunction(() => !document.getElementById('passage-dialog').open);
    await settled(page);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.ok(await page.locator('#hits > li').count() > 0, 'the search for q is shown');
    assert.deepEqual(page.errors, []);
  }
});

test('the API page lays out the table of errors, one row for each code the API gives', async () => {
  const spec = await api_get(server.url, '/api/openapi.json');
  const codes = spec.components.schemas.Error.properties.error.properties.code.enum;
  const page = await new_page(browser, server.url);
  await page.goto('/api.html');
  const table = page.locator('table.described').filter({ hasText: 'uri_too_long' });
  await table.waitFor();
  const listed = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  assert.deepEqual([...listed].sort(), [...codes].sort());
  assert.deepEqual(page.errors, []);
});
