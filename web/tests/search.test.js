// Searching: queries, highlighting, facets, dates, URL state, errors.

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

const hits = (page) => page.locator('#hits > li');
const total_of = async (query) => (await api_get(server.url, `/api/search?${query}`)).total;

test('an English query shows highlighted results, live and on Enter', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/');
  await settled(page);
  await after_search(page, () => page.fill('#q', 'migration')); // live, debounced
  const expected = await total_of('q=migration');
  assert.ok(expected > 1);
  assert.match(await page.textContent('#summary'), new RegExp(`^${expected} results in [\\d.]+ ms$`));
  assert.equal(await hits(page).count(), Math.min(expected, 10));
  const marks = await page.locator('#hits .snippet mark').allTextContents();
  assert.ok(marks.length >= Math.min(expected, 10), `a highlighted word in every hit: ${marks.join(' | ')}`);
  for (const mark of marks) {
    assert.match(mark, /^migration$/i);
  }
  assert.equal(new URL(page.url()).searchParams.get('q'), 'migration');
  await screenshot(page, 'search-en');

  await page.click('button[popovertarget="query-help"]');
  assert.ok(await page.locator('#query-help').isVisible());
  assert.equal(await page.textContent('#query-help h2'), 'Query syntax');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#query-help').isVisible(), false);

  await page.fill('#q', 'labour');
  await after_search(page, () => page.press('#q', 'Enter'));
  assert.equal(new URL(page.url()).searchParams.get('q'), 'labour');
  assert.ok(await hits(page).count() > 0);
  assert.deepEqual(page.errors, []);
});

test('an Arabic query without diacritics highlights the diacritised word', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?ui=en');
  await settled(page);
  await after_search(page, () => page.fill('#q', 'الأمم المتحدة'));
  const snippets = page.locator('#hits .snippet[lang="ar"]');
  assert.ok(await snippets.count() > 0);
  for (const s of await snippets.all()) assert.equal(await s.getAttribute('dir'), 'rtl');
  const marks = await snippets.locator('mark').allTextContents();
  assert.ok(marks.includes('الأُمَم'), `expected the diacritised word among ${marks.join(' | ')}`);
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  await screenshot(page, 'search-ar-query');
  // English passages in the same list stay left-to-right.
  await after_search(page, () => page.fill('#q', 'migration'));
  assert.equal(await page.locator('#hits .snippet[lang="en"]').first().getAttribute('dir'), 'ltr');
});

test('a country facet narrows the results and updates the other counts', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?q=migration&ui=en');
  await settled(page);
  const before_total = await total_of('q=migration');
  const morocco = page.getByRole('checkbox', { name: /^Morocco/ });
  assert.equal(await page.locator('#facets label:has-text("Morocco") .label').getAttribute('title'), 'MA');
  await after_search(page, () => morocco.click());

  const filtered = await api_get(server.url, '/api/search?q=migration&country=MA&ui=en');
  assert.ok(filtered.total > 0 && filtered.total < before_total);
  assert.match(await page.textContent('#summary'), new RegExp(`^${filtered.total} results? in`));
  assert.deepEqual(new URL(page.url()).searchParams.getAll('country'), ['MA']);
  assert.ok(await morocco.isChecked());
  assert.equal(await hits(page).count(), Math.min(filtered.total, 10));
  for (const hit of await hits(page).all()) {
    assert.equal(await hit.locator('.tag-country[title="MA"]').count(), 1);
  }
  // Every other facet shows the server's counts for the narrowed search.
  for (const field of ['speaker', 'lang', 'objective']) {
    const shown = await facet_counts(page, field);
    assert.deepEqual(shown, filtered.facets[field].map((v) => v.count), `${field} counts`);
  }
  // Multi-select: the country list itself still offers the other countries.
  assert.ok(await page.getByRole('checkbox', { name: /^Egypt/ }).count() === 1);
  const chip = page.locator('#chips .chip', { hasText: 'Morocco' });
  assert.equal(await chip.count(), 1);
  await after_search(page, () => chip.click());
  assert.equal(new URL(page.url()).searchParams.getAll('country').length, 0);
  assert.match(await page.textContent('#summary'), new RegExp(`^${before_total} results`));
});

