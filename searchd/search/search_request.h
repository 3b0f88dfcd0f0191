// What a search asks for, once its parameters are checked (http/request.h makes it): the
// input of Searcher's search(), independent of HTTP.
#pragma once

#include "common/lang.h"
#include "search/query_parser.h"

#include <cstddef>
#include <string>

namespace mahdar {

/// indexed_descending: the passages the indexer wrote last first, those of an index from before
/// schema.h's slot_indexed last, newest meeting first (the Atom feed's order).
enum class Sort { relevance, date_ascending, date_descending, indexed_descending };
/// versions: the aligned language versions of one paragraph are one hit (version_groups.h);
/// the default under `langs=all`.
enum class Collapse { none, doc, versions };
/// `undated=only`: only the passages without a date (the year facet's "undated" value).
enum class Undated { any, only };

inline constexpr std::size_t max_query_bytes = 1024;
inline constexpr int max_page_size = 100;
inline constexpr int default_facet_limit = 20;
inline constexpr int max_facet_limit = 1000;

struct SearchRequest {
    std::string q;
    ParsedQuery parsed;
    FieldFilters filters;     ///< URL parameters and q's field:value filters together
    FieldFilters excluded;    ///< not_* parameters and q's negated filters: passages left out
    Undated undated = Undated::any;
    std::string from, to;     ///< inclusive bounds as YYYYMMDD, or empty
    Sort sort = Sort::relevance;
    int page = 1, size = 10;
    Collapse collapse = Collapse::none;
    LastWord last_word = LastWord::complete; ///< `partial=1`: q's last word is being typed
    CrossLanguage across = CrossLanguage::off; ///< `langs=all`: words find their translations too
    Lang ui = Lang::en;
    /// Values listed per facet of many values (speaker, country, objective, symbol; lang, year
    /// and month are listed whole), the most frequent first; the count of the others is given.
    int facet_limit = default_facet_limit;
    std::string facet_prefix; ///< only values with a word of value or label starting so
};

} // namespace mahdar
