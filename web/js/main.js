// The search page: wires the state (router.js) to the views and runs searches.

import { api } from './api.js';
import { render_chips } from './chips.js';
import { citation_for, copy_text } from './citation.js';
import { create_cite_view } from './cite.js';
import { debounce, h, replace } from './dom.js';
import { create_facets } from './facets.js';
import { set_ui, t, translate_static } from './i18n.js';
import { labels } from './labels.js';
import { PAGE_VIEWS, page_patch, search_patch } from './page_state.js';
import { create_pages } from './pages.js';
import { create_reader } from './passage.js';
import { render_results, set_feed_link, show_message } from './results.js';
import { create_router } from './router.js';
import { FILTERS, preferred_ui, remember_ui, search_params } from './state.js';
import { toast } from './toast.js';

const $ = (id) => document.getElementById(id);
const els = {
  q: $('q'), form: $('search-form'), sort: $('sort'), summary: $('summary'), exports: $('exports'), chips: $('chips'),
  suggestion: $('suggestion'), message: $('message'), hits: $('hits'), pager: $('pager'),
  results: $('results'), facets: $('facets'), toggle: $('filters-toggle'),
  search_view: $('search-view'), cite_view: $('cite-view'), offline: $('offline-banner'),
  collapse: $('collapse'),
  pages_view: $('pages-view'),
};
/** A search in flight this long shows "Searching…" (quicker ones would only flicker). */
const SEARCHING_AFTER_MS = 120;
/** Typing pause before the page searches what is typed so far. */
const TYPING_PAUSE_MS = 100;

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
    nav({ [field]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] });
  },
  remove: (field, value) => nav({ [field]: router.state[field].filter((v) => v !== value) }),
  set_dates: (from, to) => nav({ from, to }),
  clear_dates: () => nav({ from: '', to: '' }),
  clear_all: () => nav({ ...Object.fromEntries(FILTERS.map((f) => [f, []])), from: '', to: '' }),
  copy: (passage, button) => copy(citation_for(passage), button),
  copy_link: (button) => copy(router.permalink(router.state.passage, router.state.q), button, 'link_copied'),
  only_document(doc_id, title) {
    doc_titles.set(doc_id, title);
    nav({ doc: [doc_id], passage: '' });
  },
  closed: () => router.close_passage(), // adds no history entry
};
const facets = create_facets(els.facets, actions);
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
    labels.learn(r.facets);
    for (const hit of r.hits || []) doc_titles.set(hit.doc_id, hit.doc_title);
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
  const kind = e.status === 413 ? 'too_long' : e.kind;
  const detail = kind === 'bad_request' ? e.message : t(`error_${kind}_hint`);
  show_message(els.message, t(`error_${kind}`), detail, h('button', {
    type: 'button', class: 'secondary', onclick: () => run_search(router.state, search.key),
  }, t('retry')), 'error');
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
  const n = FILTERS.reduce((sum, f) => sum + state[f].length, 0) + (state.from || state.to ? 1 : 0);
  els.toggle.textContent = n ? t('filters_count', { count: n }) : t('filters');
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
els.sort.addEventListener('change', () => nav({ sort: els.sort.value }));
for (const b of document.querySelectorAll('[data-ui]')) {
  b.addEventListener('click', () => nav({ ui: b.dataset.ui }));
}
$('mode-search').addEventListener('click', (e) => router.go(to_search(), e));
$('mode-countries').addEventListener('click', (e) => router.go(page_patch('countries'), e));
$('mode-cite').addEventListener('click', (e) => router.go({ view: 'cite' }, e));
els.toggle.addEventListener('click', () => {
  const open = els.facets.classList.toggle('open');
  els.toggle.setAttribute('aria-expanded', String(open));
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
