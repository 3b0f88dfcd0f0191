// The facet sidebar: speaker (with a search-within box), country, GCM objective, language and
// UN document symbol lists of checkboxes with counts, the top values first with "show all" and a
// filter box for long lists, a control on each value that leaves it out, and the date histogram
// (histogram.js).

import { api } from './api.js';
import { debounce, h, replace } from './dom.js';
import { matches } from './fold.js';
import { create_histogram } from './histogram.js';
import { format, t } from './i18n.js';
import { labels } from './labels.js';
import { subject_link } from './page_parts.js';
import { NOT } from './state.js';

const FIELDS = ['speaker', 'country', 'objective', 'lang', 'symbol'];
const SHORT_LIST = 8;
/** Facets whose long lists get a filter box matching their labels (speaker has its finder). */
const FILTERED = ['country', 'objective', 'symbol'];

/**
 * Builds the sidebar inside `root`. `actions.toggle(field, value)` adds or removes a filter
 * value, `actions.set_dates(from, to)` sets the date range.
 */
export function create_facets(root, actions) {
  const expanded = new Set();
  const finder = { prefix: '', values: null, controller: null };
  const filter_text = {};
  let last = { state: null, facets: {} };

  const heading = h('h2', { class: 'visually-hidden', id: 'facets-title' });
  const sections = {};
  for (const field of FIELDS) sections[field] = make_section(field);
  const find_input = h('input', {
    type: 'search', class: 'facet-find', dir: 'auto', autocomplete: 'off',
    'aria-controls': 'facet-list-speaker',
  });
  sections.speaker.section.insertBefore(find_input, sections.speaker.list);
  for (const field of FILTERED) {
    const box = h('input', { type: 'search', class: 'facet-find facet-filter', dir: 'auto', autocomplete: 'off',
      'aria-controls': `facet-list-${field}`, dataset: { focusKey: `filter:${field}` } });
    box.addEventListener('input', () => {
      filter_text[field] = box.value.trim();
      draw();
    });
    sections[field].filter = box;
    sections[field].section.insertBefore(box, sections[field].list);
  }
  const histogram = create_histogram(actions.set_dates, actions.set_undated);
  root.replaceChildren(heading, sections.speaker.section, sections.country.section,
    sections.objective.section, sections.lang.section, sections.symbol.section, histogram.element);

  const lookup = debounce(async () => {
    finder.controller?.abort();
    finder.prefix = find_input.value.trim();
    if (!finder.prefix) {
      finder.values = null;
      return draw();
    }
    finder.controller = new AbortController();
    try {
      const r = await api.facets('speaker', finder.prefix, last.state.ui, finder.controller.signal);
      finder.values = r.values || [];
    } catch (e) {
      if (e.kind === 'aborted') return;
      finder.values = [];
    }
    draw();
  }, 200);
  find_input.addEventListener('input', lookup);

  function make_section(field) {
    const title = h('h3', { id: `facet-title-${field}` });
    const list = h('ul', { class: 'facet-list', id: `facet-list-${field}`,
      'aria-labelledby': `facet-title-${field}` });
    const more = h('button', { type: 'button', class: 'link more', 'aria-controls': list.id,
      onclick: () => {
        expanded.has(field) ? expanded.delete(field) : expanded.add(field);
        draw();
      } });
    const section = h('section', { class: 'facet', dataset: { field } }, title, list, more);
    return { section, title, list, more };
  }

  function draw() {
    const { state, facets } = last;
    heading.textContent = t('filters');
    find_input.placeholder = t('find_speaker');
    find_input.setAttribute('aria-label', t('find_speaker'));
    for (const field of FIELDS) draw_field(field, state, facets[field] || []);
    histogram.render(state, facets.month || [], facets.year || []);
  }

  function draw_field(field, state, values) {
    const s = sections[field];
    s.title.textContent = t(`facet_${field}`);
    let shown = values;
    let index_counts = false;
    if (field === 'speaker' && finder.values) {
      const current = new Map(values.map((v) => [v.value, v.count]));
      shown = finder.values.map((v) => ({ ...v, count: current.get(v.value) ?? v.count,
        in_index: !current.has(v.value) }));
      index_counts = true;
    }
    const excluded = state[NOT(field)] || [];
    shown = with_selected(shown, [...state[field], ...excluded]);
    const typed = filter_text[field] || '';
    if (s.filter) draw_filter(field, s.filter, shown.length > SHORT_LIST + 2 || typed);
    if (typed) shown = shown.filter((v) => matches(typed, match_texts(field, v)));
    const cut = !typed && !index_counts && shown.length > SHORT_LIST + 2;
    const visible = cut && !expanded.has(field) ? shown.slice(0, SHORT_LIST) : shown;
    replace(s.list, visible.map((v, i) => item(field, v, i, {
      checked: state[field].includes(v.value), excluded: excluded.includes(v.value) })));
    if (!visible.length) {
      s.list.append(h('li', { class: 'facet-empty' }, t(index_counts ? 'no_match' : typed ? 'no_match_value' : 'facet_none')));
    }
    s.more.hidden = !cut;
    s.more.textContent = expanded.has(field) ? t('show_fewer')
      : t('show_all', { count: shown.length });
    s.more.setAttribute('aria-expanded', String(expanded.has(field)));
  }

  function draw_filter(field, box, wanted) {
    box.hidden = !wanted;
    box.placeholder = t(`filter_${field}`);
    box.setAttribute('aria-label', box.placeholder);
  }

  function item(field, v, i, { checked, excluded }) {
    const id = `facet-${field}-${i}`;
    const input = h('input', {
      type: 'checkbox', id, checked, dataset: { focusKey: `facet:${field}:${v.value}` },
      onchange: () => actions.toggle(field, v.value),
      onkeydown: (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          input.click();
        }
      },
    });
    const count = h('span', { class: v.in_index ? 'count in-index' : 'count',
      title: v.in_index ? t('count_in_index') : null }, format.number(v.count));
    const name = plain_label(field, v);
    const leave_out = h('button', {
      type: 'button', class: 'exclude', 'aria-pressed': String(excluded),
      'aria-label': t(excluded ? 'include_value' : 'exclude_value', { value: name }),
      title: t(excluded ? 'include_value' : 'exclude_value', { value: name }),
      dataset: { focusKey: `exclude:${field}:${v.value}` },
      onclick: () => actions.exclude(field, v.value),
    }, h('span', { 'aria-hidden': 'true' }, '⊘'));
    return h('li', { class: excluded ? 'excluded' : null }, input,
      h('label', { for: id }, value_label(field, v), excluded ? null : count), leave_out,
      subject_link(field, v.value, v.label || v.value, actions));
  }

  return {
    /** Redraws from a search response's `facets` (or the last ones when null). */
    render(state, facets) {
      last = { state, facets: facets ?? last.facets };
      draw();
    },
  };
}

