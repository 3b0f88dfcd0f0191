// The facet sidebar: speaker (with a search-within box), country, GCM objective, language and
// UN document symbol lists of checkboxes with counts, and the date histogram (histogram.js).

import { api } from './api.js';
import { debounce, h, replace } from './dom.js';
import { create_histogram } from './histogram.js';
import { format, t } from './i18n.js';
import { labels } from './labels.js';
import { subject_link } from './page_parts.js';

const FIELDS = ['speaker', 'country', 'objective', 'lang', 'symbol'];
const SHORT_LIST = 8;

/**
 * Builds the sidebar inside `root`. `actions.toggle(field, value)` adds or removes a filter
 * value, `actions.set_dates(from, to)` sets the date range.
 */
export function create_facets(root, actions) {
  const expanded = new Set();
  const finder = { prefix: '', values: null, controller: null };
  let last = { state: null, facets: {} };

  const heading = h('h2', { class: 'visually-hidden', id: 'facets-title' });
  const sections = {};
  for (const field of FIELDS) sections[field] = make_section(field);
  const find_input = h('input', {
    type: 'search', class: 'facet-find', dir: 'auto', autocomplete: 'off',
    'aria-controls': 'facet-list-speaker',
  });
  sections.speaker.section.insertBefore(find_input, sections.speaker.list);
  const histogram = create_histogram(actions.set_dates);
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
    shown = with_selected(shown, state[field]);
    const long = shown.length > SHORT_LIST + 2 && !expanded.has(field) && !index_counts;
    const visible = long ? shown.slice(0, SHORT_LIST) : shown;
    replace(s.list, visible.map((v, i) => item(field, v, i, state[field].includes(v.value))));
    if (!visible.length) {
      s.list.append(h('li', { class: 'facet-empty' }, t(index_counts ? 'no_match' : 'facet_none')));
    }
    s.more.hidden = !(shown.length > SHORT_LIST + 2) || index_counts;
    s.more.textContent = expanded.has(field) ? t('show_fewer')
      : t('show_all', { count: shown.length });
    s.more.setAttribute('aria-expanded', String(expanded.has(field)));
  }

  function item(field, v, i, checked) {
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
    return h('li', {}, input, h('label', { for: id }, value_label(field, v), count),
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
