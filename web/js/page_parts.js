// Parts the staff desk's pages share: a cross-table of counts whose every number links to its
// search, a timeline of passages per year, ranked lists of linked counts, the list of latest
// statements, and the head of a page.

import { h } from './dom.js';
import { format, t } from './i18n.js';
import { labels } from './labels.js';
import { page_patch } from './page_state.js';

const link = (actions, patch, text, attrs = {}) => h('a', {
  href: actions.href(patch), onclick: (e) => actions.go(patch, e), ...attrs,
}, text);

/** A count linked to the search that finds those passages; an unlinked dash when 0. */
export function count_link(actions, patch, n, label) {
  if (!n) return h('span', { class: 'zero' }, h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'visually-hidden' }, format.number(0)));
  // The table's headers (or the year beside a bar) name a count for a screen reader; `title` tells the rest.
  return link(actions, patch, format.number(n), { title: `${label}: ${t('passages', { count: n })}` });
}

/**
 * The GCM objective × year table of a /api/v1/crosstab answer `x` (rows=objective, cols=year):
 * every objective 1–23 a row, each cell linked to `search(objective, year)`, row totals linked
 * to `search(objective, null)`, column totals to `search(null, year)`. Scrolls sideways in its
 * box on a narrow screen; reads right to left in Arabic.
 */
export function objective_table(x, { id, caption, search }, actions) {
  const years = x.cols.map((c) => c.value).sort();
  const rows = new Map(x.rows.map((r, i) => [r.value, { r, cells: x.cells[i] }]));
  const col_at = new Map(x.cols.map((c, j) => [c.value, j]));
  const head = h('tr', {}, h('th', { scope: 'col' }, t('facet_objective')),
    years.map((y) => h('th', { scope: 'col' }, format.period(y))), h('th', { scope: 'col' }, t('total')));
  const body = [];
  for (let n = 1; n <= 23; ++n) {
    const row = rows.get(String(n));
    const title = labels.objective(n, row?.r.label);
    const name = `${t('objective_n', { n })}: ${title}`;
    body.push(h('tr', { dataset: { objective: n } },
      h('th', { scope: 'row', class: 'objective' }, h('span', { class: 'num' }, format.number(n)), ' ', title),
      years.map((y) => h('td', { dataset: { year: y } }, count_link(actions, search(String(n), y),
        row ? row.cells[col_at.get(y)] : 0, `${name}, ${format.period(y)}`))),
      h('td', { class: 'total' }, count_link(actions, search(String(n), ''), row?.r.count || 0, name))));
  }
  const foot = h('tr', {}, h('th', { scope: 'row' }, t('all_passages')),
    years.map((y) => h('td', {}, count_link(actions, search('', y), x.cols[col_at.get(y)].count,
      `${t('all_passages')}, ${format.period(y)}`))),
    h('td', { class: 'total' }, count_link(actions, search('', ''), x.total, t('all_passages'))));
  return h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': id },
    h('table', { class: 'crosstab' }, h('caption', { id }, caption),
      h('thead', {}, head), h('tbody', {}, body), h('tfoot', {}, foot)));
}

/**
 * Passages per year from a search's `year` facet: every year between the first and the last,
 * each bar linked to `search(year)`.
 */
export function timeline(years, { label, search }, actions) {
  // The year facet also lists "undated" (passages without a date): not a year of the timeline.
  const counts = new Map(years.filter((y) => /^\d{4}$/.test(y.value)).map((y) => [y.value, y.count]));
  const keys = [...counts.keys()].map(Number).sort((a, b) => a - b);
  if (!keys.length) return h('p', { class: 'hint' }, t('no_dated_passages'));
  const max = Math.max(...counts.values());
  const items = [];
  for (let y = keys[0]; y <= keys.at(-1); ++y) {
    const n = counts.get(String(y)) || 0;
    items.push(h('li', {}, h('span', { class: 'year' }, format.period(String(y))),
      h('span', { class: n ? 'bar' : 'bar none', style: `--w: ${n / max}`, 'aria-hidden': 'true' }),
      count_link(actions, search(String(y)), n, format.period(String(y)))));
  }
  return h('ol', { class: 'timeline', 'aria-label': label }, items);
}

/** A ranked list of facet values, each with its name linked to `page(v)` and its count to `search(v)`. */
export function ranked(values, { name, page, search, empty }, actions) {
  if (!values.length) return h('p', { class: 'hint' }, empty);
  return h('ol', { class: 'ranked' }, values.map((v) => h('li', {},
    page ? link(actions, page(v), name(v), { dir: 'auto' }) : h('bdi', {}, name(v)), ' ',
    h('span', { class: 'count' }, count_link(actions, search(v), v.count, name(v))))));
}

/** A page's head: its h1 (with an optional line under it) and its figures as a description list. */
export function page_head(title, sub, facts) {
  return h('header', { class: 'page-head' }, h('h1', { id: 'page-title', tabindex: '-1' }, title),
    sub ? h('p', { class: 'page-sub' }, sub) : null,
    facts.length ? h('dl', { class: 'facts' }, facts.filter(Boolean).map(([k, v]) => h('div', {},
      h('dt', {}, k), h('dd', {}, v)))) : null);
}

/** A titled part of a page. */
export function part(id, title, ...body) {
  return h('section', { class: 'page-part', 'aria-labelledby': id }, h('h2', { id }, title), ...body);
}

/**
 * A small link to the page of a speaker or country (beside a facet value or a country tag);
 * null for other fields.
 */
export function subject_link(field, value, name, actions) {
  if (field !== 'speaker' && field !== 'country') return null;
  const patch = page_patch(field, { [field]: [value] });
  const label = t(`${field}_page_of`, { name });
  return link(actions, patch, '↗', { class: 'subject-link', title: label, 'aria-label': label });
}

/** A speaker's name linked to their page (joint speakers "A | B": each their own link). */
export function speaker_links(speaker, actions) {
  const people = speaker.split(' | ');
  return people.map((name, i) => [i ? ' | ' : null, link(actions, page_patch('speaker', { speaker: [name] }), name,
    { class: 'speaker-link', title: t('speaker_page_of', { name }) })]);
}
