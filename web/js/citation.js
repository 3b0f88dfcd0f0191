// Citations of passages and copying them. The citation comes from /api/cite (the server's
// format) when the server offers it; otherwise, and whenever that fails, the page builds
// "Title, p. N, para. N, Speaker, date" in the UI language.

import { api } from './api.js';
import { current_ui, format, t } from './i18n.js';

let cite_available = true;

/**
 * The locally built citation of a passage (hit fields), in the UI language. A title or speaker
 * written the other way from the UI language is isolated (bidi_isolated) as the server does.
 */
export function fallback_citation(p) {
  const ui = current_ui();
  const parts = [bidi_isolated(p.doc_title, ui)];
  if (p.page) parts.push(t('doc_page', { page: format.number(p.page) }));
  if (p.para) parts.push(t('cite_para', { para: p.para }));
  if (p.speaker) parts.push(bidi_isolated(p.speaker, ui));
  if (p.date) parts.push(format.date(p.date));
  return parts.filter(Boolean).join(t('cite_separator'));
}

// First strong letters: Hebrew, Arabic, Syriac, Thaana, NKo… and their presentation forms are
// right-to-left; Latin, Greek, Cyrillic and the other letters left-to-right.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}]/u;

/**
 * `field` wrapped in FIRST STRONG ISOLATE (U+2068) … POP DIRECTIONAL ISOLATE (U+2069) when its
 * first letter runs the other way from a text in `lang`, so it shows and pastes in its own order.
 */
export function bidi_isolated(field, lang) {
  const first = (field || '').match(STRONG)?.[0];
  if (!first) return field;
  const rtl = RTL.test(first);
  return rtl === (lang === 'ar') ? field : `\u2068${field}\u2069`;
}

/** The server's citation of passage `p` in the UI language, or the fallback. */
export async function citation_for(p) {
  if (cite_available && p.text) {
    try {
      const r = await api.cite(p.text, p.lang);
      const match = (r.matches || []).find((m) => m.id === p.id);
      const text = match?.citation?.[current_ui()];
      if (text) return text;
    } catch (e) {
      if (e.kind === 'not_found' || e.kind === 'unavailable') cite_available = false;
    }
  }
  return fallback_citation(p);
}

/**
 * Puts text on the clipboard. `text` may be a promise: it is handed to the clipboard inside the
 * click's user activation, so a slow server cannot make the browser refuse the copy.
 */
export async function copy_text(text) {
  if (window.ClipboardItem && navigator.clipboard?.write) {
    try {
      const blob = Promise.resolve(text).then((s) => new Blob([s], { type: 'text/plain' }));
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
      return await text;
    } catch { /* fall through to the older ways */ }
  }
  const value = await text;
  try {
    await navigator.clipboard.writeText(value);
    return value;
  } catch {
    return legacy_copy(value);
  }
}

function legacy_copy(value) {
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
  return value;
}