test('the whole result set downloads as CSV, with the filters of the page, in Arabic too', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?q=migration&country=MA&ui=ar');
  await settled(page);
  const filtered = await api_get(server.url, '/api/search?q=migration&country=MA&ui=ar');
  assert.ok(filtered.total > 0);
  assert.match(await page.textContent('#exports'), /تنزيل/);
  const csv = page.locator('#exports a', { hasText: 'CSV' });
  const href = await csv.getAttribute('href');
  const params = new URL(href, server.url).searchParams;
  assert.equal(params.get('q'), 'migration');
  assert.deepEqual(params.getAll('country'), ['MA']);
  assert.equal(params.get('format'), 'csv');
  const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
  assert.match(download.suggestedFilename(), /^mahdar-\d{8}\.csv$/);
  const body = await page.request.get(new URL(href, server.url).href);
  assert.equal(body.headers()['export-rows'], String(filtered.total));
  const bytes = await body.body();
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
  const text = bytes.toString('utf8');
  assert.ok(text.includes(filtered.hits[0].id), 'the first hit is a row');
  assert.deepEqual(page.errors, []);
});

async function facet_counts(page, field) {
  const counts = await page.locator(`#facet-list-${field} .count`).allTextContents();
  return counts.map((c) => Number(c.replace(/\D/g, '')));
}

test('a date range narrows the results, from the inputs and from the histogram', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?q=migration&ui=en');
  await settled(page);
  await page.fill('#date-from', '2022-01');
  await page.fill('#date-to', '2022-12');
  await after_search(page, () => page.press('#date-to', 'Enter'));
  const expected = await total_of('q=migration&from=2022-01&to=2022-12');
  assert.ok(expected > 0 && expected < await total_of('q=migration'));
  assert.match(await page.textContent('#summary'), new RegExp(`^${expected} results? in`));
  const dates = await page.locator('#hits time').evaluateAll((ts) => ts.map((t) => t.dateTime));
  assert.equal(await hits(page).count(), Math.min(expected, 10));
  assert.equal(dates.length, Math.min(expected, 10), 'every hit shows its date');
  for (const d of dates) {
    assert.ok(d >= '2022-01-01' && d <= '2022-12-31', d);
  }
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('from'), '2022-01');
  assert.equal(url.searchParams.get('to'), '2022-12');
  assert.equal(await page.locator('#chips .chip', { hasText: 'January 2022 – December 2022' }).count(), 1);
  assert.equal(await page.locator('.histogram .bar[data-period="2022-10"]').getAttribute('aria-pressed'), 'true');

  await after_search(page, () => page.click('.histogram .bar[data-period="2019-12"]'));
  assert.equal(new URL(page.url()).searchParams.get('from'), '2019-12');
  assert.equal(new URL(page.url()).searchParams.get('to'), '2019-12');
  assert.equal(await hits(page).count(), await total_of('q=migration&from=2019-12&to=2019-12'));

  await page.fill('#date-from', '2022-13-99');
  await page.press('#date-from', 'Enter');
  assert.equal(await page.locator('#date-error').isVisible(), true);
  assert.equal(await page.getAttribute('#date-from', 'aria-invalid'), 'true');
});

test('reload, back and forward restore the state from the URL', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?ui=en');
  await settled(page);
  await after_search(page, () => page.fill('#q', 'migration'));
  await after_search(page, () => page.getByRole('checkbox', { name: /^Tunisia/ }).click());
  await after_search(page, () => page.selectOption('#sort', '-date'));
  const first = await hits(page).first().locator('.hit-title').textContent();
  const url = page.url();

  await page.reload();
  await settled(page);
  assert.equal(page.url(), url);
  assert.equal(await page.inputValue('#q'), 'migration');
  assert.ok(await page.getByRole('checkbox', { name: /^Tunisia/ }).isChecked());
  assert.equal(await page.inputValue('#sort'), '-date');
  assert.equal(await hits(page).first().locator('.hit-title').textContent(), first);
  assert.equal(await page.locator('#chips .chip', { hasText: 'Tunisia' }).count(), 1);

  await after_search(page, () => page.goBack());
  assert.equal(await page.inputValue('#sort'), 'relevance');
  await after_search(page, () => page.goBack());
  assert.equal(await page.getByRole('checkbox', { name: /^Tunisia/ }).isChecked(), false);
  await after_search(page, () => page.goForward());
  assert.ok(await page.getByRole('checkbox', { name: /^Tunisia/ }).isChecked());

  // A shared link opens exactly that search, page and language.
  const shared = await new_page(browser, server.url);
  await shared.goto('/?q=migration&country=MA&objective=6&from=2019&ui=fr');
  await settled(shared);
  assert.equal(await shared.getAttribute('html', 'lang'), 'fr');
  assert.ok(await shared.getByRole('checkbox', { name: /^Maroc/ }).isChecked());
  const expected = await total_of('q=migration&country=MA&objective=6&from=2019');
  assert.match(await shared.textContent('#summary'), new RegExp(`^${expected} résultats? en`));
});

