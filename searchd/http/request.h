// Step 1 of a search: checking the URL parameters and turning them into a SearchRequest
// (search/search_request.h).
#pragma once

#include "common/result.h"
#include "search/query_parser.h"
#include "search/search_request.h"

#include <map>
#include <string>

namespace mahdar {

using Params = std::multimap<std::string, std::string>;

/// Validates every parameter of /api/search (see README "API") and parses q. Errors name the
/// parameter and say what is accepted.
Result<SearchRequest> parse_search_request(const Params& params, QueryParser& parser,
                                           const CountryResolver& countries);

/// The words to mark of the `q` parameter of /api/passage and /api/document: q parsed as a
/// search's q (same limits and errors), its highlight kept.
Result<Highlight> parse_marked_query(const Params& params, QueryParser& parser);

/// The `ui` parameter: ar, en or fr (default en).
Result<Lang> parse_ui(const Params& params);

/// First value of a parameter, or "".
std::string param(const Params& params, const std::string& name);

} // namespace mahdar
