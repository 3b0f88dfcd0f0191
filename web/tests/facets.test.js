// Facets for many values (issue 16, part D): the filter box inside a facet, "show all" and
// "show fewer", excluding a value, the undated bucket, and histogram year labels that never
// overlap — in English and in Arabic (RTL).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { after_search, api_get, launch_browser, new_page, settled } from './support/browser.js';
import { start_server } from './support/server.js';

let server;
let browser;
before(async () => {
  server = await start_server({ files: ['web/tests/desk_fixtures'] });
  browser = await launch_browser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const country_items = (page) => page.locator('#facet-list-country > li:not(.facet-empty)');
const count_in = (values, value) => values.find((v) => v.value === value)?.count ?? 0;

async function open(path, options) {
  const page = await new_page(browser, server.url, options);
  await page.goto(path);
  await settled(page);
  return page;
}

for (const [ui, typed, label] of [['en', 'moroc', 'Morocco'], ['ar', 'المغرب', 'المغرب'], ['fr', 'maroc', 'Maroc']]) {
  test(`the country filter box finds ${label} by its ${ui} name`, async () => {
    const page = await open(`/?q=remittance&ui=${ui}`);
    const box = page.locator('section[data-field="country"] .facet-filter');
    assert.ok(await box.isVisible(), 'a long country list has a filter box');
    await box.fill(typed);
    await page.waitForFunction(() => document.querySelectorAll('#facet-list-country > li').length === 1);
    assert.match(await country_items(page).first().textContent(), new RegExp(label));
    await box.fill('ma'); // the ISO code matches too (MA), as do names starting so
    assert.ok((await country_items(page).allTextContents()).some((t) => t.includes(label)));
    await box.fill('zzz');
    assert.equal(await country_items(page).count(), 0);
    assert.ok(await page.locator('#facet-list-country .facet-empty').isVisible());
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a long facet shows its top 8 values, "show all" the rest and "show fewer" the top again', async () => {
  const page = await open('/?q=remittance&ui=en');
  const all = (await api_get(server.url, '/api/search?q=remittance&facet_limit=1000')).facets.country;
  assert.ok(all.length > 10, `${all.length} countries`);
  assert.equal(await country_items(page).count(), 8);
  const more = page.locator('section[data-field="country"] .more');
  assert.equal(await more.textContent(), `Show all ${all.length}`);
  await more.click();
  assert.equal(await country_items(page).count(), all.length);
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  await more.click();
  assert.equal(await country_items(page).count(), 8);
  await page.context().close();
});

for (const ui of ['en', 'ar']) {
  test(`excluding a country (${ui}) leaves all results but its own, as the API counts them`, async () => {
    const page = await open(`/?q=remittance&ui=${ui}`);
    const before_total = (await api_get(server.url, '/api/search?q=remittance')).total;
    const morocco = count_in((await api_get(server.url, '/api/search?q=remittance&facet_limit=1000')).facets.country, 'MA');
    assert.ok(morocco > 0);
    const exclude = page.locator('button.exclude[data-focus-key="exclude:country:MA"]');
    await after_search(page, () => exclude.click());
    assert.deepEqual(new URL(page.url()).searchParams.getAll('not_country'), ['MA']);
    const api = (await api_get(server.url, '/api/search?q=remittance&not_country=MA')).total;
    assert.equal(api, before_total - morocco);
    const digits = (n) => page.evaluate(([locale, x]) => new Intl.NumberFormat(locale).format(x), [ui, n]);
    assert.ok((await page.textContent('#summary')).includes(await digits(api)), await page.textContent('#summary'));
    const chip = page.locator('.chip.excluded');
    assert.match(await chip.textContent(), ui === 'ar' ? /ما عدا المغرب/ : /not Morocco/);
    // Back from the URL: a reload keeps the exclusion.
    await page.reload();
    await settled(page);
    assert.equal(await page.locator('.chip.excluded').count(), 1);
    await after_search(page, () => page.locator('.chip.excluded').click());
    assert.equal(new URL(page.url()).searchParams.get('not_country'), null);
    assert.ok((await page.textContent('#summary')).includes(await digits(before_total)));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

for (const [ui, word] of [['en', 'Undated'], ['ar', 'بدون تاريخ']]) {
  test(`the date facet offers the undated passages (${ui}) and a click filters to them`, async () => {
    const page = await open(`/?q=remittance&ui=${ui}`);
    const undated = page.locator('.facet-date .undated');
    const three = await page.evaluate((locale) => new Intl.NumberFormat(locale).format(3), ui);
    assert.equal((await undated.textContent()).trim(), `${word} (${three})`);
    await after_search(page, () => undated.click());
    assert.equal(new URL(page.url()).searchParams.get('undated'), 'only');
    assert.equal(await page.locator('#hits > li').count(), 3);
    assert.equal(await undated.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('.chip').count(), 1);
    await after_search(page, () => page.locator('.chip').click());
    assert.equal(new URL(page.url()).searchParams.get('undated'), null);
    await page.context().close();
  });
}

/** The visible year labels' boxes, in order. */
async function tick_boxes(page) {
  return page.$$eval('.facet-date .axis .tick', (ticks) => ticks
    .filter((t) => getComputedStyle(t).visibility !== 'hidden')
    .map((t) => { const b = t.getBoundingClientRect(); return { left: b.left, right: b.right, text: t.textContent }; }));
}

for (const [ui, width] of [['en', 1280], ['ar', 1280], ['en', 390], ['ar', 390]]) {
  test(`the histogram's year labels do not overlap (${ui}, ${width} px)`, async () => {
    const page = await open(`/?ui=${ui}`, { width, height: 900 });
    if (width < 700) await page.click('#filters-toggle'); // the panel holds the histogram
    await page.waitForFunction(() => document.querySelector('.facet-date .axis .tick')?.getBoundingClientRect().width > 0);
    await page.waitForTimeout(100); // the ResizeObserver's pass
    const boxes = await tick_boxes(page);
    assert.ok(boxes.length >= 2, `labels shown: ${JSON.stringify(boxes)}`);
    const axis = await page.$eval('.facet-date .axis', (a) => { const b = a.getBoundingClientRect(); return { left: b.left, right: b.right }; });
    for (const b of boxes) assert.ok(b.left >= axis.left - 1 && b.right <= axis.right + 1, `${b.text} is cut off at the edge`);
    for (let i = 0; i < boxes.length; ++i) {
      for (let j = i + 1; j < boxes.length; ++j) {
        const [a, b] = [boxes[i], boxes[j]];
        assert.ok(a.right <= b.left || b.right <= a.left, `${a.text} and ${b.text} overlap: ${JSON.stringify(boxes)}`);
      }
    }
    await page.context().close();
  });
}
