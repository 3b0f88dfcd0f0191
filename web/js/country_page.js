// A country's page (?view=country&country=MA): its name in the interface language, the GCM
// objective × year table of the passages mentioning it, passages per year, the speakers who
// mention it most and the latest statements — every count linked to its search.

import { api } from './api.js';
import { h } from './dom.js';
import { format, t } from './i18n.js';
import { labels } from './labels.js';
import { count_link, objective_table, page_head, part, ranked, timeline } from './page_parts.js';
import { page_patch, search_patch } from './page_state.js';
import { PAGE_SIZE } from './state.js';

const TOP = 10;

export async function load_country(state, signal) {
  const code = state.country[0] || '';
  const base = { country: code, ui: state.ui };
  const [r, x] = await Promise.all([
    api.search(new URLSearchParams({ ...base, sort: '-date', page: state.page, size: PAGE_SIZE,
      facet_limit: TOP }), signal),
    api.crosstab(new URLSearchParams({ ...base, rows: 'objective', cols: 'year' }), signal),
  ]);
  labels.learn(r.facets);
  labels.learn({ objective: x.rows }); // all 23 objectives' titles (for the table and the tags)
  return { code, r, x };
}

export function draw_country({ code, r, x }, actions, statements) {
  const search = (more) => search_patch({ country: [code], ...more });
  const own = (r.facets.country || []).find((v) => v.value === code);
  const name = labels.country(code, own?.label);
  const years = (r.facets.year || []).map((y) => y.value).filter((y) => /^\d{4}$/.test(y)).sort();
  const speakers = (r.facets.speaker || []).length + (r.facets_more?.speaker || 0);
  const span = (y) => (y ? { from: y, to: y } : {});
  const facts = [
    [t('statements'), count_link(actions, search({}), r.total, name)],
    [t('speakers'), format.number(speakers)],
    years.length ? [t('years'), `${format.period(years[0])} – ${format.period(years.at(-1))}`] : null,
  ];
  return [
    page_head(name, h('span', { dir: 'ltr', lang: 'en', class: 'code' }, code), facts),
    part('country-objectives', t('by_objective'), objective_table(x, {
      id: 'country-objectives-caption', caption: t('objective_year_caption_country', { name }),
      search: (o, y) => search({ objective: o ? [o] : [], ...span(y) }) }, actions)),
    part('country-timeline', t('timeline'), timeline(r.facets.year || [], {
      label: t('timeline'), search: (y) => search(span(y)) }, actions)),
    part('country-speakers', t('speakers_most'), ranked(r.facets.speaker || [], {
      name: (v) => v.label || v.value,
      page: (v) => page_patch('speaker', { speaker: [v.value] }),
      search: (v) => search({ speaker: [v.value] }), empty: t('no_speakers') }, actions)),
    part('country-statements', t('statements_latest'), statements(r)),
  ];
}
