// The date facet: a histogram of passages per month (per year when the span is long) where a
// click picks one period, Shift+click or a drag picks a range, plus from/to inputs and the
// passages without a date ("Undated (N)"). Year labels are thinned to the room they have.

import { h, replace } from './dom.js';
import { format, t } from './i18n.js';
import { is_date } from './state.js';

const MAX_MONTH_BARS = 60;

export function create_histogram(set_dates, set_undated) {
  const title = h('h3', { id: 'facet-title-date' });
  const bars = h('div', { class: 'histogram', role: 'group', 'aria-labelledby': 'facet-title-date',
    'aria-describedby': 'histogram-hint' });
  const axis = h('div', { class: 'axis', 'aria-hidden': 'true' });
  const hint = h('p', { class: 'hint', id: 'histogram-hint' });
  const from = date_input('date-from');
  const to = date_input('date-to');
  const from_label = h('label', { for: 'date-from' });
  const to_label = h('label', { for: 'date-to' });
  const error = h('p', { class: 'field-error', id: 'date-error', role: 'alert', hidden: true });
  const apply = h('button', { type: 'submit', class: 'secondary' });
  const form = h('form', { class: 'date-inputs', novalidate: true },
    h('div', {}, from_label, from), h('div', {}, to_label, to), apply);
  const undated = h('button', { type: 'button', class: 'link undated', hidden: true,
    dataset: { focusKey: 'undated' }, onclick: () => set_undated(!state.undated) });
  const element = h('section', { class: 'facet facet-date', dataset: { field: 'date' } },
    title, bars, axis, hint, form, error, undated);
  // Labels are measured once laid out: the panel may be hidden (mobile) when drawn.
  new ResizeObserver(() => thin_ticks(axis)).observe(axis);

  let state = null;
  let drag = null;
  let suppress_click = false;

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const [a, b] = [from.value.trim(), to.value.trim()];
    const bad = [a, b].some((v) => v && !is_date(v));
    const reversed = a && b && !bad && a.localeCompare(b) > 0;
    error.hidden = !(bad || reversed);
    error.textContent = bad ? t('date_invalid') : reversed ? t('date_order') : '';
    from.setAttribute('aria-invalid', String(Boolean(a && !is_date(a))));
    to.setAttribute('aria-invalid', String(Boolean(b && !is_date(b))));
    if (!bad && !reversed) set_dates(a, b);
  });

  bars.addEventListener('keydown', (e) => {
    const bar = e.target.closest('.bar');
    if (!bar) return;
    if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      return on_click({ shiftKey: true }, bar.dataset.period);
    }
    const list = [...bars.children];
    const rtl = getComputedStyle(bars).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    let next = null;
    if (step) next = list[list.indexOf(bar) + step];
    else if (e.key === 'Home') next = list[0];
    else if (e.key === 'End') next = list.at(-1);
    if (!next) return;
    e.preventDefault();
    bar.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  });
  bars.addEventListener('pointerdown', (e) => {
    const bar = e.target.closest('.bar');
    if (!bar || e.button !== 0) return;
    drag = { start: bar.dataset.period, current: bar.dataset.period };
  });
  bars.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const bar = document.elementFromPoint(e.clientX, e.clientY)?.closest('.bar');
    if (bar && bar.dataset.period !== drag.current) {
      drag.current = bar.dataset.period;
      preview(drag.start, drag.current);
    }
  });
  const end_drag = () => {
    if (drag && drag.current !== drag.start) {
      suppress_click = true;
      pick_range(drag.start, drag.current);
    }
    drag = null;
    preview(null, null);
  };
  bars.addEventListener('pointerup', end_drag);
  bars.addEventListener('pointerleave', () => drag && end_drag());

  function on_click(e, period) {
    if (suppress_click) {
      suppress_click = false;
      return;
    }
    if (e.shiftKey && (state.from || state.to)) {
      pick_range(state.from || state.to, period);
    } else if (state.from === period && state.to === period) {
      set_dates('', '');
    } else {
      set_dates(period, period);
    }
  }

  function pick_range(a, b) {
    const [lo, hi] = [a, b].sort();
    set_dates(lo, hi);
  }

  function preview(a, b) {
    const [lo, hi] = a ? [a, b].sort() : [null, null];
    for (const bar of bars.children) {
      const p = bar.dataset.period;
      bar.classList.toggle('preview', Boolean(lo) && p >= lo && p <= hi);
    }
  }

  function render(next, months, years) {
    state = next;
    title.textContent = t('facet_date');
    hint.textContent = t('histogram_hint');
    from_label.textContent = t('date_from');
    to_label.textContent = t('date_to');
    apply.textContent = t('apply');
    for (const input of [from, to]) input.placeholder = t('date_placeholder');
    if (document.activeElement !== from) from.value = state.from;
    if (document.activeElement !== to) to.value = state.to;
    const periods = build_periods(months, years);
    const max = Math.max(1, ...periods.map((p) => p.count));
    const [lo, hi] = selected_bounds(state);
    const focused = document.activeElement?.closest?.('.histogram .bar')?.dataset.period;
    replace(bars, periods.map((p) => bar(p, max, lo, hi)));
    // One tab stop for the whole histogram (arrow keys move between bars).
    const stop = [...bars.children].find((b) => b.dataset.period === focused)
      ?? bars.querySelector('[aria-pressed="true"]') ?? bars.lastElementChild;
    stop?.setAttribute('tabindex', '0');
    replace(axis, periods.map((p) => h('span', {}, p.tick ? h('span', { class: 'tick' }, format.period(p.tick)) : '')));
    bars.hidden = axis.hidden = hint.hidden = periods.length === 0;
    thin_ticks(axis);
    const none = years.find((y) => y.value === 'undated');
    undated.hidden = !none && !state.undated;
    undated.textContent = t('undated_count', { count: none?.count ?? 0, n: format.number(none?.count ?? 0) });
    undated.setAttribute('aria-pressed', String(state.undated));
  }

  function bar(p, max, lo, hi) {
    const [start, end] = month_bounds(p.value);
    const selected = Boolean(state.from || state.to) && start >= lo && end <= hi;
    const label = `${format.period(p.value)}: ${t('passages', { count: p.count })}`;
    return h('button', {
      type: 'button', class: p.count ? 'bar' : 'bar empty', 'aria-pressed': String(selected),
      tabindex: '-1',
      'aria-label': label, title: label, style: `--h: ${p.count / max}`,
      dataset: { period: p.value, focusKey: `bar:${p.value}` },
      onclick: (e) => on_click(e, p.value),
    }, h('span', { class: 'fill' }));
  }

  return { element, render };
}

