// The facets a search counts, the value slot each is read from, and how a slot's raw value
// splits into facet values ("MAIQ" → MA, IQ; "20230415" → year 2023, month 2023-04).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

enum class Facet { speaker, country, objective, lang, year, month, symbol };
inline constexpr Facet all_facets[] = {Facet::speaker, Facet::country, Facet::objective, Facet::lang,
                                       Facet::year,    Facet::month,   Facet::symbol};

/// "speaker", "country", …
const char* facet_name(Facet f);
std::optional<Facet> parse_facet(std::string_view name);

/// The value slot (schema.h) that holds the facet.
Xapian::valueno slot_of(Facet f);

/// The facet values in one raw slot value; none for "".
std::vector<std::string> split_value(Facet f, const std::string& raw);

} // namespace mahdar
