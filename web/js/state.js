// The page's whole state, and its two-way mapping to the URL. Search parameters use the API's
// names (q, speaker, country, objective, lang, symbol, doc, from, to, sort, page, ui), so a page URL's
// query string is also a valid /api/search query string.

import { page_query, parse_page } from './page_state.js';

export const UI_LANGS = ['ar', 'en', 'fr'];
export const FILTERS = ['speaker', 'country', 'objective', 'lang', 'symbol', 'doc'];
/** Filters that can also exclude a value: `not_country=MA` leaves Morocco out (API names). */
export const EXCLUDABLE = ['speaker', 'country', 'objective', 'lang', 'symbol'];
export const NOT = (field) => `not_${field}`;
export const SORTS = ['relevance', '-date', 'date'];
export const PAGE_SIZE = 10;
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const STORAGE_KEY = 'mahdar.ui';
const PERMALINK_RE = /^(.*\/)s\/([^/]+)$/;
const TEXT_URL_MAX = 1500; // encoded characters of a cite text written as text=

/** A fresh state: searching, nothing typed, no filters. */
export function empty_state(ui = 'en') {
  return {
    view: 'search', // 'search' | 'cite' | a page view (page_state.js)
    q: '',
    speaker: [], country: [], objective: [], lang: [], symbol: [], doc: [],
    not_speaker: [], not_country: [], not_objective: [], not_lang: [], not_symbol: [],
    from: '', to: '',
    undated: false, // only the passages without a date (API undated=only)
    sort: 'relevance',
    page: 1,
    collapse: false, // one hit per document (the API's collapse=doc)
    langs: '', // 'all': the query also finds its translations in the other languages (API langs=all)
    ui,
    passage: '', // id of the passage opened in the reader, or '' (in the URL: /s/ID)
    text: '',    // cite view: the pasted sentence
    z: '',       // cite view: the sentence packed for the URL (packed.js) when it is long, or ''
    order: 'count', // countries index: 'count' | 'name'
  };
}

/** YYYY, YYYY-MM or YYYY-MM-DD with a real month and day (the API's date syntax). */
export function is_date(s) {
  if (!DATE_RE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  return d === undefined || (d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate());
}

/** Reads a state from a query string; unknown or malformed values fall back to defaults. */
export function parse_state(search, fallback_ui) {
  const p = new URLSearchParams(search);
  const s = empty_state(UI_LANGS.includes(p.get('ui')) ? p.get('ui') : fallback_ui);
  s.view = p.get('view') === 'cite' ? 'cite' : 'search';
  s.q = p.get('q') || '';
  for (const f of [...FILTERS, ...EXCLUDABLE.map(NOT)]) s[f] = unique(p.getAll(f).filter(Boolean));
  for (const prefix of ['', 'not_']) {
    s[`${prefix}objective`] = s[`${prefix}objective`].filter((o) => /^\d+$/.test(o) && +o >= 1 && +o <= 23);
    s[`${prefix}lang`] = s[`${prefix}lang`].filter((l) => UI_LANGS.includes(l));
    s[`${prefix}country`] = s[`${prefix}country`].map((c) => c.toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c));
  }
  for (const k of ['from', 'to']) s[k] = is_date(p.get(k) || '') ? p.get(k) : '';
  s.undated = p.get('undated') === 'only' && !s.from && !s.to;
  s.sort = SORTS.includes(p.get('sort')) ? p.get('sort') : 'relevance';
  const page = Number.parseInt(p.get('page') || '1', 10);
  s.page = Number.isFinite(page) && page >= 1 ? page : 1;
  s.collapse = p.get('collapse') === 'doc';
  s.langs = p.get('langs') === 'all' ? 'all' : '';
  s.passage = p.get('passage') || ''; // the links of earlier versions; now the path /s/ID
  s.text = p.get('text') || '';
  s.z = /^[A-Za-z0-9_-]+$/.test(p.get('z') || '') ? p.get('z') : '';
  parse_page(p, s);
  return s;
}

/** The passage id of a permalink path (/s/ID), or null. */
export function passage_of_path(pathname) {
  const m = PERMALINK_RE.exec(pathname);
  if (!m) return null;
  try {
    return decodeURIComponent(m[2]);
  } catch {
    return null;
  }
}

