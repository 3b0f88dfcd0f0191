// Searching across languages (issue 19): the "All languages" switch next to the search box.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { after_search, launch_browser, new_page, screenshot, settled } from './support/browser.js';
import { start_server } from './support/server.js';

let server;
let browser;
before(async () => {
  // The Arabic and French versions of an English report of corpus/ (the fixtures have none).
  server = await start_server({ files: [
    'corpus/en/2024-10-29_summary-record-migration.en.md',
    'corpus/ar/2024-10-29_summary-record-migration.ar.md',
    'corpus/fr/2024-10-29_compte-rendu-analytique-migrations.fr.md',
  ] });
  browser = await launch_browser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const langs_of = (page) => page.locator('#hits > li .snippet').evaluateAll((els) => els.map((e) => e.lang));

test('the All languages switch finds an English word in Arabic and French, saying by which translation', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?q=remittance');
  await settled(page);
  const alone = await langs_of(page);
  assert.ok(alone.length > 0);
  assert.deepEqual([...new Set(alone)], ['en'], 'without the switch: English passages only');
  assert.equal(await page.locator('#hits .matched').count(), 0);

  await after_search(page, () => page.check('#langs-all'));
  assert.equal(new URL(page.url()).searchParams.get('langs'), 'all');
  const langs = await langs_of(page);
  assert.ok(langs.includes('ar') && langs.includes('fr'), `Arabic and French hits: ${langs.join(' ')}`);
  // Each hit found by a translation says which; the Arabic word is marked in its snippet.
  assert.ok(await page.locator('#hits .matched', { hasText: 'remittance → تحويل' }).count() > 0);
  assert.ok(await page.locator('#hits .matched', { hasText: 'remittance → envois' }).count() > 0);
  assert.ok((await page.locator('#hits .snippet[lang="ar"] mark').allTextContents()).includes('تحويل'));
  const lead_langs = await page.locator('#hits > li .hit-lang').allTextContents();
  assert.ok(lead_langs.length > 0 && lead_langs.every((l) => ['Arabic', 'English', 'French'].includes(l)), lead_langs.join(' '));
  // The three versions of one paragraph are one hit: its other languages listed under it,
  // each linked to its passage, and no passage twice.
  const grouped = page.locator('#hits > li', { has: page.locator('.hit-versions') }).first();
  const versions = grouped.locator('.hit-version');
  assert.equal(await versions.count(), 2);
  const version_langs = await versions.evaluateAll((els) => els.map((e) => e.lang).sort());
  const lead_lang = await grouped.locator('.hit-title').getAttribute('lang');
  assert.deepEqual([lead_lang, ...version_langs].sort(), ['ar', 'en', 'fr']);
  const hrefs = await page.locator('#hits a[href*="/s/"]').evaluateAll((els) => els.map((e) => e.href.split('?')[0]));
  assert.ok(hrefs.length > 2);
  assert.equal(new Set(hrefs).size, hrefs.length, 'each passage once');
  const version_href = await versions.first().locator('a').getAttribute('href');
  assert.match(version_href, /\/s\//);
  await screenshot(page, 'search-all-languages');

  // The switch is part of the page's address: reloading keeps it on, and it can be turned off.
  await page.reload();
  await settled(page);
  assert.ok(await page.isChecked('#langs-all'));
  await after_search(page, () => page.uncheck('#langs-all'));
  assert.equal(new URL(page.url()).searchParams.get('langs'), null);
  assert.deepEqual([...new Set(await langs_of(page))], ['en']);
  assert.deepEqual(page.errors, []);
});

test('the switch is labelled in the page language', async () => {
  const page = await new_page(browser, server.url);
  for (const [ui, label] of [['fr', 'Toutes les langues'], ['ar', 'كل اللغات'], ['en', 'All languages']]) {
    await page.goto(`/?ui=${ui}`);
    await settled(page);
    assert.equal((await page.locator('label.all-langs').textContent()).trim(), label);
  }
});

test('on a phone-width screen the switch stays beside the search box and nothing overflows', async () => {
  const page = await new_page(browser, server.url, { width: 390, height: 844 });
  await page.goto('/?q=remittance&langs=all&ui=ar');
  await settled(page);
  assert.ok(await page.locator('#langs-all').isVisible());
  assert.ok(await page.isChecked('#langs-all'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page wider than the screen by ${overflow}px`);
  assert.equal(await page.locator('#hits .hit-lang').first().isVisible(), true);
  await screenshot(page, 'phone-all-languages-ar', { full_page: false });
});
