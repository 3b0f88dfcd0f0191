// Documents that are files: a PDF's hits show their page and open the original at it, the UN
// symbol is a facet, and the reader links to the original.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { after_search, api_get, launch_browser, new_page, screenshot, settled } from './support/browser.js';
import { start_server } from './support/server.js';

const PDF = 'tests/fixtures/documents/pdf-two-columns.pdf';
const SYMBOL = 'E/ESCWA/SDD/2021/3';

let server;
let browser;
before(async () => {
  server = await start_server({ files: [PDF] });
  browser = await launch_browser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a PDF hit shows its page, which opens the original at that page', async () => {
  const page = await new_page(browser, server.url);
  await page.goto(`/?q=${encodeURIComponent('recruitment')}&doc=pdf-two-columns&ui=en`);
  await settled(page);
  const expected = await api_get(server.url, '/api/search?q=recruitment&doc=pdf-two-columns&ui=en');
  assert.ok(expected.total > 0);
  const link = page.locator('#hits .hit-meta a.page').first();
  assert.equal(await link.textContent(), `p. ${expected.hits[0].page}`);
  const href = await link.getAttribute('href');
  assert.equal(href, `/api/original/pdf-two-columns#page=${expected.hits[0].page}`);
  assert.equal(await link.getAttribute('target'), '_blank');
  const original = await fetch(new URL(href, server.url));
  assert.equal(original.status, 200);
  assert.equal(original.headers.get('content-type'), 'application/pdf');
  await screenshot(page, 'pdf-hit');

  await page.click('[data-ui="ar"]');
  await settled(page);
  assert.match(await page.locator('#hits .hit-meta a.page').first().textContent(), /^ص\. /);
});

test('the UN symbol is a facet that narrows the results to its document', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?q=migration&ui=en');
  await settled(page);
  const symbol = page.getByRole('checkbox', { name: new RegExp(`^${SYMBOL.replaceAll('/', '\\/')}`) });
  assert.equal(await symbol.count(), 1);
  assert.equal(await page.textContent('#facet-title-symbol'), 'Document symbol');
  await after_search(page, () => symbol.click());
  assert.deepEqual(new URL(page.url()).searchParams.getAll('symbol'), [SYMBOL]);
  const filtered = await api_get(server.url, `/api/search?q=migration&symbol=${encodeURIComponent(SYMBOL)}`);
  assert.ok(filtered.total > 0);
  assert.ok(filtered.hits.every((h) => h.doc_id === 'pdf-two-columns'));
  assert.match(await page.textContent('#summary'), new RegExp(`^${filtered.total} results? in`));
});

test('typing the symbol finds the document, and its reader links to the original', async () => {
  const page = await new_page(browser, server.url);
  await page.goto(`/?q=${encodeURIComponent(SYMBOL.toLowerCase())}&ui=en`);
  await settled(page);
  const first = page.locator('#hits .hit').first();
  await first.locator('.hit-title a').click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  const original = dialog.locator('.doc-meta a.original');
  await original.waitFor();
  assert.equal(await original.getAttribute('href'), '/api/original/pdf-two-columns');
  assert.match(await dialog.locator('.doc-meta').textContent(), new RegExp(SYMBOL.replaceAll('/', '\\/')));
});
