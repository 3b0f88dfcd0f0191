// The "Cite" view: paste a sentence, find the statements it comes from (/api/cite), see what
// differs, copy the citation in each language.

import { api } from './api.js';
import { h, replace, text_attrs } from './dom.js';
import { format, t } from './i18n.js';
import { pack } from './packed.js';
import { meta, show_message } from './results.js';
import { text_fits_url } from './state.js';

const CITE_LANGS = ['ar', 'en', 'fr'];
const Z_URL_MAX = 7000; // the server refuses request lines over 8,192 bytes

/** `actions`: go(patch, event), href(patch), copy(text_promise, button). */
export function create_cite_view(root, actions) {
  let last_text = null;
  let last_result = null;
  let controller = null;
  const els = {};

  function build() {
    els.textarea = h('textarea', { id: 'cite-text', rows: 4, dir: 'auto', maxlength: 8192,
      'aria-describedby': 'cite-hint', required: true });
    els.lang = h('select', { id: 'cite-lang' });
    els.form = h('form', { class: 'cite-form', onsubmit: submit },
      els.label = h('label', { for: 'cite-text' }),
      els.textarea,
      h('div', { class: 'cite-row' },
        h('span', {}, els.lang_label = h('label', { for: 'cite-lang' }), ' ', els.lang),
        els.submit = h('button', { type: 'submit', class: 'primary' })));
    els.textarea.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
    });
    els.title = h('h2', { id: 'cite-title' });
    els.hint = h('p', { class: 'hint', id: 'cite-hint' });
    els.summary = h('p', { class: 'summary', role: 'status', 'aria-live': 'polite' });
    els.message = h('div', { class: 'message', role: 'alert', hidden: true });
    els.legend = h('p', { class: 'diff-legend' });
    els.matches = h('ol', { class: 'hits cite-matches' });
    replace(root, els.title, els.hint, els.form, els.summary, els.message, els.legend, els.matches);
  }

  async function submit(e) {
    e.preventDefault();
    const text = els.textarea.value.trim();
    if (text) actions.go({ view: 'cite', text, z: await url_form(text) });
  }

  function label_texts() {
    els.title.textContent = t('cite_title');
    els.hint.textContent = t('cite_hint');
    els.label.textContent = t('cite_label');
    els.lang_label.textContent = t('cite_lang');
    els.submit.textContent = t('cite_button');
    const chosen = els.lang.value;
    replace(els.lang, h('option', { value: '' }, t('cite_lang_auto')),
      CITE_LANGS.map((l) => h('option', { value: l }, format.language(l))));
    els.lang.value = chosen;
    replace(els.legend, t('diff_legend'), ' ',
      h('ins', { class: 'diff-missing' }, t('diff_missing')), ' ',
      h('del', { class: 'diff-added' }, t('diff_added')));
  }

  async function run(text) {
    last_text = text;
    last_result = null;
    controller?.abort();
    controller = new AbortController();
    els.summary.textContent = t('loading');
    els.message.hidden = true;
    replace(els.matches);
    try {
      last_result = await api.cite(text, els.lang.value || undefined, controller.signal);
      draw();
    } catch (e) {
      if (e.kind === 'aborted') return;
      els.summary.textContent = '';
      const kind = e.kind === 'not_found' || e.kind === 'unavailable' ? 'cite_unavailable'
        : e.status === 413 ? 'error_too_long' : `error_${e.kind}`;
      show_message(els.message, t(kind), e.kind === 'bad_request' ? e.message : '', null, 'error');
    }
  }

  function draw() {
    const r = last_result;
    if (!r) return;
    const matches = r.matches || [];
    els.summary.textContent = t('cite_found', { count: matches.length });
    if (!matches.length) show_message(els.message, t('cite_none'), r.reason || '');
    replace(els.matches, matches.map(card));
    els.legend.hidden = !matches.some((m) => (m.diff || []).some((d) => d.op !== 'equal'));
  }

  function card(m) {
    const open = { view: 'search', text: '', passage: m.id };
    const translation = m.relation === 'translation';
    const badge = translation ? t('translation_of', { language: format.language(m.lang) })
      : m.verbatim ? t('verbatim') : t('coverage', { pct: format.percent(m.coverage ?? 0) });
    const copies = CITE_LANGS.filter((l) => m.citation?.[l]).map((l) => h('button', {
      type: 'button', class: 'secondary copy-citation', lang: l, dataset: { lang: l },
      onclick: (e) => actions.copy(m.citation[l], e.currentTarget),
    }, t('copy_citation_in', { language: format.language(l) })));
    return h('li', { class: 'hit cite-match' }, h('article', {},
      h('div', { class: 'cite-head' },
        h('h3', { class: 'hit-title', ...text_attrs(m.lang) }, h('a', { href: actions.href(open),
          onclick: (e) => actions.go(open, e) }, m.doc_title || m.doc_id)),
        h('span', { class: m.verbatim ? 'badge ok' : 'badge' }, badge)),
      meta(m),
      translation ? h('p', { class: 'snippet', ...text_attrs(m.lang) }, m.text)
        : h('p', { class: 'diff', ...text_attrs(m.lang) }, diff_nodes(m)),
      translation ? h('p', { class: 'hit-across' }, t('matched'), ' ', (m.translated || []).map((w, i) => [
        i ? ', ' : '', h('bdi', { dir: 'auto' }, w.word), ' → ', h('bdi', { ...text_attrs(w.lang) }, w.translation)]))
        : null,
      copies.length ? h('div', { class: 'hit-foot copy-row' }, copies) : null));
  }

  build();
  return {
    /** Shows the view for `state` (runs the lookup when the text changed). */
    render(state, { ui_changed = false } = {}) {
      if (ui_changed || !els.title.textContent) label_texts();
      if (document.activeElement !== els.textarea) els.textarea.value = state.text;
      if (state.text && state.text !== last_text) run(state.text);
      else if (ui_changed) draw();
      if (!state.text) {
        last_text = null;
        els.summary.textContent = '';
        els.message.hidden = true;
        els.legend.hidden = true;
        replace(els.matches);
      }
    },
    focus: () => els.textarea.focus(),
  };
}

/**
 * The cite text's form in the URL: '' when it fits as text= (or cannot be packed: history keeps
 * it, router.js), else packed (an 8,000-character quote packs to about 4 KB).
 */
async function url_form(text) {
  if (text_fits_url(text)) return '';
  try {
    const z = await pack(text);
    return z.length <= Z_URL_MAX ? z : '';
  } catch {
    return '';
  }
}

/** The source text with the draft's differences marked (see the legend). */
function diff_nodes(m) {
  if (!m.diff?.length) return [m.text || ''];
  const out = [];
  const push = (node, text) => {
    const prev = out.length ? out.at(-1) : null;
    const prev_text = typeof prev === 'string' ? prev : prev?.textContent ?? '';
    if (prev && !/\s$/.test(prev_text) && !/^[\s.,;:!?،؛؟)\]»]/.test(text)) out.push(' ');
    out.push(node);
  };
  for (const d of m.diff) {
    const source = d.source || '';
    const draft = d.draft || '';
    if (d.op === 'equal') push(source, source);
    else if (d.op === 'missing') push(ins(source), source);
    else if (d.op === 'added') push(del(draft), draft);
    else if (d.op === 'changed') {
      push(del(draft), draft);
      push(ins(source), source);
    }
  }
  return out;
}

const ins = (s) => h('ins', { class: 'diff-missing', title: t('diff_missing') }, s);
const del = (s) => h('del', { class: 'diff-added', title: t('diff_added') }, s);