/** The path of passage `id`'s permalink under the page's folder `dir` ("/"). */
export function permalink_path(dir, id) {
  return `${dir}s/${encodeURIComponent(id).replace(/%3A/gi, ':')}`;
}

/** The folder the page is served from: "/" for "/", "/index.html" and "/s/ID". */
export function page_dir(pathname) {
  const m = PERMALINK_RE.exec(pathname);
  return m ? m[1] : pathname.replace(/[^/]*$/, '');
}

/** Whether the cite view's text goes into the URL as it is (else packed, or kept in history). */
export function text_fits_url(text) {
  return encodeURIComponent(text).length <= TEXT_URL_MAX;
}

/**
 * The query string of a state; defaults are left out, `ui` is always written. The open passage
 * is not in it: it is the path (/s/ID, router.js).
 */
export function state_query(s) {
  const p = new URLSearchParams();
  if (page_query(p, s)) {
    p.set('ui', s.ui);
    return p.toString();
  }
  if (s.view === 'cite') {
    p.set('view', 'cite');
    if (s.z) p.set('z', s.z);
    else if (s.text && text_fits_url(s.text)) p.set('text', s.text);
  } else {
    append_search(p, s);
    if (s.sort !== 'relevance') p.set('sort', s.sort);
    if (s.page > 1) p.set('page', String(s.page));
  }
  p.set('ui', s.ui);
  return p.toString();
}

function append_search(p, s) {
  if (s.q) p.set('q', s.q);
  for (const f of [...FILTERS, ...EXCLUDABLE.map(NOT)]) for (const v of s[f]) p.append(f, v);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.collapse) p.set('collapse', 'doc');
  if (s.undated) p.set('undated', 'only');
  if (s.langs) p.set('langs', s.langs);
}

/**
 * Parameters of /api/search for a state (the page's own view/passage/text left out).
 * `partial`: the last word is still being typed (the API's partial=1).
 */
export function search_params(s, { partial = false } = {}) {
  const p = new URLSearchParams();
  append_search(p, s);
  if (partial) p.set('partial', '1');
  // Without sort the server ranks by relevance, or newest first when browsing without a query.
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  p.set('page', String(s.page));
  p.set('size', String(PAGE_SIZE));
  p.set('ui', s.ui);
  // The facet panel lists every value ("show all", the speaker finder's counts), not the API's
  // default top 20.
  p.set('facet_limit', '1000');
  return p;
}

/** The /api/v1/export query string of a state's whole result set in `format`. */
export function export_params(s, format) {
  const p = new URLSearchParams();
  append_search(p, s);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  p.set('ui', s.ui);
  p.set('format', format);
  return p;
}

/** The /api/v1/feed query string of a state's search (an Atom feed, newest indexed first). */
export function feed_params(s) {
  const p = new URLSearchParams();
  append_search(p, s);
  p.set('ui', s.ui);
  return p;
}

/** True when any filter (not the query) is set. */
export function has_filters(s) {
  return filter_count(s) > 0;
}

/** How many filters are set: each value included or excluded, and the date range or "undated". */
export function filter_count(s) {
  return [...FILTERS, ...EXCLUDABLE.map(NOT)].reduce((n, f) => n + s[f].length, 0)
    + (s.from || s.to || s.undated ? 1 : 0);
}

/** The state patch that removes every filter. */
export function no_filters() {
  return { ...Object.fromEntries([...FILTERS, ...EXCLUDABLE.map(NOT)].map((f) => [f, []])),
    from: '', to: '', undated: false };
}

/** Keys whose change sends the reader back to page 1. */
export const RESETS_PAGE = ['q', ...FILTERS, ...EXCLUDABLE.map(NOT), 'from', 'to', 'undated', 'sort', 'collapse', 'langs'];

/** The remembered UI language, else the browser's, else English. */
export function preferred_ui() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (UI_LANGS.includes(saved)) return saved;
  } catch { /* storage may be disabled */ }
  for (const l of navigator.languages || []) {
    const base = l.slice(0, 2).toLowerCase();
    if (UI_LANGS.includes(base)) return base;
  }
  return 'en';
}

export function remember_ui(ui) {
  try {
    localStorage.setItem(STORAGE_KEY, ui);
  } catch { /* storage may be disabled */ }
}

function unique(list) {
  return [...new Set(list)];
}
