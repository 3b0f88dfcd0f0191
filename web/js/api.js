// The JSON API of mahdar-searchd (see the README's API table). Every failure becomes an
// ApiError whose `kind` the page turns into a localised message.

const TIMEOUT_MS = 15000;

export class ApiError extends Error {
  /**
   * kind: 'offline' (no answer: connection lost, server down), 'timeout', 'bad_request' (4xx),
   * 'not_found' (404: unknown passage, or a route this server does not have), 'unavailable'
   * (405/501: the server does not offer this), 'server' (5xx or a body
   * that is not the API's JSON), 'aborted' (superseded by a newer request; never shown).
   */
  constructor(kind, { status = 0, code = '', message = '' } = {}) {
    super(message || kind);
    this.kind = kind;
    this.status = status;
    this.code = code;
  }
}

async function request(path, { signal, method = 'GET', body } = {}) {
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal?.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(() => controller.abort('timeout'), TIMEOUT_MS);
  let response;
  try {
    response = await fetch(path, {
      method,
      signal: controller.signal,
      headers: body ? { 'Content-Type': 'application/json' } : { Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    if (signal?.aborted) throw new ApiError('aborted');
    if (controller.signal.aborted) throw new ApiError('timeout');
    throw new ApiError('offline', { message: String(e && e.message) });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
  return read_json(response, signal);
}

async function read_json(response, signal) {
  let data = null;
  try {
    data = await response.json();
  } catch {
    if (signal?.aborted) throw new ApiError('aborted');
  }
  if (response.ok && data !== null) return data;
  const err = (data && data.error) || {};
  const detail = { status: response.status, code: err.code || '', message: err.message || '' };
  if (response.ok) throw new ApiError('server', detail);
  if (response.status === 404) throw new ApiError('not_found', detail);
  if (response.status === 405 || response.status === 501) throw new ApiError('unavailable', detail);
  if (response.status >= 400 && response.status < 500) throw new ApiError('bad_request', detail);
  throw new ApiError('server', detail);
}

const enc = encodeURIComponent;

export const api = {
  /** GET /api/search with URLSearchParams `params`. */
  search: (params, signal) => request(`/api/search?${params}`, { signal }),
  /** GET /api/passage/{id} → hit fields + prev_id/next_id. */
  passage: (id, signal) => request(`/api/passage/${enc(id)}`, { signal }),
  /**
   * GET /api/document/{doc_id} → document with all its passages in order; with a query `q`,
   * each passage's text_html marks its words.
   */
  document: (doc_id, signal, q = '') =>
    request(`/api/document/${enc(doc_id)}${q ? `?${new URLSearchParams({ q })}` : ''}`, { signal }),
  /** GET /api/document/{doc_id}/parallel?lang= → the document beside its version in `lang`. */
  parallel: (doc_id, lang, signal) =>
    request(`/api/document/${enc(doc_id)}/parallel?${new URLSearchParams({ lang })}`, { signal }),
  /** GET /api/facets: one facet's values over the whole index, optionally by prefix. */
  facets: (field, prefix, ui, signal) =>
    request(`/api/facets?${new URLSearchParams({ field, prefix, ui })}`, { signal }),
  /** GET /api/v1/crosstab with URLSearchParams `params` → {rows, cols, cells, total, …}. */
  crosstab: (params, signal) => request(`/api/v1/crosstab?${params}`, { signal }),
  /** GET /api/v1/speaker/{name} → the speaker's names, affiliations, dates and counts. */
  speaker: (name, ui, signal) => request(`/api/v1/speaker/${enc(name)}?${new URLSearchParams({ ui })}`, { signal }),
  /** POST /api/cite {text, lang?} → {matches, reason}. */
  cite: (text, lang, signal) =>
    request('/api/cite', { method: 'POST', body: lang ? { text, lang } : { text }, signal }),
};
