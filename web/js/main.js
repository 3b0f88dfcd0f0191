// The search page: wires the state (router.js) to the views and runs searches.

import { api } from './api.js';
import { render_chips } from './chips.js';
import { citation_for, copy_text } from './citation.js';
import { create_cite_view } from './cite.js';
import { debounce, h, replace } from './dom.js';
import { create_facets } from './facets.js';
import { format, set_ui, t, translate_static } from './i18n.js';
import { labels } from './labels.js';
import { PAGE_VIEWS, page_patch, search_patch } from './page_state.js';
import { create_pages } from './pages.js';
import { create_reader } from './passage.js';
import { render_results, set_feed_link, show_message } from './results.js';
import { create_retry } from './retry.js';
import { create_router } from './router.js';
import { NOT, filter_count, no_filters, preferred_ui, remember_ui, search_params } from './state.js';
import { toast } from './toast.js';

const $ = (id) => document.getElementById(id);
const els = {
  q: $('q'), form: $('search-form'), sort: $('sort'), summary: $('summary'), exports: $('exports'), chips: $('chips'),
  suggestion: $('suggestion'), message: $('message'), hits: $('hits'), pager: $('pager'),
  results: $('results'), facets: $('facets'), toggle: $('filters-toggle'),
  search_view: $('search-view'), cite_view: $('cite-view'), offline: $('offline-banner'),
  collapse: $('collapse'),
  langs_all: $('langs-all'),
  pages_view: $('pages-view'),
};
/** A search in flight this long shows "Searching…" (quicker ones would only flicker). */
const SEARCHING_AFTER_MS = 120;
/** Typing pause before the page searches what is typed so far. */
const TYPING_PAUSE_MS = 100;

/** The API's limit on q, in UTF-8 bytes (search_request.h max_query_bytes). */
const MAX_QUERY_BYTES = 1024;

const doc_titles = new Map();
const search = { key: null, seq: 0, controller: null, response: null, failed: false, partial: false };
// True while the change being rendered comes from typing with the last word unfinished.
let typing_partial = false;

const router = create_router(preferred_ui(), render);
const nav = (patch, options) => router.navigate(patch, options);
const actions = {
  href: (patch) => router.href(patch),
  go: (patch, event, options) => router.go(patch, event, options),
  toggle(field, value) {
    const list = router.state[field];
    const not = router.state[NOT(field)];
    nav({ [field]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value],
      ...(not?.includes(value) ? { [NOT(field)]: not.filter((v) => v !== value) } : {}) });
  },
  /** Leaves passages with `value` out (or takes it back in when already left out). */
  exclude(field, value) {
    const not = router.state[NOT(field)];
    nav({ [NOT(field)]: not.includes(value) ? not.filter((v) => v !== value) : [...not, value],
      [field]: router.state[field].filter((v) => v !== value) });
  },
  set_undated: (on) => nav({ undated: on, from: '', to: '' }),
  remove: (field, value) => nav({ [field]: router.state[field].filter((v) => v !== value) }),
  set_dates: (from, to) => nav({ from, to, undated: false }),
  clear_dates: () => nav({ from: '', to: '', undated: false }),
  clear_all: () => nav(no_filters()),
  copy: (passage, button) => copy(citation_for(passage), button),
  copy_link: (button) => copy(router.permalink(router.state.passage, router.state.q), button, 'link_copied'),
  only_document(doc_id, title) {
    doc_titles.set(doc_id, title);
    nav({ doc: [doc_id], passage: '' });
  },
  closed: () => router.close_passage(), // adds no history entry
};
const facets = create_facets(els.facets, actions);
const retry = create_retry(() => run_search(router.state, search.key));
const reader = create_reader($('passage-dialog'), actions);
const pages = create_pages(els.pages_view, actions);
// From a speaker's or country's page, "Search" is a fresh search, not one filtered by its subject.
const to_search = () => (PAGE_VIEWS.includes(router.state.view) ? search_patch({}) : { view: 'search' });
const cite = create_cite_view(els.cite_view, {
  ...actions, copy: (text, button) => copy(text, button),
});

function copy(text, button, done = 'copied') {
  button?.setAttribute('aria-busy', 'true');
  copy_text(text)
    .then(() => toast(t(done)))
    .catch(() => toast(t('copy_failed'), 'error'))
    .finally(() => button?.removeAttribute('aria-busy'));
}

