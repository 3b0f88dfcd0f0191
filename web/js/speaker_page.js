// A speaker's page (?view=speaker&speaker=NAME): the name in both scripts, affiliations,
// figures, statements per year, per GCM objective and year, the countries mentioned most, and
// the statements newest first — every count linked to the search that finds those passages.

import { api } from './api.js';
import { h } from './dom.js';
import { format, t } from './i18n.js';
import { labels } from './labels.js';
import { count_link, objective_table, page_head, part, ranked, timeline } from './page_parts.js';
import { page_patch, search_patch } from './page_state.js';
import { PAGE_SIZE } from './state.js';

const TOP = 10;

/** The data of the speaker page of `state`. */
export async function load_speaker(state, signal) {
  const name = state.speaker[0] || '';
  const base = { speaker: name, ui: state.ui };
  const [profile, r, x] = await Promise.all([
    api.speaker(name, state.ui, signal),
    api.search(new URLSearchParams({ ...base, sort: '-date', page: state.page, size: PAGE_SIZE,
      facet_limit: TOP }), signal),
    api.crosstab(new URLSearchParams({ ...base, rows: 'objective', cols: 'year' }), signal),
  ]);
  labels.learn(r.facets);
  labels.learn({ objective: x.rows }); // all 23 objectives' titles (for the table and the tags)
  return { name, profile, r, x };
}

/** The page's parts, and its list of statements (`statements`: a function drawing them). */
export function draw_speaker({ profile, r, x }, actions, statements) {
  const who = { speaker: [profile.name] }; // the facet value, whichever spelling the page was opened with
  const search = (more) => search_patch({ ...who, ...more });
  const other = profile.arabic && profile.arabic !== profile.label ? profile.arabic
    : profile.arabic ? profile.name : null;
  const facts = [
    [t('statements'), count_link(actions, search({}), profile.passages, profile.label)],
    [t('documents'), format.number(profile.documents)],
    profile.first_date ? [t('first_statement'), h('time', { datetime: profile.first_date }, format.date(profile.first_date))] : null,
    profile.last_date ? [t('last_statement'), h('time', { datetime: profile.last_date }, format.date(profile.last_date))] : null,
  ];
  const affiliations = profile.affiliations.map((a) => h('li', {}, h('bdi', { dir: 'auto' }, a.value),
    ' ', h('span', { class: 'count' }, format.number(a.count))));
  const years = (y) => (y ? { from: y, to: y } : {});
  return [
    page_head(h('bdi', { dir: 'auto' }, profile.label), other ? h('bdi', { dir: 'auto', class: 'other-script' }, other) : null, facts),
    affiliations.length ? part('speaker-affiliations', t('affiliations'), h('ul', { class: 'affiliations' }, affiliations)) : null,
    part('speaker-timeline', t('timeline'), timeline(r.facets.year || [], {
      label: t('timeline'), search: (y) => search(years(y)) }, actions)),
    part('speaker-objectives', t('by_objective'), objective_table(x, {
      id: 'speaker-objectives-caption', caption: t('objective_year_caption_speaker', { name: profile.label }),
      search: (o, y) => search({ objective: o ? [o] : [], ...years(y) }) }, actions)),
    part('speaker-countries', t('countries_mentioned'), ranked(r.facets.country || [], {
      name: (v) => labels.country(v.value, v.label),
      page: (v) => page_patch('country', { country: [v.value] }),
      search: (v) => search({ country: [v.value] }), empty: t('no_countries') }, actions)),
    part('speaker-statements', t('statements_newest'), statements(r)),
  ];
}
