// Step 1 of a search: checking the URL parameters and turning them into a SearchRequest.
#pragma once

#include "query_parser.h"
#include "result.h"

#include <map>
#include <string>

namespace mahdar {

using Params = std::multimap<std::string, std::string>;

enum class Sort { relevance, date_ascending, date_descending };
enum class Collapse { none, doc };

inline constexpr std::size_t max_query_bytes = 1024;
inline constexpr int max_page_size = 100;

struct SearchRequest {
    std::string q;
    ParsedQuery parsed;
    FieldFilters filters;     ///< URL parameters and q's field:value filters together
    std::string from, to;     ///< inclusive bounds as YYYYMMDD, or empty
    Sort sort = Sort::relevance;
    int page = 1, size = 10;
    Collapse collapse = Collapse::none;
    Lang ui = Lang::en;
};

/// Validates every parameter of /api/search (see README "API") and parses q. Errors name the
/// parameter and say what is accepted.
Result<SearchRequest> parse_search_request(const Params& params, QueryParser& parser,
                                           const CountryResolver& countries);

/// "2021" / "2021-03" / "2021-03-15" → "20210101"/"20210301"/"20210315" (or the last day of
/// the period when `end` is true); nullopt when malformed.
std::optional<std::string> parse_date_bound(const std::string& text, bool end);

/// The `ui` parameter: ar, en or fr (default en).
Result<Lang> parse_ui(const Params& params);

/// First value of a parameter, or "".
std::string param(const Params& params, const std::string& name);

} // namespace mahdar
