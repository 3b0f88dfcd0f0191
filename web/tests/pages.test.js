// The staff desk's pages (issue 16): a speaker's page, a country's page and the countries index —
// reached from hits, their counts equal to the API's and to the searches they link to, in Arabic
// and English, with no axe violations in the three interface languages.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api_get, axe_violations, launch_browser, new_page, screenshot, settled } from './support/browser.js';
import { start_server } from './support/server.js';

let server;
let browser;
before(async () => {
  // The desk fixtures add passages without a date (Oman, Kuwait, Bahrain) to dated ones.
  server = await start_server({ files: ['web/tests/desk_fixtures', 'web/tests/pages_fixtures'] });
  browser = await launch_browser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits until the page view has drawn its page (its h1 and no request running). */
async function page_ready(page) {
  await page.waitForFunction(() => {
    const v = document.getElementById('pages-view');
    return v && !v.hidden && !v.hasAttribute('aria-busy') && v.querySelector('h1');
  });
}

/** The first number in `s`, in Western or Arabic-Indic digits. */
const number = (s) => Number((s.match(/[\d٠-٩]+/) || [''])[0].replace(/[٠-٩]/g, (d) => '٠١٢٣٤٥٦٧٨٩'.indexOf(d)));

/**
 * Runs `action` (a click opening a search) and gives the total the page was answered, checking
 * that the summary shows it (in English; Arabic writes one and two in words).
 */
async function opened_search_total(page, action, ui) {
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/search');
  await action();
  const { total } = await (await response).json();
  await settled(page);
  if (ui === 'en') assert.equal(number(await page.textContent('#summary')), total);
  return total;
}

for (const ui of ['en', 'ar']) {
  test(`a speaker's page from a hit (${ui}): counts as the API gives them, an objective's count opens its search`, async () => {
    const page = await new_page(browser, server.url);
    await page.goto(`/?speaker=${encodeURIComponent('Sara Salman')}&ui=${ui}`);
    await settled(page);
    await page.locator('#hits .speaker-link').first().click();
    await page_ready(page);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('view'), 'speaker');
    const profile = await api_get(server.url, `/api/v1/speaker/${encodeURIComponent(url.searchParams.get('speaker'))}?ui=${ui}`);
    assert.equal(await page.textContent('#page-title'), ui === 'ar' ? 'سارة سلمان' : 'Sara Salman');
    assert.equal(await page.textContent('.page-sub'), ui === 'ar' ? 'Sara Salman' : 'سارة سلمان');
    assert.equal(number(await page.textContent('.facts div:first-child dd')), profile.passages);
    const x = await api_get(server.url, `/api/v1/crosstab?rows=objective&cols=year&speaker=${encodeURIComponent('Sara Salman')}`);
    const o23 = x.rows.find((r) => r.value === '23');
    const cell = page.locator('#pages-view tr[data-objective="23"] td.total a');
    assert.equal(number(await cell.textContent()), o23.count);
    await screenshot(page, `speaker-${ui}`);
    const total = await opened_search_total(page, () => cell.click(), ui);
    const search = new URL(page.url()).searchParams;
    assert.equal(search.get('view'), null);
    assert.equal(search.get('speaker'), 'Sara Salman');
    assert.deepEqual(search.getAll('objective'), ['23']);
    assert.equal(total, o23.count);
    await page.goBack();
    await page_ready(page);
    assert.equal(new URL(page.url()).searchParams.get('view'), 'speaker');
    assert.deepEqual(page.errors, []);
  });

  test(`a country's page from a tag (${ui}): each table cell is its search's total`, async () => {
    const page = await new_page(browser, server.url);
    await page.goto(`/?country=MA&ui=${ui}`);
    await settled(page);
    await page.locator('#hits .tags a.subject-link[href*="country=MA"]').first().click();
    await page_ready(page);
    assert.equal(await page.textContent('#page-title'), ui === 'ar' ? 'المغرب' : 'Morocco');
    assert.equal(await page.locator('#pages-view tbody tr[data-objective]').count(), 23);
    const x = await api_get(server.url, '/api/v1/crosstab?rows=objective&cols=year&country=MA');
    const i = x.rows.findIndex((r) => r.value === '23');
    const j = x.cells[i].findIndex((n) => n > 0);
    const year = x.cols[j].value;
    const cell = page.locator(`#pages-view tr[data-objective="23"] td[data-year="${year}"] a`);
    assert.equal(number(await cell.textContent()), x.cells[i][j]);
    await screenshot(page, `country-${ui}`);
    const total = await opened_search_total(page, () => cell.click(), ui);
    const search = new URL(page.url()).searchParams;
    assert.deepEqual([search.get('country'), search.get('objective'), search.get('from'), search.get('to')],
      ['MA', '23', year, year]);
    assert.equal(total, x.cells[i][j]);
    assert.deepEqual(page.errors, []);
  });
}

test('in Arabic the country table reads right to left', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?view=country&country=MA&ui=ar');
  await page_ready(page);
  const [objective, total] = await Promise.all(['thead th:first-child', 'thead th:last-child'].map((s) =>
    page.locator(`#pages-view table ${s}`).boundingBox()));
  assert.ok(objective.x > total.x, 'the objective column on the right');
});

