// The rough edges a new user hits (issue 16, part D), in English and Arabic: the mobile filter
// panel's way back, an empty index, the service going away and coming back, Arabic spelling
// suggestions as written, and a query over the length limit.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch_browser, new_page, settled } from './support/browser.js';
import { start_proxy } from './support/proxy.js';
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

async function open(base, path, options) {
  const page = await new_page(browser, base, options);
  await page.goto(path);
  await settled(page);
  return page;
}

/** True when the centre of the first result is the result itself, not something over it. */
const first_hit_uncovered = (page) => page.$eval('#hits > li', (li) => {
  const b = li.getBoundingClientRect();
  return li.contains(document.elementFromPoint(b.left + b.width / 2, b.top + Math.min(b.height / 2, 20)));
});

for (const [ui, label] of [['en', /^Show \d+ results$/], ['ar', /^عرض .*نتيج/]]) {
  test(`on a phone the filter panel (${ui}) closes by its button or Escape, focus back on the toggle`, async () => {
    const page = await open(server.url, `/?q=remittance&ui=${ui}`, { width: 390, height: 800 });
    const toggle = page.locator('#filters-toggle');
    const panel = page.locator('#facets');
    assert.equal(await panel.isVisible(), false);
    await page.locator('#hits > li').first().scrollIntoViewIfNeeded();
    assert.ok(await first_hit_uncovered(page), 'results visible while the panel is closed');
    await toggle.click();
    assert.ok(await panel.isVisible());
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const close = page.locator('#facets .panel-close');
    assert.ok(await close.isVisible(), 'the way back is on screen');
    assert.match((await close.textContent()).trim(), label);
    await close.click();
    assert.equal(await panel.isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'filters-toggle');
    assert.ok(await first_hit_uncovered(page));
    await toggle.click();
    await page.locator('section[data-field="country"] input[type=checkbox]').first().focus();
    await page.keyboard.press('Escape');
    assert.equal(await panel.isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'filters-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('an empty index says how to add documents instead of "no results"', async () => {
  const empty = await start_server({ empty: true });
  try {
    for (const [ui, title] of [['en', 'The index has no documents yet.'], ['ar', 'لا يحتوي الفهرس على أي وثيقة بعد.']]) {
      const page = await open(empty.url, `/?ui=${ui}`);
      assert.equal(await page.textContent('#message .message-title'), title);
      assert.match(await page.textContent('#message code'), /^mahdar-indexer --db \S+ \S+/);
      assert.equal(await page.locator('#message.error').count(), 0);
      // A search that finds nothing in a full index is still "no results".
      await page.context().close();
    }
    const page = await open(server.url, '/?q=zzzqqq&ui=en');
    assert.equal(await page.textContent('#message .message-title'), 'No passage matches your search.');
    await page.context().close();
  } finally {
    await empty.stop();
  }
});

for (const ui of ['en', 'ar']) {
  test(`when the service goes away (${ui}) the page retries by itself and shows the results when it is back`, async () => {
    const proxy = await start_proxy(server.url);
    const page = await open(proxy.url, `/?q=remittance&ui=${ui}`);
    await proxy.stop();
    await page.fill('#q', 'migration');
    await page.press('#q', 'Enter');
    const countdown = page.locator('#message .retry-countdown');
    await countdown.waitFor();
    assert.match(await countdown.textContent(), ui === 'ar' ? /إعادة المحاولة بعد/ : /^Retrying in [12] seconds?\.$/);
    assert.ok(await page.locator('#message button[data-focus-key="retry-now"]').isVisible());
    // The second wait is longer (4 s): the countdown says so after the first retry failed.
    if (ui === 'en') await page.waitForFunction(() => /Retrying in [34] seconds/.test(document.querySelector('#message')?.textContent), null, { timeout: 5000 });
    await proxy.start();
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/search' && r.ok(), { timeout: 10000 });
    await answered; // no click: the countdown ran the search
    await settled(page);
    assert.ok(await page.locator('#hits > li').count() > 0);
    assert.ok(await page.locator('#message').isHidden());
    await page.context().close();
    await proxy.stop();
  });
}

test('an Arabic spelling suggestion is shown as written, with ة', async () => {
  const page = await open(server.url, `/?q=${encodeURIComponent('المنضومة')}&ui=ar`);
  assert.equal((await page.textContent('#suggestion a')).trim(), 'المنظومة');
  await page.context().close();
});

for (const ui of ['en', 'ar']) {
  test(`a query over the limit (${ui}) says how long it is and marks what is over`, async () => {
    const page = await open(server.url, `/?ui=${ui}`);
    const [n1100, n1024] = await page.evaluate((locale) => [1100, 1024].map((n) => new Intl.NumberFormat(locale).format(n)), ui);
    const title = ui === 'en' ? `Your search is ${n1100} bytes long; the limit is ${n1024}.`
      : `طول بحثك ${n1100} بايت، والحد الأقصى ${n1024}.`;
    const long = `${'migration policy '.repeat(70).slice(0, 1099)}x`; // 1,100 bytes
    await page.fill('#q', long);
    await page.press('#q', 'Enter');
    await page.locator('#message mark.over').waitFor();
    assert.equal(await page.textContent('#message .message-title'), title);
    assert.equal(await page.textContent('#message mark.over'), long.slice(1024));
    assert.equal(await page.getAttribute('#q', 'aria-invalid'), 'true');
    await page.context().close();
  });
}
