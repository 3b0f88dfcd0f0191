// Step 3 of a search: results as the JSON of the API (README "API").
#pragma once

#include "common/result.h"
#include "search/searcher.h"

#include <nlohmann/json.hpp>

namespace mahdar {

/// A passage as the API shows it (README "API"), written field by field from `p` and never
/// from the stored record, so a change to storage is no change to the API: id, doc_id,
/// doc_title, para, ordinal, section, speaker, affiliation, countries, objectives, date, lang,
/// text; para, speaker, affiliation and date are null when empty. Not line nor role.
nlohmann::json hit_json(const Passage& p);

/// The answer of /api/search: each hit is hit_json() with snippet_html, score and also_in (the
/// language codes of its document's other versions); when there are any, translated and versions.
nlohmann::json to_json(const SearchResult& r);

/// The answer of /api/passage/{id}: hit_json() with prev_id and next_id (null at the ends)
/// and aligned: [{lang, doc_id, passage_id, passage_ids, score}], the passage in the
/// document's other language versions (README "Language versions").
nlohmann::json to_json(const PassageView& v);

/// The answer of /api/document/{id}: doc_id, title, date (null when empty), lang, symbol,
/// type, organisers and its passages as hit_json(), from the record's fields; not its source;
/// versions: versions_json() of its other language versions.
nlohmann::json to_json(const DocumentView& v);

/// A document's record as the API gives it: doc_id, title, date (null when empty), lang,
/// symbol, type, organisers, format, pages (null when not paged), passages (the count) and
/// original_url (null when it has no file of its own).
nlohmann::json document_json(const DocumentRecord& d);

/// A document's other language versions: [{lang, doc_id, how, score}], by language code.
nlohmann::json versions_json(const std::vector<VersionLink>& versions);

/// The path at which searchd serves a document's original file: "/api/original/<doc_id>"
/// (the id percent-encoded), or "" for a document with no file of its own (JSON Lines).
std::string original_url(const DocumentRecord& record);

/// `s` percent-encoded for a URL path segment or an RFC 5987 file name (unreserved bytes kept).
std::string url_encode(std::string_view s);

nlohmann::json to_json(const HealthView& h);
nlohmann::json to_json(Facet f, const std::vector<FacetValue>& values);
nlohmann::json to_json(const Error& e);

} // namespace mahdar
