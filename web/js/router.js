// Holds the page state and keeps it in the URL: every change goes through navigate(), which
// writes history (push, or replace while the user is still typing), then calls `on_change`.

import { RESETS_PAGE, parse_state, state_query } from './state.js';

/** `on_change(state, previous)` runs after every change, including back/forward. */
export function create_router(initial_ui, on_change) {
  let state = parse_state(location.search, initial_ui);
  let typing_entry = false;

  function next_state(patch) {
    const next = { ...state, ...patch };
    if (RESETS_PAGE.some((k) => k in patch) && !('page' in patch)) next.page = 1;
    if ('view' in patch && patch.view !== state.view && !('passage' in patch)) next.passage = '';
    return next;
  }

  const url = (s) => `${location.pathname}?${state_query(s)}`;

  window.addEventListener('popstate', () => {
    const previous = state;
    state = parse_state(location.search, state.ui);
    typing_entry = false;
    on_change(state, previous, { from_history: true });
  });

  const router = {
    get state() {
      return state;
    },

    /** Canonical URL of the current state (written on load, without a history entry). */
    start() {
      history.replaceState(null, '', url(state));
      on_change(state, null, { from_history: true });
    },

    /**
     * Applies `patch`. `replace`: no new history entry. `typing`: successive typing changes
     * share one entry, so Back returns to the query before the user started typing.
     */
    navigate(patch, { replace = false, typing = false } = {}) {
      const next = next_state(patch);
      if (state_query(next) === state_query(state)) return;
      const previous = state;
      state = next;
      if (replace || (typing && typing_entry)) history.replaceState(null, '', url(state));
      else history.pushState(null, '', url(state));
      typing_entry = typing;
      on_change(state, previous, { from_history: false });
    },

    /** The URL that navigate(patch) would produce (for real links). */
    href(patch) {
      return url(next_state(patch));
    },

    /**
     * Click handler for links built with href(): plain clicks navigate in place; clicks with a
     * modifier (new tab, new window) are left to the browser.
     */
    go(patch, event, options = {}) {
      if (event) {
        if (event.button > 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
      }
      router.navigate(patch, options);
    },
  };
  return router;
}