/** Runs after every state change (router.js). */
function render(state, previous, { from_history }) {
  const ui_changed = !previous || previous.ui !== state.ui;
  if (ui_changed) apply_ui(state.ui);
  $('mode-search').href = router.href(to_search());
  $('mode-countries').href = router.href(page_patch('countries'));
  $('mode-countries').toggleAttribute('aria-current', state.view === 'countries');
  $('mode-cite').href = router.href({ view: 'cite' });
  $('mode-search').toggleAttribute('aria-current', state.view === 'search');
  $('mode-cite').toggleAttribute('aria-current', state.view === 'cite');
  $('page-heading').textContent = t(state.view === 'cite' ? 'heading_cite' : 'heading_search');
  els.search_view.hidden = state.view !== 'search';
  els.cite_view.hidden = state.view !== 'cite';
  els.pages_view.hidden = !PAGE_VIEWS.includes(state.view);
  if (PAGE_VIEWS.includes(state.view)) {
    pages.render(state, { ui_changed, entered: !from_history && previous?.view !== state.view });
    reader.sync(state.passage);
    if (ui_changed && previous) reader.refresh();
    return;
  }
  if (state.view === 'cite') {
    set_feed_link(null);
    reader.sync('');
    cite.render(state, { ui_changed });
    if (previous && previous.view !== 'cite') cite.focus();
    return;
  }
  if (from_history || document.activeElement !== els.q) els.q.value = state.q;
  els.sort.value = state.sort === 'relevance' && !state.q ? '-date' : state.sort; // the order shown
  els.collapse.checked = state.collapse;
  els.langs_all.checked = state.langs === 'all';
  set_feed_link(state);
  const partial = typing_partial && Boolean(state.q);
  const key = search_params(state, { partial }).toString();
  if (key !== search.key || search.failed) run_search(state, key, { partial });
  else keep_focus(() => draw(state));
  reader.sync(state.passage, state.q);
  if (ui_changed && previous) reader.refresh();
}

async function run_search(state, key, { partial = false } = {}) {
  search.key = key;
  search.partial = partial;
  retry.stop();
  const seq = ++search.seq;
  search.controller?.abort();
  search.controller = new AbortController();
  els.results.setAttribute('aria-busy', 'true');
  const searching = setTimeout(() => {
    els.summary.textContent = t('searching');
    els.summary.classList.add('searching');
  }, SEARCHING_AFTER_MS);
  try {
    const r = await api.search(search_params(state, { partial }), search.controller.signal);
    if (seq !== search.seq) return;
    search.response = r;
    search.failed = false;
    retry.reset();
    labels.learn(r.facets);
    for (const hit of r.hits || []) doc_titles.set(hit.doc_id, hit.doc_title);
    els.q.removeAttribute('aria-invalid');
    keep_focus(() => draw(router.state));
  } catch (e) {
    if (e.kind === 'aborted' || seq !== search.seq) return;
    search.failed = true;
    show_error(e);
  } finally {
    clearTimeout(searching);
    if (seq === search.seq) {
      els.results.removeAttribute('aria-busy');
      els.summary.classList.remove('searching');
    }
  }
}

function draw(state) {
  render_chips(els.chips, state, actions, doc_titles);
  update_toggle(state);
  if (!search.response || search.failed) return;
  facets.render(state, search.response.facets || {});
  render_results(els, state, search.response, actions);
}

function show_error(e) {
  render_chips(els.chips, router.state, actions, doc_titles);
  els.summary.textContent = '';
  els.suggestion.hidden = true;
  replace(els.hits);
  replace(els.pager);
  if (e.status === 413) return show_too_long(router.state.q);
  if (['offline', 'timeout', 'server'].includes(e.kind)) {
    // The service may be restarting: try again by itself, waiting longer each time.
    const title = t(`error_${e.kind}`);
    return retry.schedule_with((line) => show_message(els.message, title, t('error_retrying_hint'),
      h('p', { class: 'retry-line' }, line), 'error'));
  }
  const detail = e.kind === 'bad_request' ? e.message : t(`error_${e.kind}_hint`);
  show_message(els.message, t(`error_${e.kind}`), detail, h('button', {
    type: 'button', class: 'secondary', onclick: () => run_search(router.state, search.key),
  }, t('retry')), 'error');
}

/** A query over the API's limit: how long it is, and the part past the limit marked. */
function show_too_long(q) {
  const bytes = new TextEncoder().encode(q);
  let cut = 0; // characters of q that fit
  for (let used = 0; cut < q.length;) {
    const ch = String.fromCodePoint(q.codePointAt(cut));
    used += new TextEncoder().encode(ch).length;
    if (used > MAX_QUERY_BYTES) break;
    cut += ch.length;
  }
  els.q.setAttribute('aria-invalid', 'true');
  show_message(els.message, t('query_too_long', { length: format.number(bytes.length), limit: format.number(MAX_QUERY_BYTES) }),
    t('query_too_long_hint'), h('p', { class: 'over-limit', dir: 'auto' },
      h('span', { class: 'kept' }, `…${q.slice(Math.max(0, cut - 40), cut)}`),
      h('mark', { class: 'over' }, q.slice(cut, cut + 200) + (q.length > cut + 200 ? '…' : ''))), 'error');
}

