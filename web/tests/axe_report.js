// Prints axe-core's accessibility violations for each view of the page in the three interface
// languages, against a real mahdar-searchd over the test fixtures (as the browser tests start
// it). The figure of issue 16: `cd web/tests && node axe_report.js`.

import { axe_violations, launch_browser, new_page, settled } from './support/browser.js';
import { start_server } from './support/server.js';

const VIEWS = [
  ['search, no query', '/?ui=UI', '#summary'],
  ['search results', '/?q=migration&ui=UI', '#summary'],
  ['no results', '/?q=zzzqqq&ui=UI', '#summary'],
  ['passage reader', null, '#passage-dialog[open] .reader-list'],
  ['cite', '/?view=cite&ui=UI&text=migrants%20and%20their%20families', '.cite-matches'],
  ['speaker page', '/?view=speaker&speaker=Sara%20Salman&ui=UI', 'main h1'],
  ['country page', '/?view=country&country=MA&ui=UI', 'main h1'],
  ['countries index', '/?view=countries&ui=UI', 'table.countries'],
  ['facets excluded', '/?q=migration&not_country=MA&ui=UI', '#summary'],
];

const server = await start_server();
const browser = await launch_browser();
let total = 0;
try {
  const first = (await (await fetch(`${server.url}/api/search?q=migration`)).json()).hits[0].id;
  for (const ui of ['en', 'fr', 'ar']) {
    for (const [name, path, ready] of VIEWS) {
      const page = await new_page(browser, server.url);
      const url = (path ?? `/?q=migration&passage=${encodeURIComponent(first)}&ui=UI`).replace('UI', ui);
      await page.goto(url);
      await page.waitForSelector(ready, { state: 'attached' });
      if (name.startsWith('search') || name === 'no results') await settled(page);
      else await page.waitForLoadState('networkidle');
      const found = await axe_violations(page);
      total += found.length;
      console.log(`${ui}  ${name.padEnd(18)} ${found.length}`);
      for (const v of found) console.log(`      ${v}`);
      await page.context().close();
    }
  }
  console.log(`total violations: ${total}`);
} finally {
  await browser.close();
  await server.stop();
}
