// The result list: summary (total, time), "did you mean", messages, result cards and paging.

import { h, replace, snippet_nodes, text_attrs } from './dom.js';
import { current_ui, format, t } from './i18n.js';
import { labels } from './labels.js';
import { speaker_links, subject_link } from './page_parts.js';
import { PAGE_SIZE, export_params, feed_params, has_filters } from './state.js';
import { hit_also_in } from './versions.js';

/** Rows an export holds at most by default (the server's default limit). */
const EXPORT_ROWS = 10000;
const EXPORT_FORMATS = [['csv', 'CSV'], ['jsonl', 'JSON Lines'], ['ris', 'RIS'], ['csl', 'CSL-JSON']];

/**
 * `actions`: href(patch) → URL of the state with `patch` applied; go(patch, event) navigates;
 * toggle(field, value); copy(hit, button); clear_all().
 */
export function render_results(els, state, r, actions) {
  els.summary.textContent = t('results_summary', {
    count: r.total, total: format.number(r.total), ms: format.decimal(r.took_ms ?? 0),
  });
  render_suggestion(els.suggestion, r.suggestion, actions);
  if (r.total === 0 && !state.q && !has_filters(state)) {
    show_empty_index(els.message);
  } else if (r.total === 0) {
    show_message(els.message, t('no_results_title'),
      t(has_filters(state) ? 'no_results_filters' : 'no_results_hint'),
      has_filters(state) ? h('button', { type: 'button', class: 'secondary',
        onclick: actions.clear_all }, t('clear_all')) : null);
  } else {
    els.message.hidden = true;
  }
  render_exports(els.exports, state, r.total);
  replace(els.hits, (r.hits || []).map((hit) => card(hit, state, actions)));
  render_pager(els.pager, state, r.total, actions);
}

// Download links for the whole result set, saying when only the first rows are exported; and the
// search's Atom feed, offered even with no result yet (a statement indexed later reaches it).
function render_exports(el, state, total) {
  el.hidden = false;
  const follow = h('a', {
    class: 'follow', href: feed_url(state), type: 'application/atom+xml', title: t('follow_search_title'),
  }, t('follow_search'));
  if (!total) return replace(el, follow);
  const links = EXPORT_FORMATS.map(([format, name]) => h('a', {
    class: 'export', href: `/api/v1/export?${export_params(state, format)}`, download: '',
  }, name));
  const parts = [t('export_label', { count: Math.min(total, EXPORT_ROWS) })];
  links.forEach((a, i) => parts.push(i ? ' · ' : ' ', a));
  if (total > EXPORT_ROWS) parts.push(' ', t('export_limited', { total }));
  replace(el, ...parts, h('br'), follow);
}

/** The Atom feed of a state's search. */
export function feed_url(state) {
  return `/api/v1/feed?${feed_params(state)}`;
}

/** The page's <link rel="alternate" type="application/atom+xml"> for the search (null: none). */
export function set_feed_link(state) {
  let link = document.getElementById('feed-link');
  if (!state) return link?.remove();
  if (!link) {
    link = h('link', { id: 'feed-link', rel: 'alternate', type: 'application/atom+xml' });
    document.head.append(link);
  }
  link.href = feed_url(state);
  link.title = t('feed_link_title');
}

/** Shows a message box (empty results, errors) in place of results. */
export function show_message(el, title, detail, action = null, kind = 'info') {
  el.hidden = false;
  el.classList.toggle('error', kind === 'error');
  replace(el, h('p', { class: 'message-title' }, title),
    detail ? h('p', { class: 'message-detail' }, detail) : null, action);
}

/** No passage at all, nothing asked: the index is empty — say how to fill it. */
function show_empty_index(el) {
  show_message(el, t('empty_index_title'), t('empty_index_hint'),
    h('pre', { class: 'command', dir: 'ltr' }, h('code', {}, 'mahdar-indexer --db var/index reports/')));
  el.classList.remove('error');
}

