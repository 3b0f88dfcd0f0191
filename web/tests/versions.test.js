// Language versions in the reader (issue 19): an English passage of the corpus names its
// versions ("also in: العربية · Français"), its paragraph leads to the aligned Arabic
// paragraph ("بالعربية"), and two versions open side by side, the Arabic column right to left.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api_get, launch_browser, new_page, screenshot } from './support/browser.js';
import { start_server } from './support/server.js';

const EN = '2024-10-29_summary-record-migration.en';
const FILES = ['corpus/en/2024-10-29_summary-record-migration.en.md', 'corpus/ar/2024-10-29_summary-record-migration.ar.md',
  'corpus/fr/2024-10-29_compte-rendu-analytique-migrations.fr.md'];

let server;
let browser;
before(async () => {
  server = await start_server({ files: FILES });
  browser = await launch_browser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const current = (page) => page.locator('#passage-dialog .reader-list li.current');

test('an English paragraph leads to its Arabic version, and both versions open side by side', async () => {
  const doc = await api_get(server.url, `/api/document/${encodeURIComponent(EN)}`);
  const en4 = doc.passages.find((p) => p.para === '4');
  assert.ok(en4, 'the English record has a paragraph 4');
  const page = await new_page(browser, server.url);
  await page.goto(`/s/${encodeURIComponent(en4.id)}?ui=en`);
  await current(page).waitFor();

  const also = page.locator('#passage-dialog .also-in');
  assert.match(await also.textContent(), /Also in:.*العربية.*Français/);
  const to_ar = current(page).locator('.aligned-link[lang="ar"]');
  assert.equal(await to_ar.textContent(), 'بالعربية');
  await to_ar.click();
  await page.waitForFunction(() => document.querySelector('#passage-dialog .reader-list li.current .reader-text')?.lang === 'ar');
  const ar = await api_get(server.url, `/api/passage/${encodeURIComponent(new URL(page.url()).pathname.split('/').pop())}`);
  assert.equal(ar.lang, 'ar');
  assert.equal(ar.para, '4'); // the same paragraph, in Arabic
  assert.equal(await current(page).locator('.reader-text').textContent(), ar.text);
  assert.equal(await current(page).locator('.reader-text').getAttribute('dir'), 'rtl');
  // and back to English from the Arabic paragraph
  assert.equal(await current(page).locator('.aligned-link[lang="en"]').textContent(), 'in English');

  await page.locator('#passage-dialog .side-by-side[lang="en"]').click();
  const table = page.locator('#passage-dialog .parallel');
  await table.waitFor();
  const row = table.locator('.parallel-row', { has: page.locator('p.current') });
  assert.equal(await row.count(), 1);
  const cells = row.locator('.parallel-cell');
  assert.equal(await cells.nth(0).getAttribute('dir'), 'rtl');
  assert.equal(await cells.nth(1).getAttribute('lang'), 'en');
  assert.match(await cells.nth(1).textContent(), new RegExp(en4.text.slice(3, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await screenshot(page, 'versions-side-by-side', { full_page: false });
  await page.locator('#passage-dialog .back-to-passage').click();
  await current(page).waitFor();
  assert.deepEqual(page.errors, []);
});
