// The staff desk's views (page_state.js): loads a speaker's page, a country's page or the
// countries index, and draws it in `root`. The passage reader opens over a page as over the
// search (?passage=), without reloading it.

import { ApiError } from './api.js';
import { draw_countries, load_countries } from './countries_page.js';
import { draw_country, load_country } from './country_page.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { card, render_pager } from './results.js';
import { draw_speaker, load_speaker } from './speaker_page.js';
import { search_patch } from './page_state.js';

const VIEWS = {
  speaker: { load: load_speaker, draw: (d, s, a, list) => draw_speaker(d, a, list), subject: (s) => s.speaker[0] },
  country: { load: load_country, draw: (d, s, a, list) => draw_country(d, a, list), subject: (s) => s.country[0] },
  countries: { load: load_countries, draw: (d, s, a) => draw_countries(d, s, a), subject: () => 'all' },
};

/** `actions`: href(patch), go(patch, event, options), copy(hit, button) — as for the results. */
export function create_pages(root, actions) {
  let shown = { key: null, data: null, state: null };
  let seq = 0;
  let controller = null;

  // The tags of a statement on a page open the search with the page's subject and that value.
  const card_actions = (state) => ({
    ...actions,
    toggle: (field, value) => actions.go(search_patch({
      speaker: state.view === 'speaker' ? state.speaker : [], country: state.view === 'country' ? state.country : [],
      [field]: [...new Set([...(field === state.view ? state[field] : []), value])],
    })),
  });

  function statements(state) {
    return (r) => {
      if (!r.hits?.length) return h('p', { class: 'hint' }, t('no_statements'));
      const pager = h('nav', { class: 'pager', 'aria-label': t('pages') });
      render_pager(pager, state, r.total, actions);
      return [h('ol', { class: 'hits' }, r.hits.map((hit) => card(hit, state, card_actions(state)))), pager];
    };
  }

  function draw(state) {
    const view = VIEWS[state.view];
    replace(root, view.draw(shown.data, state, actions, statements(state)));
  }

  async function load(state, key, focus) {
    const mine = ++seq;
    controller?.abort();
    controller = new AbortController();
    root.setAttribute('aria-busy', 'true');
    if (shown.key?.split('|')[0] !== key.split('|')[0]) replace(root, h('p', { class: 'loading' }, t('loading')));
    try {
      if (!VIEWS[state.view].subject(state)) throw new ApiError('not_found'); // ?view=speaker alone
      const data = await VIEWS[state.view].load(state, controller.signal);
      if (mine !== seq) return;
      shown = { key, data, state };
      draw(state);
      if (focus) root.querySelector('#page-title')?.focus();
    } catch (e) {
      if (e.kind === 'aborted' || mine !== seq) return;
      shown = { key: null, data: null, state: null };
      // A country code the server does not know is a 400 of its country filter.
      const unknown = e.kind === 'not_found' || (state.view === 'country' && e.kind === 'bad_request');
      const msg = unknown ? t(`${state.view}_not_found`) : t(`error_${e.kind}`);
      replace(root, h('h1', { id: 'page-title', tabindex: '-1' }, t(`${state.view}_title`)),
        h('div', { class: 'message error', role: 'alert' }, h('p', { class: 'message-title' }, msg),
          h('button', { type: 'button', class: 'secondary', onclick: () => load(state, key, true) }, t('retry'))));
    } finally {
      if (mine === seq) root.removeAttribute('aria-busy');
    }
  }

  return {
    /** Shows the page of `state` (loading it unless it is the one shown). */
    render(state, { ui_changed = false, entered = false } = {}) {
      const view = VIEWS[state.view];
      const key = `${state.view}:${view.subject(state)}:${state.ui}|${state.page}:${state.order}`;
      if (key === shown.key && !ui_changed) return;
      const same_page = shown.key && shown.key.split('|')[0] === key.split('|')[0];
      if (same_page && state.view === 'countries') { // only the order changed: no need to ask again
        shown.key = key;
        return draw(state);
      }
      load(state, key, entered || !same_page);
    },
  };
}
