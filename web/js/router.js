// Holds the page state and keeps it in the URL: every change goes through navigate(), which
// writes history (push, or replace while the user is still typing), then calls `on_change`.
// The passage open in the reader is the path, /s/ID (its permalink); everything else is the
// query string. Each history entry also keeps the cite view's text (history.state), so a quote
// too long for the URL still comes back on reload and Back.

import { unpack } from './packed.js';
import { RESETS_PAGE, page_dir, parse_state, passage_of_path, permalink_path, state_query } from './state.js';

/** The state of the current location (the cite text packed in z= not yet read: see with_text). */
function read_location(fallback_ui) {
  const s = parse_state(location.search, fallback_ui);
  const id = passage_of_path(location.pathname);
  if (id) {
    s.view = 'search';
    s.passage = id;
  }
  const kept = history.state?.text;
  if (s.view === 'cite' && typeof kept === 'string' && kept) s.text = kept;
  return s;
}

async function with_text(s) {
  if (s.view === 'cite' && s.z && !s.text) s.text = await unpack(s.z);
  return s;
}

/** `on_change(state, previous)` runs after every change, including back/forward. */
export function create_router(initial_ui, on_change) {
  const home = passage_of_path(location.pathname) ? page_dir(location.pathname) : location.pathname;
  const dir = page_dir(location.pathname);
  let state = read_location(initial_ui);
  let typing_entry = false;
  let pops = 0;

  function next_state(patch) {
    const next = { ...state, ...patch };
    if (RESETS_PAGE.some((k) => k in patch) && !('page' in patch)) next.page = 1;
    if ('view' in patch && patch.view !== state.view && !('passage' in patch)) next.passage = '';
    if ('text' in patch && !('z' in patch)) next.z = '';
    return next;
  }

  const url = (s) => `${s.view === 'search' && s.passage ? permalink_path(dir, s.passage) : home}?${state_query(s)}`;
  const same = (a, b) => url(a) === url(b) && (a.view !== 'cite' || a.text === b.text);
  // `opened`: this entry was pushed by opening the reader, so closing it goes back.
  const entry = (s, opened) => ({ opened: Boolean(opened && s.passage), text: s.view === 'cite' ? s.text : '' });

  window.addEventListener('popstate', async () => {
    const seq = ++pops;
    const next = await with_text(read_location(state.ui));
    if (seq !== pops) return;
    const previous = state;
    state = next;
    typing_entry = false;
    on_change(state, previous, { from_history: true });
  });

  const router = {
    get state() {
      return state;
    },

    /** Canonical URL of the current state (written on load, without a history entry). */
    async start() {
      state = await with_text(state);
      history.replaceState(entry(state, history.state?.opened), '', url(state));
      on_change(state, null, { from_history: true });
    },

    /**
     * Applies `patch`. `replace`: no new history entry. `typing`: successive typing changes
     * share one entry, so Back returns to the query before the user started typing.
     */
    navigate(patch, { replace = false, typing = false } = {}) {
      const next = next_state(patch);
      if (same(next, state)) return;
      const previous = state;
      state = next;
      if (replace || (typing && typing_entry)) {
        history.replaceState(entry(state, history.state?.opened), '', url(state));
      } else {
        history.pushState(entry(state, state.passage && !previous.passage), '', url(state));
      }
      typing_entry = typing;
      on_change(state, previous, { from_history: false });
    },

    /**
     * Closes the reader without a new history entry: back to the entry it was opened from when
     * it was opened here, else (a permalink followed from elsewhere) the same entry without it.
     */
    close_passage() {
      if (!state.passage) return;
      if (history.state?.opened) history.back();
      else router.navigate({ passage: '' }, { replace: true });
    },

    /** The full permalink of passage `id`, with the query `q` whose words it marks. */
    permalink(id, q = '') {
      const query = q ? `?${new URLSearchParams({ q })}` : '';
      return `${location.origin}${permalink_path(dir, id)}${query}`;
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
