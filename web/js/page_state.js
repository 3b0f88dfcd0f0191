// The staff desk's views in the page state: a speaker's page (?view=speaker&speaker=NAME), a
// country's page (?view=country&country=MA) and the countries index (?view=countries). A page
// names its subject with the search filter of the same name, so its links to searches only add
// filters; `page` pages its list of statements and `order` sorts the countries index.

export const PAGE_VIEWS = ['speaker', 'country', 'countries'];
export const ORDERS = ['count', 'name'];

const CLEARED = {
  q: '', speaker: [], country: [], objective: [], lang: [], symbol: [], doc: [], from: '', to: '',
  not_speaker: [], not_country: [], not_objective: [], not_lang: [], not_symbol: [], undated: false,
  sort: 'relevance', page: 1, passage: '', collapse: false, langs: '',
};

/** The state patch that opens a page: `view` with only its subject set. */
export function page_patch(view, subject = {}) {
  return { ...CLEARED, view, ...subject };
}

/** The patch that opens the search with only `filters` set (from a page's counts). */
export function search_patch(filters) {
  return { ...CLEARED, view: 'search', ...filters };
}

/** Reads a page view's own fields from URLSearchParams `p` into state `s`. */
export function parse_page(p, s) {
  if (!PAGE_VIEWS.includes(p.get('view'))) return;
  s.view = p.get('view');
  s.order = ORDERS.includes(p.get('order')) ? p.get('order') : 'count';
}

/** Writes a page view's fields to URLSearchParams `p`; false when `s` is not a page view. */
export function page_query(p, s) {
  if (!PAGE_VIEWS.includes(s.view)) return false;
  p.set('view', s.view);
  if (s.view === 'speaker' && s.speaker[0]) p.set('speaker', s.speaker[0]);
  if (s.view === 'country' && s.country[0]) p.set('country', s.country[0]);
  if (s.view === 'countries' && s.order === 'name') p.set('order', 'name');
  if (s.view !== 'countries' && s.page > 1) p.set('page', String(s.page));
  if (s.passage) p.set('passage', s.passage);
  return true;
}
