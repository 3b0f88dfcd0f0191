// The passage reader: a dialog showing one passage among its document's neighbouring
// paragraphs, the words of the search marked, with its permalink (/s/ID) and copy buttons.

import { api } from './api.js';
import { h, replace, snippet_nodes, text_attrs } from './dom.js';
import { format, t } from './i18n.js';
import { labels } from './labels.js';
import { meta, page_link, para_text } from './results.js';
import { also_in, side_by_side, this_para_in } from './versions.js';

const CONTEXT = 3;

/**
 * `actions`: href(patch), go(patch, event, {replace}), closed(), copy(passage, button),
 * copy_link(button), only_document(doc_id, title).
 */
export function create_reader(dialog, actions) {
  let shown_id = '';
  let shown_q = '';
  let extra = { before: 0, after: 0 };
  let controller = null;
  let side = ''; // the language of the version shown side by side, or ''
  const documents = new Map();

  dialog.addEventListener('close', () => {
    shown_id = '';
    controller?.abort();
    actions.closed();
  });
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close(); // a click on the backdrop
  });

  async function show(id, q) {
    if (id === shown_id && q === shown_q && dialog.open) return;
    if (id !== shown_id) { extra = { before: 0, after: 0 }; side = ''; }
    shown_id = id;
    shown_q = q;
    if (!dialog.open) dialog.showModal();
    replace(dialog, frame(t('loading'), h('p', { class: 'loading' }, t('loading'))));
    keep_focus_inside();
    controller?.abort();
    controller = new AbortController();
    try {
      const p = await api.passage(id, controller.signal);
      const key = `${p.doc_id}\n${q}`; // with the words of q marked
      let doc = documents.get(key);
      if (!doc) {
        doc = await api.document(p.doc_id, controller.signal, q);
        documents.set(key, doc);
      }
      draw(p, doc);
    } catch (e) {
      if (e.kind === 'aborted') return;
      replace(dialog, frame(t('passage'), failure(e)));
      keep_focus_inside();
    }
  }

  function draw(p, doc) {
    if (side) return draw_side(p, doc);
    const all = doc.passages || [];
    const at = Math.max(0, all.findIndex((x) => x.id === p.id));
    const lo = Math.max(0, at - CONTEXT - extra.before);
    const hi = Math.min(all.length, at + CONTEXT + 1 + extra.after);
    const more = (side, n, key) => h('button', { type: 'button', class: 'link more',
      onclick: () => { extra[side] += 5; draw(p, doc); } }, t(key, { count: n }));
    const list = h('ol', { class: 'reader-list' }, all.slice(lo, hi).map((x) => paragraph(x, x.id === p.id, p)));
    const body = [
      doc_meta(doc),
      also_in(doc, p, version_actions(p, doc)),
      lo > 0 ? more('before', lo, 'show_earlier') : null,
      list,
      hi < all.length ? more('after', all.length - hi, 'show_later') : null,
    ];
    replace(dialog, frame(doc.title || p.doc_title, body, p, doc));
    dialog.querySelector('.reader-list .current')?.scrollIntoView({ block: 'center' });
    keep_focus_inside();
  }

  function version_actions(p, doc) {
    return { ...actions, side: (lang) => { side = lang; draw(p, doc); } };
  }

  // Two versions side by side, the current passage's row in view.
  async function draw_side(p, doc) {
    const lang = side;
    replace(dialog, frame(doc.title || p.doc_title, h('p', { class: 'loading' }, t('loading')), p, doc));
    try {
      const view = await api.parallel(doc.doc_id, lang, controller?.signal);
      if (side !== lang) return;
      const back = () => { side = ''; draw(p, doc); };
      replace(dialog, frame(doc.title || p.doc_title, side_by_side(view, p.id, back), p, doc));
      dialog.querySelector('.parallel .current')?.scrollIntoView({ block: 'center' });
    } catch (e) {
      if (e.kind === 'aborted') return;
      replace(dialog, frame(t('passage'), failure(e)));
    }
    keep_focus_inside();
  }

  // An id no longer in the index (a permalink from before a re-indexing): say so, offer a search.
  function failure(e) {
    if (e.kind !== 'not_found') return h('p', { class: 'message', role: 'alert' }, t(`error_${e.kind}`));
    return h('div', { class: 'message passage-gone', role: 'alert' },
      h('p', { class: 'message-title' }, t('passage_not_found')),
      h('p', {}, t('passage_gone_hint')),
      h('button', { type: 'button', class: 'primary search-instead', onclick: () => dialog.close() },
        t('search_statements')));
  }

  // Redrawing removes the focused element; keep the keyboard inside the dialog.
  function keep_focus_inside() {
    if (!dialog.contains(document.activeElement)) dialog.querySelector('#passage-title')?.focus();
  }

  function paragraph(x, current, p = null) {
    const go = { passage: x.id };
    return h('li', { class: current ? 'current' : null, 'aria-current': current ? 'true' : null },
      h('div', { class: 'reader-para-head' },
        x.para ? h('span', { class: 'para-num' }, t('para_n', { para: para_text(x.para) })) : null,
        x.page ? page_link(x) : null,
        x.note ? h('span', { class: 'note-tag' }, t('note')) : null,
        current ? null : h('a', { href: actions.href(go), class: 'link',
          'aria-label': x.para ? `${t('open_this')}: ${t('para_n', { para: para_text(x.para) })}` : null,
          onclick: (e) => actions.go(go, e, { replace: true }) }, t('open_this'))),
      current && (x.speaker || x.date) ? meta(x, { para: false, actions }) : null,
      current ? this_para_in(p || x, actions) : null,
      h('p', { class: 'reader-text', ...text_attrs(x.lang) }, x.text_html ? snippet_nodes(x.text_html) : x.text));
  }

  function doc_meta(doc) {
    const bits = [doc.date ? format.date(doc.date) : null, doc.lang ? labels.language(doc.lang) : null,
      doc.symbol ? h('bdi', { dir: 'ltr', class: 'symbol' }, doc.symbol) : null,
      doc.original_url ? h('a', { class: 'original', href: doc.original_url, target: '_blank', rel: 'noopener' },
        t('open_original')) : null].filter(Boolean);
    if (!bits.length) return null;
    const out = h('p', { class: 'doc-meta' });
    bits.forEach((b, i) => out.append(...(i ? [' · ', b] : [b])));
    return out;
  }

  function frame(title, body, p = null, doc = null) {
    const head = h('header', { class: 'reader-head' },
      h('h2', { id: 'passage-title', tabindex: '-1', ...(doc ? text_attrs(doc.lang || p?.lang) : {}) },
        title),
      h('button', { type: 'button', class: 'icon close', 'aria-label': t('close'),
        title: t('close'), onclick: () => dialog.close() }, '×'));
    const foot = p ? h('footer', { class: 'reader-actions' },
      h('button', { type: 'button', class: 'primary copy-citation',
        onclick: (e) => actions.copy(p, e.currentTarget) }, t('copy_citation')),
      h('button', { type: 'button', class: 'secondary copy-link',
        onclick: (e) => actions.copy_link(e.currentTarget) }, t('copy_link')),
      h('button', { type: 'button', class: 'secondary',
        onclick: () => actions.only_document(p.doc_id, doc?.title || p.doc_title) }, t('only_document')))
      : null;
    return [head, h('div', { class: 'reader-body' }, body), foot];
  }

  return {
    /**
     * Opens (or updates) the reader on passage `id` with the words of query `q` marked, or
     * closes it when id is ''.
     */
    sync(id, q = '') {
      if (id) show(id, q);
      else if (dialog.open) dialog.close();
    },
    /** Redraws in a new UI language. */
    refresh() {
      if (dialog.open && shown_id) {
        const id = shown_id;
        shown_id = '';
        show(id, shown_q);
      }
    },
  };
}
