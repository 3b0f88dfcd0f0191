// Interface strings and locale-aware formatting. The strings of each language are in
// i18n/<ui>.js; a message may be a string with {name} placeholders, or an object of plural forms
// keyed by Intl.PluralRules categories (zero, one, two, few, many, other) chosen by {count}.

import ar from './i18n/ar.js';
import en from './i18n/en.js';
import fr from './i18n/fr.js';

const STRINGS = { ar, en, fr };
// Locales for Intl: English dates in the day-month-year order of UN documents.
const LOCALES = { ar: 'ar', en: 'en-GB', fr: 'fr' };

let ui = 'en';
let fmt = make_formatters(ui);

export function set_ui(lang) {
  if (lang === ui) return;
  ui = lang;
  fmt = make_formatters(lang);
}

export function current_ui() {
  return ui;
}

function make_formatters(lang) {
  const locale = LOCALES[lang];
  return {
    number: new Intl.NumberFormat(locale),
    decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    percent: new Intl.NumberFormat(locale, { style: 'percent' }),
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    month_short: new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
    year: new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }),
    plural: new Intl.PluralRules(locale),
    region: new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }),
    language: new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }),
  };
}

/** The message `key` in the UI language, {placeholders} filled from `vars`. */
export function t(key, vars = {}) {
  let msg = STRINGS[ui][key] ?? STRINGS.en[key] ?? key;
  if (typeof msg === 'object') {
    const n = Number(vars.count ?? 0);
    msg = msg[n === 0 && msg.zero ? 'zero' : fmt.plural.select(n)] ?? msg.other;
  }
  return msg.replace(/\{(\w+)\}/g, (_, name) => {
    const v = vars[name];
    if (v === undefined || v === null) return '';
    return typeof v === 'number' ? fmt.number.format(v) : String(v);
  });
}

export const format = {
  number: (n) => fmt.number.format(n),
  decimal: (n) => fmt.decimal.format(n),
  percent: (x) => fmt.percent.format(x),
  /** 'YYYY-MM-DD' → '28 January 2021' (in the UI language); other strings unchanged. */
  date: (iso) => format_period(iso),
  /** 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' → localised year, month or day. */
  period: (iso) => format_period(iso),
  month_short: (ym) => fmt.month_short.format(utc(ym)),
  region: (code) => safe(() => fmt.region.of(code), code),
  language: (code) => safe(() => fmt.language.of(code), code),
};

function format_period(iso) {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return fmt.date.format(utc(iso));
  if (/^\d{4}-\d{2}$/.test(iso)) return fmt.month.format(utc(iso));
  if (/^\d{4}$/.test(iso)) return fmt.year.format(utc(iso));
  return iso;
}

function utc(iso) {
  const [y, m = '01', d = '01'] = iso.split('-');
  return new Date(Date.UTC(+y, +m - 1, +d));
}

function safe(f, fallback) {
  try {
    return f() || fallback;
  } catch {
    return fallback;
  }
}

/**
 * Translates the static markup under `root`: data-i18n="key" sets the text, and
 * data-i18n-attr="attr:key;attr:key" sets attributes.
 */
export function translate_static(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(key));
    }
  }
}
