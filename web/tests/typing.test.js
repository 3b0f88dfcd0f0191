// Issue 16 (C): search as you type (the half-typed last word as a prefix, a "Searching…"
// state), the "one result per document" toggle, and following a search as an Atom feed.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { after_search, api_get, launch_browser, new_page, settled } from './support/browser.js';
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

const hits = (page) => page.locator('#hits > li');
const is_search = (r) => new URL(r.url()).pathname === '/api/search';
// A hit's title links to its permalink, /s/ID.
const shown_ids = async (page) => (await page.locator('#hits .hit-title a').evaluateAll(
  (links) => links.map((a) => decodeURIComponent(new URL(a.href).pathname.replace(/^.*\/s\//, '')))));

/** Types `text` key by key, then waits for the search of the whole text to be drawn. */
async function type_and_wait(page, text) {
  const final = page.waitForResponse((r) => is_search(r) && new URL(r.url()).searchParams.get('q') === text.trim());
  await page.locator('#q').pressSequentially(text, { delay: 40 });
  const response = await final;
  await settled(page);
  return new URL(response.url()).searchParams;
}

test('a half-typed word finds and highlights the words it begins; Enter searches it as written', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/');
  await settled(page);
  assert.equal((await api_get(server.url, '/api/search?q=recrui')).total, 0, 'no word "recrui" as such');
  const sent = await type_and_wait(page, 'recrui');
  assert.equal(sent.get('partial'), '1');
  assert.ok(await hits(page).count() > 0);
  const marks = await page.locator('#hits .snippet mark').allTextContents();
  assert.ok(marks.length > 0);
  for (const m of marks) assert.match(m, /^recrui\w+/i, `a completed word is marked: ${marks.join(' | ')}`);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'recrui');
  assert.equal(new URL(page.url()).searchParams.get('partial'), null, 'not part of the page state');

  await after_search(page, () => page.press('#q', 'Enter'));
  assert.equal(await hits(page).count(), 0);
  assert.deepEqual(page.errors, []);
});

test('an Arabic half word finds the words with their clitics', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?ui=ar');
  await settled(page);
  await type_and_wait(page, 'المهاج');
  const marks = await page.locator('#hits .snippet mark').allTextContents();
  assert.ok(marks.length > 0);
  for (const m of marks) assert.ok(m.replace(/[\u064B-\u0652\u0640]/g, '').includes('المهاج'), m);
  assert.deepEqual(page.errors, []);
});

test('a slow search shows "Searching…" until its results are drawn', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/');
  await settled(page);
  await page.route('**/api/search?*', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  const answered = page.waitForResponse(is_search);
  await page.fill('#q', 'migration');
  await page.waitForFunction(() => document.getElementById('summary').textContent === 'Searching…');
  assert.equal(await page.getAttribute('#results', 'aria-busy'), 'true');
  assert.ok(await page.locator('#summary.searching').isVisible());
  await answered;
  await settled(page);
  assert.match(await page.textContent('#summary'), /^\d+ results in/);
  assert.equal(await page.locator('#summary.searching').count(), 0);
});

test('"One result per document" shows one hit per document, in the URL and after reload', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?q=migration');
  await settled(page);
  const every = await shown_ids(page);
  const per_doc = await api_get(server.url, '/api/search?q=migration&collapse=doc');
  const all = await api_get(server.url, '/api/search?q=migration');
  assert.ok(per_doc.total < all.total, 'some document has several matching passages');
  assert.equal(await page.isChecked('#collapse'), false);

  await after_search(page, () => page.check('#collapse'));
  assert.equal(new URL(page.url()).searchParams.get('collapse'), 'doc');
  const collapsed = await shown_ids(page);
  assert.deepEqual(collapsed, per_doc.hits.map((h) => h.id));
  assert.notDeepEqual(collapsed, every);
  const docs = per_doc.hits.map((h) => h.doc_id);
  assert.equal(new Set(docs).size, docs.length, 'one passage per document');
  assert.match(await page.textContent('#summary'), new RegExp(`^${per_doc.total} result`));

  await page.reload();
  await settled(page);
  assert.equal(await page.isChecked('#collapse'), true);
  assert.deepEqual(await shown_ids(page), collapsed);

  await after_search(page, () => page.uncheck('#collapse'));
  assert.equal(new URL(page.url()).searchParams.get('collapse'), null);
  assert.deepEqual(await shown_ids(page), every);
  assert.deepEqual(page.errors, []);
});

test('the page offers the search as an Atom feed, in the results and in its head', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?q=recruitment&lang=en&collapse=doc');
  await settled(page);
  const follow = page.locator('#exports a.follow');
  assert.equal(await follow.textContent(), 'Follow this search (Atom)');
  const href = new URL(await follow.getAttribute('href'), server.url);
  assert.equal(href.pathname, '/api/v1/feed');
  assert.equal(href.searchParams.get('q'), 'recruitment');
  assert.equal(href.searchParams.get('lang'), 'en');
  assert.equal(href.searchParams.get('collapse'), 'doc');
  const head = await page.getAttribute('head link[rel="alternate"][type="application/atom+xml"]', 'href');
  assert.equal(new URL(head, server.url).href, href.href);
  const feed = await fetch(href);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /^application\/atom\+xml/);
  const xml = await feed.text();
  const entries = xml.match(/<entry[ >]/g) || [];
  assert.equal(entries.length, (await api_get(server.url, '/api/search?q=recruitment&lang=en&collapse=doc')).total);

  // With no result yet, the search can still be followed.
  await after_search(page, () => page.fill('#q', 'zzzyzx'));
  assert.equal(await hits(page).count(), 0);
  assert.ok(await follow.isVisible());
  assert.match(await follow.getAttribute('href'), /q=zzzyzx/);
  await page.click('#mode-cite');
  assert.equal(await page.locator('head link[type="application/atom+xml"]').count(), 0);
  assert.deepEqual(page.errors, []);
});