/**
 * Hides the year labels that would touch the one before or stick out of the axis (cut off at
 * the panel's edge): one label in each stretch of room.
 */
function thin_ticks(axis) {
  const GAP = 4;
  const edge = axis.getBoundingClientRect();
  let last = null;
  for (const tick of axis.querySelectorAll('.tick')) {
    tick.style.visibility = '';
    const box = tick.getBoundingClientRect();
    if (!box.width) return; // not laid out (hidden): the ResizeObserver calls again
    const inside = box.left >= edge.left - 1 && box.right <= edge.right + 1;
    const clear = inside && (!last || box.left >= last.right + GAP || box.right <= last.left - GAP);
    if (clear) last = box;
    else tick.style.visibility = 'hidden';
  }
}

function date_input(id) {
  return h('input', { id, type: 'text', inputmode: 'numeric', autocomplete: 'off', dir: 'ltr',
    maxlength: 10, 'aria-describedby': 'date-error', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' });
}

/** Continuous months between the first and last month with passages, or years if too many. */
function build_periods(months, years) {
  const counts = new Map(months.map((m) => [m.value, m.count]));
  const keys = [...counts.keys()].filter((k) => /^\d{4}-\d{2}$/.test(k)).sort();
  if (keys.length && month_index(keys.at(-1)) - month_index(keys[0]) < MAX_MONTH_BARS) {
    const out = [];
    for (let i = month_index(keys[0]); i <= month_index(keys.at(-1)); ++i) {
      const value = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      // A year under its January, and under the first bar when the year has room there.
      const tick = value.endsWith('-01') || (out.length === 0 && +value.slice(5) <= 6);
      out.push({ value, count: counts.get(value) || 0, tick: tick ? value.slice(0, 4) : '' });
    }
    return out;
  }
  const ycounts = new Map(years.map((y) => [y.value, y.count]));
  const ykeys = [...ycounts.keys()].filter((k) => /^\d{4}$/.test(k)).sort();
  if (!ykeys.length) return [];
  const out = [];
  for (let y = +ykeys[0]; y <= +ykeys.at(-1); ++y) {
    out.push({ value: String(y), count: ycounts.get(String(y)) || 0, tick: String(y) });
  }
  return out;
}

function month_index(ym) {
  return +ym.slice(0, 4) * 12 + (+ym.slice(5, 7) - 1);
}

/** First and last month ('YYYY-MM') covered by a date of any precision. */
function month_bounds(d) {
  if (d.length === 4) return [`${d}-01`, `${d}-12`];
  return [d.slice(0, 7), d.slice(0, 7)];
}

function selected_bounds(s) {
  return [s.from ? month_bounds(s.from)[0] : '0000-00', s.to ? month_bounds(s.to)[1] : '9999-99'];
}
