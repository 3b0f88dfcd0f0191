// The HTTP surface of citation lookup: GET and POST /api/cite.
#pragma once

#include "cite/citation_format.h"
#include "cite/cite.h"
#include "http/routes.h"

#include <nlohmann/json.hpp>
#include <string>

namespace httplib {
class Server;
}

namespace mahdar {

/// The answer of /api/cite: {"matches": [...], "reason": null | "…"}. Each match has the hit
/// fields of /api/search (snippet_html marks the matched stretch; score is the alignment
/// score) plus verbatim, span and span_chars, coverage, diff and citation (README "API").
nlohmann::json to_json(const CiteResult& r, const CitationFormatter& formatter);

/// Registers GET /api/cite?text=…[&lang=…] and POST /api/cite {"text": "…", "lang": "…"}.
/// Must be called before the catch-all routes of register_routes(): cpp-httplib tries
/// handlers in the order they were registered. Builds the CitationFormatter (ICU) once.
void register_cite_routes(httplib::Server& server, Services& services, const std::string& api);

} // namespace mahdar
