// The countries index (?view=countries): every country the index mentions, its name in the
// interface language, its code and passages, sorted by count or by name, linked to its page.

import { api } from './api.js';
import { h } from './dom.js';
import { current_ui, format, t } from './i18n.js';
import { labels } from './labels.js';
import { count_link, page_head } from './page_parts.js';
import { page_patch, search_patch } from './page_state.js';

export async function load_countries(state, signal) {
  const r = await api.facets('country', '', state.ui, signal);
  labels.learn({ country: r.values });
  return { values: r.values || [] };
}

export function draw_countries({ values }, state, actions) {
  const rows = values.map((v) => ({ ...v, name: labels.country(v.value, v.label) }));
  const collator = new Intl.Collator(current_ui());
  if (state.order === 'name') rows.sort((a, b) => collator.compare(a.name, b.name));
  const order = (o) => {
    const patch = { view: 'countries', order: o };
    return h('a', { href: actions.href(patch), onclick: (e) => actions.go(patch, e, { replace: true }),
      'aria-current': state.order === o ? 'true' : null }, t(`order_${o}`));
  };
  const total = values.reduce((n, v) => n + v.count, 0);
  const table = h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'countries-caption' },
    h('table', { class: 'countries' },
      h('caption', { id: 'countries-caption', class: 'visually-hidden' }, t('countries_caption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('facet_country')),
        h('th', { scope: 'col' }, t('code')), h('th', { scope: 'col' }, t('statements')))),
      h('tbody', {}, rows.map((v) => {
        const page = page_patch('country', { country: [v.value] });
        return h('tr', {}, h('th', { scope: 'row' }, h('a', { href: actions.href(page),
          onclick: (e) => actions.go(page, e) }, v.name)),
        h('td', { dir: 'ltr', class: 'code' }, v.value),
        h('td', {}, count_link(actions, search_patch({ country: [v.value] }), v.count, v.name)));
      }))));
  return [
    page_head(t('countries_title'), t('countries_sub', { count: values.length }),
      [[t('mentions'), format.number(total)]]),
    h('p', { class: 'order' }, t('order_label'), ' ', order('count'), ' · ', order('name')),
    table,
  ];
}
