// Display labels of facet values (countries, GCM objectives, languages) in the UI language.
// The server's facet labels come first; the ones seen are remembered so result tags can use them,
// and the browser's Intl names fill in the rest.

import { api } from './api.js';
import { current_ui, format, t } from './i18n.js';

const seen = { country: new Map(), objective: new Map() };
const loaded = new Set();

const key = (value) => `${current_ui()}:${value}`;

export const labels = {
  /** Remembers the labels of a search or /api/facets response (given in the current UI). */
  learn(facets) {
    for (const field of ['country', 'objective']) {
      for (const v of facets?.[field] || []) {
        if (v.label && v.label !== v.value) seen[field].set(key(v.value), v.label);
      }
    }
  },

  /** Fetches every objective's label once per UI language (for the tags of results). */
  async load_objectives() {
    const ui = current_ui();
    if (loaded.has(ui)) return;
    loaded.add(ui);
    try {
      const r = await api.facets('objective', '', ui);
      labels.learn({ objective: r.values });
    } catch {
      loaded.delete(ui);
    }
  },

  country(code, given) {
    return (given && given !== code ? given : seen.country.get(key(code))) || format.region(code);
  },

  objective(n, given) {
    const label = given && given !== String(n) ? given : seen.objective.get(key(String(n)));
    return label ? label.replace(/^\s*\d+\s*[.:)–-]?\s*/, '') : t('objective_n', { n: +n });
  },

  language(code) {
    return format.language(code);
  },
};