function render_suggestion(el, suggestion, actions) {
  el.hidden = !suggestion;
  if (!suggestion) return replace(el);
  replace(el, t('did_you_mean'), ' ', h('a', {
    href: actions.href({ q: suggestion }), dir: 'auto', dataset: { focusKey: 'suggestion' },
    onclick: (e) => actions.go({ q: suggestion }, e),
  }, suggestion), t('question_mark'));
}

export function card(hit, state, actions) {
  const title_id = `hit-${hit.ordinal}-${hash(hit.id)}`;
  const open = { passage: hit.id };
  return h('li', { class: 'hit' }, h('article', { 'aria-labelledby': title_id },
    h('h3', { class: 'hit-title', ...text_attrs(hit.lang) }, h('a', {
      id: title_id, href: actions.href(open),
      dataset: { focusKey: `open:${hit.id}` }, onclick: (e) => actions.go(open, e),
    }, hit.doc_title || hit.doc_id)),
    meta(hit, { actions }),
    h('p', { class: 'snippet', ...text_attrs(hit.lang) }, snippet_nodes(hit.snippet_html || hit.text)),
    state.langs === 'all' ? across(hit) : null,
    hit_also_in(hit),
    hit.versions?.length ? versions_list(hit, actions) : null,
    h('div', { class: 'hit-foot' }, tags(hit, state, actions),
      h('button', { type: 'button', class: 'secondary copy-citation',
        dataset: { focusKey: `copy:${hit.id}` }, onclick: (e) => actions.copy(hit, e.currentTarget),
      }, t('copy_citation')))));
}

/**
 * The other language versions of the hit's paragraph that match too (the API groups them under
 * langs=all): each its language, linked to the passage, and its snippet.
 */
function versions_list(hit, actions) {
  return h('ul', { class: 'hit-versions', 'aria-label': t('versions_matched') }, hit.versions.map((v) => {
    const open = { passage: v.id };
    return h('li', { class: 'hit-version', ...text_attrs(v.lang) },
      h('a', { href: actions.href(open), dataset: { focusKey: `open:${v.id}` }, ...text_attrs(current_ui()),
        onclick: (e) => actions.go(open, e) }, t(`lang_${v.lang}`)), ' ',
      h('span', { class: 'snippet', ...text_attrs(v.lang) }, snippet_nodes(v.snippet_html || v.text)),
      v.translated?.length ? h('span', { class: 'hit-across', ...text_attrs(current_ui()) }, ' (', matched(v), ')') : null);
  }));
}

/** Searching all languages: the hit's language and the translations it was found by. */
function across(hit) {
  const line = h('p', { class: 'hit-across' }, h('span', { class: 'hit-lang' }, t(`lang_${hit.lang}`)));
  if (hit.translated?.length) line.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), matched(hit));
  return line;
}

/** "matched: remittance → تحويل, تحويل مال": the translations a hit was found by, by query word. */
function matched(hit) {
  const by_word = new Map();
  for (const m of hit.translated) by_word.set(m.word, [...(by_word.get(m.word) || []), m]);
  return h('span', { class: 'matched' }, t('matched'), ' ', [...by_word].map(([word, list], i) => [i ? '; ' : '',
    h('bdi', { dir: 'auto' }, word), ' → ',
    list.map((m, j) => [j ? ', ' : '', h('bdi', { ...text_attrs(m.lang) }, m.translation)])]));
}

/**
 * Date · speaker, affiliation · para. N · p. N (note) — shared with the passage reader. With
 * `actions`, the speaker's name links to their page.
 */