/** Selected values missing from the counts (count 0) stay listed so they can be removed. */
function with_selected(values, selected) {
  const have = new Set(values.map((v) => v.value));
  const extra = selected.filter((s) => !have.has(s)).map((value) => ({ value, count: 0 }));
  return [...extra, ...values];
}

/** The label of a value as text: what its exclude control and the filter box go by. */
function plain_label(field, v) {
  if (field === 'country') return labels.country(v.value, v.label);
  if (field === 'objective') return `${format.number(+v.value)} ${labels.objective(v.value, v.label)}`;
  if (field === 'lang') return labels.language(v.value);
  return v.label || v.value;
}

/** What the filter box matches: the label in the UI language, and the code or number. */
function match_texts(field, v) {
  return [plain_label(field, v), v.value];
}

function value_label(field, v) {
  if (field === 'country') {
    return h('span', { class: 'label', title: v.value }, labels.country(v.value, v.label));
  }
  if (field === 'objective') {
    const title = labels.objective(v.value, v.label);
    return h('span', { class: 'label objective', title: `${t('objective_n', { n: +v.value })}: ${title}` },
      h('span', { class: 'num' }, format.number(+v.value)), ' ', title);
  }
  if (field === 'lang') {
    return h('span', { class: 'label', title: v.value }, labels.language(v.value));
  }
  if (field === 'symbol') return h('bdi', { class: 'label symbol', dir: 'ltr' }, v.value);
  return h('bdi', { class: 'label', dir: 'auto' }, v.label || v.value);
}
