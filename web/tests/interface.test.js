// The interface language, the passage reader, copying citations, the phone layout, the cite view.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { after_search, api_get, launch_browser, new_page, screenshot, settled } from './support/browser.js';
import { start_server } from './support/server.js';

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

test('switching to Arabic mirrors the layout, translates labels and is remembered', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?q=migration');
  await settled(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await screenshot(page, 'ui-en');
  const ltr = await boxes(page);
  assert.ok(ltr.facets.x < ltr.results.x, 'sidebar on the left in English');

  await after_search(page, () => page.click('[data-ui="ar"]'));
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(new URL(page.url()).searchParams.get('ui'), 'ar');
  assert.equal(await page.textContent('#search-form button[type="submit"]'), 'بحث');
  assert.equal(await page.textContent('#facet-title-country'), 'البلد');
  assert.ok(await page.getByRole('checkbox', { name: /^المغرب/ }).count() === 1);
  assert.equal(await page.getAttribute('#sort option[value="-date"]', 'value'), '-date');
  assert.equal(await page.textContent('#sort option[value="-date"]'), 'الأحدث أولاً');
  const date = await page.locator('#hits time').first().textContent();
  assert.match(date, /(يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)/);
  const rtl = await boxes(page);
  assert.ok(rtl.facets.x > rtl.results.x, 'sidebar on the right in Arabic');
  // English passages stay left-to-right inside the Arabic interface.
  const en = page.locator('#hits .snippet[lang="en"]').first();
  assert.equal(await en.getAttribute('dir'), 'ltr');
  assert.equal(await en.evaluate((e) => getComputedStyle(e).direction), 'ltr');
  await screenshot(page, 'ui-ar');

  const again = await page.context().newPage();
  await again.goto('/');
  await settled(again);
  assert.equal(await again.getAttribute('html', 'dir'), 'rtl', 'the choice is remembered');
  assert.equal(new URL(again.url()).searchParams.get('ui'), 'ar');

  await after_search(page, () => page.click('[data-ui="fr"]'));
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.equal(await page.textContent('#facet-title-country'), 'Pays');
  assert.match(await page.textContent('#summary'), /^\d+ résultats en [\d,]+ ms$/);
  assert.deepEqual(page.errors, []);
});

async function boxes(page) {
  return {
    facets: await page.locator('#facets').boundingBox(),
    results: await page.locator('#results').boundingBox(),
  };
}

test('the copy-citation button puts the citation on the clipboard', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?speaker=Sara%20Salman&lang=en&ui=en');
  await settled(page);
  const hit = (await api_get(server.url, '/api/search?speaker=Sara%20Salman&lang=en')).hits[0];
  await page.locator('#hits .copy-citation').first().click();
  await page.waitForFunction(() => document.getElementById('toast').classList.contains('visible'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await server_citation(hit, 'en'));
  assert.ok(copied.includes(hit.doc_title) && copied.includes('Sara Salman'));
});

/** The server's citation of `hit` in `ui`, from /api/cite; the server must offer one. */
async function server_citation(hit, ui) {
  const r = await fetch(`${server.url}/api/cite`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: hit.text, lang: hit.lang }) });
  assert.equal(r.status, 200, '/api/cite answers');
  const match = (await r.json()).matches.find((m) => m.id === hit.id);
  assert.ok(match, `/api/cite finds ${hit.id} from its own text`);
  assert.equal(typeof match.citation?.[ui], 'string');
  assert.ok(match.citation[ui].length > 0);
  return match.citation[ui];
}

test('a passage opens among its neighbours, with a deep link that can be shared', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?q=Morocco%20data&ui=en');
  await settled(page);
  const title = page.locator('#hits .hit-title a').first();
  await title.click();
  const dialog = page.locator('#passage-dialog');
  await dialog.locator('.reader-list li.current').waitFor();
  const id = decodeURIComponent(new URL(page.url()).pathname.replace(/^\/s\//, ''));
  assert.match(new URL(page.url()).pathname, /^\/s\/./, 'the passage\'s permalink');
  const p = await api_get(server.url, `/api/passage/${encodeURIComponent(id)}`);
  const doc = await api_get(server.url, `/api/document/${encodeURIComponent(p.doc_id)}`);
  assert.equal(await dialog.locator('.reader-list li.current .reader-text').textContent(), p.text);
  const at = doc.passages.findIndex((x) => x.id === id);
  const shown = Math.min(doc.passages.length, at + 4) - Math.max(0, at - 3);
  assert.equal(await dialog.locator('.reader-list li').count(), shown, 'three neighbours each side');
  await screenshot(page, 'passage-en', { full_page: false });

  const shared = await new_page(browser, server.url);
  await shared.goto(page.url());
  await shared.locator('#passage-dialog .reader-list li.current').waitFor();
  assert.equal(await shared.locator('#passage-dialog .reader-text').nth(
    await shared.locator('#passage-dialog .reader-list li').evaluateAll(
      (lis) => lis.findIndex((li) => li.classList.contains('current')))).textContent(), p.text);

  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await page.waitForFunction(() => document.getElementById('toast').classList.contains('visible'));
  // The permalink with the query (whose words it marks), not the whole search state.
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
    `${server.url}/s/${encodeURIComponent(id).replace(/%3A/g, ':')}?q=Morocco+data`);

  // Closing goes back to the search (no new entry); Forward opens the passage again.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('passage-dialog').open);
  await page.waitForURL((u) => u.pathname === '/');
  await page.goForward();
  await dialog.locator('.reader-list li.current').waitFor();
});

