// The selected filters as removable chips above the results, and "clear all".

import { h, replace } from './dom.js';
import { format, t } from './i18n.js';
import { labels } from './labels.js';
import { EXCLUDABLE, FILTERS, NOT, has_filters } from './state.js';

/** `actions.remove(field, value)`, `actions.clear_dates()`, `actions.clear_all()`. */
export function render_chips(root, state, actions, doc_titles) {
  const chips = [];
  for (const field of FILTERS) {
    for (const value of state[field]) {
      const name = `${t(`facet_${field}`)}${t('colon')}`;
      chips.push(chip(name, value_text(field, value, doc_titles), `chip:${field}:${value}`,
        () => actions.remove(field, value)));
    }
  }
  for (const field of EXCLUDABLE) {
    for (const value of state[NOT(field)]) {
      const name = `${t(`facet_${field}`)}${t('colon')}`;
      chips.push(chip(name, t('not_value', { value: value_text(field, value, doc_titles) }),
        `chip:${NOT(field)}:${value}`, () => actions.remove(NOT(field), value), 'excluded'));
    }
  }
  if (state.from || state.to || state.undated) {
    const name = `${t('facet_date')}${t('colon')}`;
    chips.push(chip(name, state.undated ? t('undated') : date_text(state), 'chip:date', actions.clear_dates));
  }
  if (!chips.length) return replace(root);
  const clear = h('button', { type: 'button', class: 'link clear-all', onclick: actions.clear_all,
    dataset: { focusKey: 'chip:clear' } }, t('clear_all'));
  return replace(root, h('ul', { class: 'chip-list', 'aria-label': t('active_filters') }, chips),
    has_filters(state) ? clear : null);
}

function chip(name, value, key, onclick, kind = '') {
  const text = `${name}${value}`;
  return h('li', {}, h('button', {
    type: 'button', class: kind ? `chip ${kind}` : 'chip', onclick, dataset: { focusKey: key },
    'aria-label': t('remove_filter', { filter: text }), title: t('remove_filter', { filter: text }),
  }, h('span', { class: 'chip-name' }, name), h('bdi', {}, value),
  h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×')));
}

function value_text(field, value, doc_titles) {
  if (field === 'country') return labels.country(value);
  if (field === 'objective') return `${format.number(+value)} · ${labels.objective(value)}`;
  if (field === 'lang') return labels.language(value);
  if (field === 'doc') return doc_titles.get(value) || value;
  return value;
}

function date_text(s) {
  if (s.from && s.from === s.to) return format.period(s.from);
  if (s.from && s.to) return t('date_between', { from: format.period(s.from), to: format.period(s.to) });
  if (s.from) return t('date_since', { from: format.period(s.from) });
  return t('date_until', { to: format.period(s.to) });
}
