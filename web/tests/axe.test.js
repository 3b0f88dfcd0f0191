// No axe-core violation in any view, in the three interface languages (issue 16): search,
// results, no results, the passage reader and cite, and the results on a phone.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axe_violations, launch_browser, new_page, settled } from './support/browser.js';
import { start_server } from './support/server.js';

let server;
let browser;
let first;
before(async () => {
  server = await start_server();
  browser = await launch_browser();
  first = (await (await fetch(`${server.url}/api/search?q=migration`)).json()).hits[0].id;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const VIEWS = [
  ['search, no query', () => '/?ui=UI', '#summary'],
  ['search results', () => '/?q=migration&ui=UI', '#summary'],
  ['no results', () => '/?q=zzzqqq&ui=UI', '#summary'],
  ['passage reader', () => `/?q=migration&passage=${encodeURIComponent(first)}&ui=UI`, '#passage-dialog[open] .reader-list'],
  ['cite', () => '/?view=cite&ui=UI&text=migrants%20and%20their%20families', '.cite-matches'],
];

for (const ui of ['en', 'fr', 'ar']) {
  for (const [name, path, ready] of VIEWS) {
    test(`axe finds nothing: ${name} (${ui})`, async () => {
      const page = await new_page(browser, server.url);
      await page.goto(path().replace('UI', ui));
      await page.waitForSelector(ready, { state: 'attached' });
      if (name.startsWith('search') || name === 'no results') await settled(page);
      assert.deepEqual(await axe_violations(page), []);
      await page.context().close();
    });
  }
}

for (const ui of ['en', 'ar']) {
  test(`axe finds nothing on a phone, results and the open filter panel (${ui})`, async () => {
    const page = await new_page(browser, server.url, { width: 390, height: 800 });
    await page.goto(`/?q=migration&ui=${ui}`);
    await settled(page);
    assert.deepEqual(await axe_violations(page), []);
    await page.click('#filters-toggle');
    assert.deepEqual(await axe_violations(page), []);
    await page.context().close();
  });
}
