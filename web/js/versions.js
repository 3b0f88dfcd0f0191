// Language versions in the passage reader: "also in: العربية · Français", the current
// paragraph in the other languages, and two versions side by side (README "Language versions").

import { h, text_attrs } from './dom.js';
import { t } from './i18n.js';

// Each language named in itself, as a reader of that language looks for it.
const NATIVE = { ar: 'العربية', en: 'English', fr: 'Français' };
// "this paragraph …" in the language it leads to.
const IN_LANG = { ar: 'بالعربية', en: 'in English', fr: 'en français' };

/**
 * The document's other versions as links: to passage p's counterpart in each when the
 * alignment has one, else to the side-by-side view; then a side-by-side button per version.
 * `actions`: href(patch), go(patch, event, opts), side(lang).
 */
export function also_in(doc, p, actions) {
  const versions = doc.versions || [];
  if (!versions.length) return null;
  const out = h('p', { class: 'also-in' }, h('span', { class: 'also-in-label' }, t('also_in')), ' ');
  versions.forEach((v, i) => {
    const to = (p.aligned || []).find((a) => a.lang === v.lang);
    const go = to ? { passage: to.passage_id } : null;
    const name = NATIVE[v.lang] || v.lang;
    if (i) out.append(' · ');
    out.append(go
      ? h('a', { href: actions.href(go), class: 'link version-link', lang: v.lang, hreflang: v.lang,
        onclick: (e) => actions.go(go, e, { replace: true }) }, name)
      : h('button', { type: 'button', class: 'link version-link', lang: v.lang,
        onclick: () => actions.side(v.lang) }, name));
  });
  out.append(' ', h('span', { class: 'side-by-side-buttons' }, ...versions.map((v) =>
    h('button', { type: 'button', class: 'secondary side-by-side', lang: v.lang,
      'aria-label': `${t('side_by_side')}: ${NATIVE[v.lang] || v.lang}`,
      onclick: () => actions.side(v.lang) }, `${t('side_by_side')} · ${NATIVE[v.lang] || v.lang}`))));
  return out;
}

/** "this paragraph in English / en français / بالعربية": links to p's aligned passages. */
export function this_para_in(p, actions) {
  const aligned = p.aligned || [];
  if (!aligned.length) return null;
  return h('span', { class: 'aligned-links' }, h('span', { class: 'aligned-label' }, t('this_para')), ' ',
    ...aligned.flatMap((a, i) => {
      const go = { passage: a.passage_id };
      const link = h('a', { href: actions.href(go), class: 'link aligned-link', lang: a.lang, hreflang: a.lang,
        dir: a.lang === 'ar' ? 'rtl' : 'ltr', title: t('alignment_score', { score: Math.round(a.score * 100) }),
        onclick: (e) => actions.go(go, e, { replace: true }) }, IN_LANG[a.lang] || a.lang);
      return i ? [' / ', link] : [link];
    }));
}

/**
 * Two versions side by side (the answer of /api/document/{id}/parallel): one row per bead,
 * each version in its own column and direction; `current` is the passage to show first.
 */
export function side_by_side(view, current, back) {
  const doc = view.document;
  const other = view.version;
  const cell = (passages, lang) => h('div', { class: 'parallel-cell', ...text_attrs(lang) },
    ...passages.map((x) => h('p', { class: x.id === current ? 'current' : null },
      x.para ? h('span', { class: 'para-num' }, `${x.para}. `) : null, x.text)));
  const head = h('div', { class: 'parallel-row parallel-head' },
    h('div', { class: 'parallel-cell', ...text_attrs(doc.lang) }, NATIVE[doc.lang] || doc.lang),
    h('div', { class: 'parallel-cell', ...text_attrs(other.lang) }, NATIVE[other.lang] || other.lang));
  const rows = view.rows.map((r) => h('div', { class: `parallel-row${r.a.length && r.b.length ? '' : ' unaligned'}` },
    cell(r.a, doc.lang), cell(r.b, other.lang)));
  return [
    h('p', { class: 'parallel-actions' },
      h('button', { type: 'button', class: 'secondary back-to-passage', onclick: back }, t('back_to_passage'))),
    h('div', { class: 'parallel', role: 'table', 'aria-label': t('side_by_side') }, head, ...rows),
  ];
}