test('paging moves through the results and keeps the filters', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?lang=en&ui=en');
  await settled(page);
  const total = await total_of('lang=en');
  assert.ok(total > 10, 'the fixtures have more than one page of English passages');
  await after_search(page, () => page.getByRole('link', { name: 'Next page' }).click());
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('page'), '2');
  assert.equal(url.searchParams.get('lang'), 'en');
  assert.equal(await hits(page).count(), Math.min(10, total - 10));
  assert.equal(await page.getAttribute('#pager [aria-current="page"]', 'aria-label'), 'Page 2');
});

test('facets work from the keyboard alone', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?q=migration&ui=en');
  await settled(page);
  const box = page.getByRole('checkbox', { name: /^Egypt/ });
  await box.focus();
  await after_search(page, () => page.keyboard.press('Enter'));
  assert.deepEqual(new URL(page.url()).searchParams.getAll('country'), ['EG']);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.focusKey), 'facet:country:EG');
  await after_search(page, () => page.keyboard.press('Space'));
  assert.deepEqual(new URL(page.url()).searchParams.getAll('country'), []);
  // The speaker search-within box lists matching speakers from the whole index.
  await page.fill('.facet-find', 'Am');
  await page.waitForFunction(() => document.querySelectorAll('#facet-list-speaker li').length === 3);
  const names = await page.locator('#facet-list-speaker .label').allTextContents();
  const expected = (await api_get(server.url, '/api/facets?field=speaker&prefix=Am&ui=en')).values;
  assert.deepEqual(names, expected.map((v) => v.label));
});

test('no results, a server error and a lost connection each show a message', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?ui=en');
  await settled(page);
  await after_search(page, () => page.fill('#q', 'zzzqqqxxy'));
  assert.equal(await page.textContent('#message .message-title'), 'No passage matches your search.');

  await page.route('**/api/search?*', (route) => route.fulfill({
    status: 500, contentType: 'application/json',
    body: JSON.stringify({ error: { code: 'internal', message: 'test fault' } }),
  }));
  await page.fill('#q', 'migration');
  await page.waitForSelector('#message.error');
  assert.equal(await page.textContent('#message .message-title'), 'The search service had a problem.');
  assert.equal(await hits(page).count(), 0);

  await page.unroute('**/api/search?*');
  await page.route('**/api/search?*', (route) => route.abort('internetdisconnected'));
  await page.click('[data-ui="fr"]');
  await page.waitForFunction(() =>
    document.querySelector('#message .message-title')?.textContent === 'Le service de recherche est injoignable.');
  await page.unroute('**/api/search?*');
  await after_search(page, () => page.getByRole('button', { name: 'Réessayer' }).click());
  assert.ok(await hits(page).count() > 0);
  assert.equal(await page.locator('#message').isVisible(), false);
  assert.deepEqual(page.errors, []);
});

test('did-you-mean is offered for a misspelt query', async () => {
  const r = await api_get(server.url, '/api/search?q=migratoin');
  assert.equal(r.suggestion, 'migration');
  const page = await new_page(browser, server.url);
  await page.goto('/?q=migratoin&ui=en');
  await settled(page);
  const link = page.locator('#suggestion a');
  assert.equal(await link.textContent(), r.suggestion);
  await after_search(page, () => link.click());
  assert.equal(await page.inputValue('#q'), r.suggestion);
  assert.equal(new URL(page.url()).searchParams.get('q'), r.suggestion);
  assert.ok(await hits(page).count() > 0);
});