test('at 390 px the table scrolls inside its box, not the page', async () => {
  const page = await new_page(browser, server.url, { width: 390, height: 800 });
  await page.goto('/?view=country&country=MA&ui=en');
  await page_ready(page);
  const box = await page.locator('#pages-view .table-scroll').evaluate((e) => ({
    client: e.clientWidth, scroll: e.scrollWidth, right: e.getBoundingClientRect().right }));
  assert.ok(box.scroll > box.client, 'the table is wider than its box');
  assert.ok(box.right <= 390, 'the box fits the screen');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'the page does not scroll sideways');
  await screenshot(page, 'country-390');
});

test('the countries index: every country, in the UI language, by count or by name, linked to its page', async () => {
  const page = await new_page(browser, server.url);
  await page.goto('/?ui=fr');
  await settled(page);
  await page.click('#mode-countries');
  await page_ready(page);
  const facets = await api_get(server.url, '/api/v1/facets?field=country&ui=fr');
  const rows = page.locator('#pages-view tbody tr');
  assert.equal(await rows.count(), facets.values.length);
  assert.equal(await rows.first().locator('th').textContent(), facets.values[0].label);
  await page.getByRole('link', { name: 'par nom' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('order') === 'name');
  const names = await page.locator('#pages-view tbody th').allTextContents();
  assert.deepEqual(names, [...names].sort(new Intl.Collator('fr').compare));
  await page.getByRole('link', { name: 'Maroc', exact: true }).click();
  await page_ready(page);
  assert.equal(await page.textContent('#page-title'), 'Maroc');
  assert.deepEqual(page.errors, []);
});

test('an unknown speaker or country gets a page that says so, with its h1', async () => {
  const page = await new_page(browser, server.url);
  for (const [view, message] of [['view=speaker&speaker=Nobody%20Atall', 'No statement by this speaker'],
    ['view=country&country=QQ', 'not a known country code'], ['view=country', 'not a known country code']]) {
    await page.goto(`/?${view}&ui=en`);
    await page_ready(page);
    assert.match(await page.textContent('#pages-view [role="alert"]'), new RegExp(message));
  }
  assert.deepEqual(page.errors, []);
});

test('axe finds no violation on the pages in Arabic, English and French', async () => {
  const page = await new_page(browser, server.url);
  const found = [];
  for (const ui of ['ar', 'en', 'fr']) {
    for (const view of [`view=speaker&speaker=${encodeURIComponent('Sara Salman')}`, 'view=country&country=MA', 'view=countries']) {
      await page.goto(`/?${view}&ui=${ui}`);
      await page_ready(page);
      for (const v of await axe_violations(page)) found.push(`${ui} ${view}: ${v}`);
    }
  }
  assert.deepEqual(found, [], found.join('\n'));
});

test('a country with undated passages: its years and timeline list years only', async () => {
  const undated = await api_get(server.url, '/api/search?country=OM&undated=only&size=1');
  const all = await api_get(server.url, '/api/search?country=OM&size=1&facet_limit=1000');
  assert.ok(undated.total > 0 && all.total > undated.total, 'Oman has dated and undated passages');
  const years = all.facets.year.map((y) => y.value).filter((y) => /^\d{4}$/.test(y)).sort();
  const page = await new_page(browser, server.url);
  await page.goto('/?view=country&country=OM&ui=en');
  await page_ready(page);
  const facts = await page.locator('dl.facts').textContent();
  assert.doesNotMatch(facts, /undated/i);
  assert.match(facts, new RegExp(`${years[0]} – ${years.at(-1)}`));
  const shown = await page.locator('ol.timeline .year').allTextContents();
  assert.equal(shown[0], years[0]);
  assert.equal(shown.at(-1), years.at(-1));
  assert.deepEqual(page.errors, []);
});