export function meta(p, { para = true, actions = null } = {}) {
  const parts = [];
  if (p.date) parts.push(h('time', { datetime: p.date }, format.date(p.date)));
  if (p.speaker) {
    // Speaker and affiliation are in the passage's language, so is the comma between them.
    parts.push(h('bdi', { class: 'speaker', ...text_attrs(p.lang) },
      actions ? speaker_links(p.speaker, actions) : p.speaker,
      p.affiliation ? [p.lang === 'ar' ? '، ' : ', ', h('span', { class: 'affiliation' },
        p.affiliation)] : null));
  }
  if (p.para && para) {
    parts.push(h('span', { class: 'para' }, t('para_n', { para: para_text(p.para) })));
  }
  if (p.page) parts.push(page_link(p));
  if (p.note) parts.push(h('span', { class: 'note-tag' }, t('note')));
  const out = h('p', { class: 'hit-meta' });
  parts.forEach((part, i) => {
    if (i) out.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
    out.append(part);
  });
  return out;
}

/** "p. 12", opening the original file at that page (only paged originals, PDFs, have pages). */
export function page_link(p) {
  return h('a', { class: 'page', href: `/api/original/${encodeURIComponent(p.doc_id)}#page=${p.page}`,
    target: '_blank', rel: 'noopener', title: t('open_original') },
  t('doc_page', { page: format.number(p.page) }));
}

export function para_text(para) {
  return /^\d+$/.test(para) ? format.number(+para) : para;
}

/** Country and objective tags; each toggles its filter. */
export function tags(p, state, actions) {
  const list = h('ul', { class: 'tags', 'aria-label': t('tags') });
  for (const code of p.countries || []) {
    const name = labels.country(code);
    list.append(h('li', {}, tag(`country`, code, name, code,
      t('filter_by', { facet: t('facet_country'), value: `${name} (${code})` }), state, actions),
    subject_link('country', code, name, actions)));
  }
  for (const n of p.objectives || []) {
    const title = labels.objective(n);
    list.append(h('li', {}, tag('objective', String(n), t('objective_n', { n }), title,
      // The name includes the visible "Objective 6" (axe: label-content-name-mismatch).
      t('filter_by', { facet: t('facet_objective'), value: `${t('objective_n', { n })}: ${title}` }),
      state, actions)));
  }
  return list;
}

function tag(field, value, text, title, label, state, actions) {
  const on = state[field].includes(value);
  return h('button', {
    type: 'button', class: `tag tag-${field}`, title, 'aria-label': label,
    'aria-pressed': String(on), dataset: { focusKey: `tag:${field}:${value}` },
    onclick: () => actions.toggle(field, value),
  }, text);
}

export function render_pager(el, state, total, actions) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return replace(el);
  const page = Math.min(state.page, pages);
  const link = (n, text, label, extra = {}) => h('a', {
    href: actions.href({ page: n }), 'aria-label': label, dataset: { focusKey: `page:${text}` },
    onclick: (e) => actions.go({ page: n }, e), ...extra,
  }, text);
  const items = [];
  if (page > 1) items.push(link(page - 1, t('previous'), t('previous_page'), { rel: 'prev' }));
  for (const n of page_window(page, pages)) {
    items.push(n === null ? h('span', { class: 'gap', 'aria-hidden': 'true' }, '…')
      : link(n, format.number(n), t('page_n', { n }),
        n === page ? { 'aria-current': 'page' } : {}));
  }
  if (page < pages) items.push(link(page + 1, t('next'), t('next_page'), { rel: 'next' }));
  replace(el, h('ul', {}, items.map((i) => h('li', {}, i))));
}

/** 1 … 4 5 [6] 7 8 … 20 */
function page_window(page, pages) {
  const keep = new Set([1, pages]);
  for (let n = page - 2; n <= page + 2; ++n) if (n >= 1 && n <= pages) keep.add(n);
  const sorted = [...keep].sort((a, b) => a - b);
  const out = [];
  sorted.forEach((n, i) => {
    if (i && n - sorted[i - 1] > 1) out.push(null);
    out.push(n);
  });
  return out;
}

function hash(s) {
  let x = 0;
  for (const c of s) x = (x * 31 + c.codePointAt(0)) >>> 0;
  return x.toString(36);
}
