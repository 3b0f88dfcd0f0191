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
  const arabic = page.locator('#hits > li', { has: page.locator('.snippet[lang="ar"]') }).first();
  assert.equal(await arabic.locator('.hit-lang').textContent(), 'Arabic');
  assert.match(await arabic.locator('.matched').textContent(), /^matched: remittance → تحويل/);
  assert.ok((await arabic.locator('.snippet mark').allTextContents()).includes('تحويل'));
  const french = page.locator('#hits > li', { has: page.locator('.snippet[lang="fr"]') }).first();
  assert.match(await french.locator('.matched').textContent(), /remittance → envois/);
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
