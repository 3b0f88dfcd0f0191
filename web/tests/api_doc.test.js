// The API reference page (api.html): every route of the server's OpenAPI description is listed
// with its parameters and answers, and every answer object has its section.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api_get, launch_browser, new_page, screenshot } from './support/browser.js';
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

test('api.html lists each route of /api/openapi.json with its parameters and answers', async () => {
  const spec = await api_get(server.url, '/api/openapi.json');
  const page = await new_page(browser, server.url);
  await page.goto('/api.html');
  await page.waitForFunction(() => !document.getElementById('api-doc').hasAttribute('aria-busy'));
  assert.deepEqual(page.errors, []);
  assert.equal(await page.locator('[role="alert"]').count(), 0);
  let operations = 0;
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      operations++;
      const section = page.locator(`section#${op.operationId}`);
      assert.equal(await section.count(), 1, `${method} ${path} has a section`);
      assert.equal(await section.locator('h3').textContent(), `${method.toUpperCase()} ${path}`);
      const text = await section.textContent();
      for (const p of op.parameters || []) {
        const name = p.name || p.$ref.split('/').pop();
        const shown = p.name ? name : (spec.components.parameters[name].name);
        assert.ok(text.includes(shown), `${op.operationId} shows parameter ${shown}`);
      }
      const statuses = await section.locator('h4:text("Answers") + table tbody tr td:first-child').allTextContents();
      assert.deepEqual(statuses, Object.keys(op.responses), `${op.operationId} lists its answers`);
    }
  }
  assert.equal(await page.locator('nav .routes li').count(), operations);
  for (const name of Object.keys(spec.components.schemas)) {
    assert.equal(await page.locator(`section#schema-${name}`).count(), 1, `schema ${name} has a section`);
  }
  // A link from a route to the object it answers with lands on that object.
  await page.locator('section#search a[href="#schema-SearchAnswer"]').first().click();
  assert.equal(new URL(page.url()).hash, '#schema-SearchAnswer');
  await screenshot(page, 'api-reference');
});