test('on a phone-width screen the filters fold away and nothing overflows', async () => {
  const page = await new_page(browser, server.url, { width: 390, height: 844 });
  await page.goto('/?q=migration&ui=ar');
  await settled(page);
  assert.equal(await page.locator('#facets').isVisible(), false);
  await page.click('#filters-toggle');
  assert.equal(await page.locator('#facets').isVisible(), true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page wider than the screen by ${overflow}px`);
  await screenshot(page, 'phone-ar', { full_page: false });
});

test('the cite view finds the source of a pasted sentence and marks what differs', async () => {
  const source = (await api_get(server.url,
    `/api/search?q=${encodeURIComponent('"regional dashboard of migration data"')}`)).hits;
  assert.equal(source.length, 1);
  const page = await new_page(browser, server.url);
  await page.goto('/?ui=en');
  await settled(page);
  await page.click('#mode-cite');
  assert.equal(new URL(page.url()).searchParams.get('view'), 'cite');
  // The source says "invited Egypt, Jordan and Morocco to share their administrative records".
  const sentence = 'Sara Salman presented a regional dashboard of migration data and invited Egypt and Jordan to share records.';
  await page.fill('#cite-text', sentence);
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cite');
  await page.click('.cite-form button[type="submit"]');
  const response = await answer;
  assert.equal(response.status(), 200);
  assert.equal((await response.json()).matches[0]?.id, source[0].id);
  assert.equal(new URL(page.url()).searchParams.get('text'), sentence);
  const first = page.locator('.cite-match').first();
  await first.waitFor();
  assert.equal(await first.locator('.hit-title a').textContent(), source[0].doc_title);
  assert.equal(decodeURIComponent(new URL(await first.locator('.hit-title a').getAttribute('href'), server.url)
    .pathname), `/s/${source[0].id}`);
  const missing = await first.locator('.diff ins.diff-missing').allTextContents();
  assert.ok(missing.some((s) => s.includes('Morocco')), `marked as missing: ${missing.join(' | ')}`);
  assert.equal(await first.locator('.copy-citation').count(), 3, 'a citation in each language');
  assert.equal(await page.locator('#cite-view .message').isVisible(), false);
  await screenshot(page, 'cite-en');
  assert.deepEqual(page.errors, []);
});

test('the cite view says so when the server has no citation lookup', async () => {
  // 404 from a server that knows no such route, 405 from one whose catch-all refuses the POST.
  for (const [status, code] of [[404, 'not_found'], [405, 'method_not_allowed']]) {
    const page = await new_page(browser, server.url);
    await page.route('**/api/cite', (route) => route.fulfill({
      status, contentType: 'application/json',
      body: JSON.stringify({ error: { code, message: 'no citation lookup here' } }),
    }));
    await page.goto('/?ui=en');
    await settled(page);
    await page.click('#mode-cite');
    await page.fill('#cite-text', 'Sara Salman presented a regional dashboard of migration data.');
    await page.click('.cite-form button[type="submit"]');
    await page.locator('#cite-view .message').waitFor();
    assert.equal(await page.textContent('#cite-view .message-title'),
      'Citation lookup is not available on this server yet.', `HTTP ${status}`);
    assert.equal(await page.locator('.cite-match').count(), 0);
    assert.deepEqual(page.errors, []);
  }
});

test('the page runs under its Content-Security-Policy, and a refusal fails the tests', async () => {
  const page = await new_page(browser, server.url);
  const response = await page.goto('/?q=migration');
  await settled(page);
  const headers = response.headers();
  assert.match(headers['content-security-policy'], /script-src 'self'; style-src 'self'/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'no-referrer');
  // The histogram's bar heights are set through the CSSOM, which the policy allows.
  const bar = page.locator('.histogram .bar:not(.empty)').first();
  assert.notEqual(await bar.evaluate((e) => e.style.getPropertyValue('--h')), '');
  assert.ok((await bar.locator('.fill').boundingBox()).height > 2, 'the bar has its height');
  assert.deepEqual(page.errors, []);
  // What the policy refuses (a style attribute from a script) is reported on the console, which
  // new_page() turns into an error every test checks.
  await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
  for (let i = 0; i < 20 && !page.errors.length; ++i) await page.waitForTimeout(50);
  assert.ok(page.errors.some((e) => e.startsWith('CSP:')), String(page.errors));
});