/** Redraws without losing the keyboard focus (elements carry data-focus-key). */
function keep_focus(fn) {
  const key = document.activeElement?.dataset?.focusKey;
  fn();
  if (key && document.activeElement?.dataset?.focusKey !== key) {
    document.querySelector(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
  }
}

function apply_ui(ui) {
  set_ui(ui);
  remember_ui(ui);
  document.documentElement.lang = ui;
  document.documentElement.dir = ui === 'ar' ? 'rtl' : 'ltr';
  document.title = t('page_title');
  translate_static();
  fill_help();
  for (const b of document.querySelectorAll('[data-ui]')) {
    b.setAttribute('aria-pressed', String(b.dataset.ui === ui));
  }
  labels.load_objectives().then(() => search.response && keep_focus(() => draw(router.state)));
  if (search.response) keep_focus(() => draw(router.state));
}

function fill_help() {
  const rows = [
    ['migration policy', 'help_words'], ['"regular pathways"', 'help_phrase'],
    ['="regular pathway"', 'help_exact'], ['"الأمم المتحدة"', 'help_phrase_ar'], ['labour OR work', 'help_or'],
    ['-Libya  NOT Libya', 'help_not'], ['migra*', 'help_prefix'],
    ['speaker:"Sara Salman"', 'help_speaker'], ['country:MA  country:Maroc', 'help_country'],
    ['objective:23', 'help_objective'], ['lang:ar', 'help_lang'],
  ];
  replace($('query-help-list'), rows.map(([code, key]) => [
    h('dt', {}, h('code', { dir: 'auto' }, code)), h('dd', {}, t(key))]));
}

function update_toggle(state) {
  const n = filter_count(state);
  els.toggle.textContent = n ? t('filters_count', { count: n }) : t('filters');
  const total = search.failed ? null : search.response?.total;
  close_panel.textContent = total == null ? t('close_filters')
    : t('show_results', { count: total, n: format.number(total) });
}

// Typing searches what is typed so far, its last word as a prefix unless a space ends it
// (partial=1); Enter searches the words as they are.
const live = debounce(() => {
  typing_partial = !/\s$/.test(els.q.value);
  try {
    nav({ q: els.q.value.trim() }, { typing: true });
  } finally {
    typing_partial = false;
  }
}, TYPING_PAUSE_MS);
els.q.addEventListener('input', live);
els.form.addEventListener('submit', (e) => {
  e.preventDefault();
  live.cancel();
  const q = els.q.value.trim();
  if (q === router.state.q && search.partial) run_search(router.state, search_params(router.state).toString());
  else nav({ q });
});
els.collapse.addEventListener('change', () => nav({ collapse: els.collapse.checked }));
els.langs_all.addEventListener('change', () => nav({ langs: els.langs_all.checked ? 'all' : '' }));
els.sort.addEventListener('change', () => nav({ sort: els.sort.value }));
for (const b of document.querySelectorAll('[data-ui]')) {
  b.addEventListener('click', () => nav({ ui: b.dataset.ui }));
}
$('mode-search').addEventListener('click', (e) => router.go(to_search(), e));
$('mode-countries').addEventListener('click', (e) => router.go(page_patch('countries'), e));
$('mode-cite').addEventListener('click', (e) => router.go({ view: 'cite' }, e));
// On a narrow screen the filters cover the results while open: a button at their foot
// ("Show 12 results") and Escape close them and give the focus back to the toggle.
const close_panel = h('button', { type: 'button', class: 'primary panel-close', onclick: () => set_panel(false) });
els.facets.append(h('div', { class: 'panel-foot' }, close_panel));
function set_panel(open) {
  const was = els.facets.classList.contains('open');
  els.facets.classList.toggle('open', open);
  els.toggle.setAttribute('aria-expanded', String(open));
  document.body.classList.toggle('panel-open', open);
  if (was && !open) els.toggle.focus();
}
els.toggle.addEventListener('click', () => set_panel(!els.facets.classList.contains('open')));
els.facets.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && els.facets.classList.contains('open')) {
    e.preventDefault();
    set_panel(false);
  }
});
const online = () => {
  els.offline.hidden = navigator.onLine;
  if (navigator.onLine && search.failed && router.state.view === 'search') {
    run_search(router.state, search.key);
  }
};
window.addEventListener('online', online);
window.addEventListener('offline', online);
els.offline.hidden = navigator.onLine;

router.start();
