#!/usr/bin/env node
// Search-as-you-type latency in a real browser: types queries into the page key by key at a
// person's pace and measures, from each keystroke, the time until results for the text typed so
// far are drawn, and from the last keystroke of each query until its final results are drawn.
//
//   node bench/typing_latency.js [--url http://127.0.0.1:8080] [--queries 50] [--cps 8] [--seed 7]
//
// Without --url it indexes corpus/ (with the browser tests' fixtures) into a temporary folder
// and serves it, as web/tests/support/server.js does. Needs web/tests' node_modules
// (cd web/tests && npm ci) and Debian's chromium. The queries are words and two-word phrases of
// the indexed passages (read through the API), a third each Arabic, English and French. It also
// prints searchd's own time per search (its Server-Timing header), the part the index size moves.

import { parseArgs } from 'node:util';
import { launch_browser, new_page, settled } from '../web/tests/support/browser.js';
import { start_server } from '../web/tests/support/server.js';

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    queries: { type: 'string', default: '50' },
    cps: { type: 'string', default: '8' },
    seed: { type: 'string', default: '7' },
  },
});

// A small deterministic generator (mulberry32): the same queries at every run and every N.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function api(base, path) {
  const r = await fetch(base + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
}

// Words of 5+ letters and pairs of such words from the passages of each language.
async function pick_queries(base, count, rand) {
  const per_lang = Math.ceil(count / 3);
  const out = [];
  for (const lang of ['ar', 'en', 'fr']) {
    const r = await api(base, `/api/v1/search?lang=${lang}&size=100&facet_limit=0`);
    const words = r.hits.flatMap((h) => h.text.split(/[\s.,;:!?()«»"“”'’،؛]+/u))
      .filter((w) => /^\p{L}{5,}$/u.test(w));
    if (words.length < 2) throw new Error(`too few ${lang} words in the index`);
    for (let i = 0; i < per_lang; ++i) {
      const at = Math.floor(rand() * (words.length - 1));
      out.push({ lang, text: rand() < 0.3 ? `${words[at]} ${words[at + 1]}` : words[at] });
    }
  }
  return out.slice(0, count).sort(() => rand() - 0.5);
}

// Records, in the page, each input (time and text) and each drawing of results (time and the
// query of the state drawn: the page draws only the answer to its latest state).
function instrument() {
  window.__inputs = [];
  window.__draws = [];
  const q = document.getElementById('q');
  q.addEventListener('input', () => window.__inputs.push({ t: performance.now(), text: q.value.trim() }));
  const summary = document.getElementById('summary');
  new MutationObserver(() => {
    if (summary.classList.contains('searching') || !summary.textContent) return;
    window.__draws.push({ t: performance.now(), q: new URLSearchParams(location.search).get('q') || '' });
  }).observe(summary, { childList: true, characterData: true, subtree: true });
}

async function type_query(page, text, gap_ms) {
  await page.evaluate(() => { window.__inputs = []; window.__draws = []; });
  for (const ch of text) {
    await page.keyboard.type(ch);
    await new Promise((r) => setTimeout(r, gap_ms));
  }
  await page.waitForFunction((want) => window.__draws.some((d) => d.q === want), text.trim(), { timeout: 15000 });
  await settled(page);
  return page.evaluate(() => ({ inputs: window.__inputs, draws: window.__draws }));
}

function latencies({ inputs, draws }) {
  const per_key = [];
  let superseded = 0;
  for (const input of inputs) {
    const drawn = draws.find((d) => d.t >= input.t && d.q === input.text);
    if (drawn) per_key.push(drawn.t - input.t);
    else ++superseded;
  }
  const last = inputs[inputs.length - 1];
  const final = draws.find((d) => d.t >= last.t && d.q === last.text);
  return { per_key, superseded, final: final.t - last.t };
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function line(name, values) {
  const s = [...values].sort((a, b) => a - b);
  const f = (v) => v.toFixed(1).padStart(7);
  return `${name.padEnd(34)} n=${String(s.length).padStart(4)}  p50 ${f(percentile(s, 50))} ms  p95 ${f(percentile(s, 95))} ms  max ${f(s[s.length - 1])} ms`;
}

async function main() {
  const server = opts.url ? null : await start_server({ files: ['corpus'] });
  const base = (opts.url || server.url).replace(/\/$/, '');
  const browser = await launch_browser();
  try {
    const queries = await pick_queries(base, Number(opts.queries), random(Number(opts.seed)));
    const gap_ms = 1000 / Number(opts.cps);
    const page = await new_page(browser, base);
    const server_ms = []; // searchd's own time for each search the page made (Server-Timing)
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (url.pathname !== '/api/search' || !url.searchParams.get('q')) return;
      const dur = /dur=([\d.]+)/.exec(r.headers()['server-timing'] || '');
      if (dur) server_ms.push(Number(dur[1]));
    });
    await page.goto('/');
    await settled(page);
    await page.evaluate(instrument);
    const per_key = [];
    const finals = [];
    let keys = 0;
    let superseded = 0;
    for (const { text } of queries) {
      await page.fill('#q', '');
      await page.waitForTimeout(400); // the empty query's browse answer, drawn before typing
      await page.focus('#q');
      const r = latencies(await type_query(page, text, gap_ms));
      keys += text.length;
      per_key.push(...r.per_key);
      finals.push(r.final);
      superseded += r.superseded;
    }
    const health = await api(base, '/api/v1/health');
    console.log(`typing latency: ${queries.length} queries (${queries.filter((q) => q.lang === 'ar').length} ar, ` +
      `${queries.filter((q) => q.lang === 'en').length} en, ${queries.filter((q) => q.lang === 'fr').length} fr), ` +
      `${keys} keystrokes at ${opts.cps} chars/s, index of ${health.passages} passages, ${base}`);
    console.log(line('keystroke → its results drawn', per_key));
    console.log(`${''.padEnd(34)} ${superseded} keystrokes superseded (their text's results never drawn: a later key came first)`);
    console.log(line('last keystroke → final results', finals));
    console.log(line('searchd time per search (typing)', server_ms));
    if (page.errors.length) console.log(`page errors: ${page.errors.join(' | ')}`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
