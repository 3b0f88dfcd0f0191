// The request's filters as Xapian queries, one part per filter (included or excluded values of
// one field, the date range, undated=only), so that a facet can be counted without its own.
#pragma once

#include "format/facet.h"
#include "search/search_request.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace mahdar {

/// One filter of the request, and the facet whose own filter it is (none for doc; year for
/// the date range and undated=only, which are also month's). An excluded value belongs to no facet:
/// every facet is counted without it.
enum class Sign { include, exclude };
struct FilterPart {
    std::optional<Facet> facet;
    Xapian::Query query;
    Sign sign = Sign::include;
};

/// The parts of `r`'s filters: included values first, then excluded ones, then dates.
std::vector<FilterPart> filter_parts(const Xapian::Database& db, const SearchRequest& r);

/// Whether `p` is the own filter of facet `skip` (and so left out when counting it).
bool owned_by(const FilterPart& p, std::optional<Facet> skip);

/// The request's filters as one boolean query, leaving out the filter of facet `skip`;
/// nullopt when no filter remains.
std::optional<Xapian::Query> filter_query(const Xapian::Database& db, const SearchRequest& r,
                                          std::optional<Facet> skip);

/// Whether facet `f` has a filter of its own (an inclusion, or a date range or undated=only for year).
bool has_filter(const SearchRequest& r, Facet f);

/// Which raw values of a lang or year column `part` lets through, by value id; "" (id 0) is a
/// passage without a value.
std::vector<char> passing_values(const FilterPart& part, const SearchRequest& r, const std::vector<std::string>& values);

} // namespace mahdar
