// Facet counting over a whole match set, for single- and multi-valued fields.
#pragma once

#include "labels.h"

#include <xapian.h>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace mahdar {

enum class Facet { speaker, country, objective, lang, year, month };
inline constexpr Facet all_facets[] = {Facet::speaker, Facet::country, Facet::objective,
                                       Facet::lang,    Facet::year,    Facet::month};

/// "speaker", "country", …
const char* facet_name(Facet f);
std::optional<Facet> parse_facet(std::string_view name);

struct FacetValue {
    std::string value, label;
    std::size_t count = 0;
};

/// Counts the values of chosen facets over every document the match visits (run the match
/// with check_at_least = the database size so counts are exact). Multi-valued fields count
/// once per passage. Reads the value slots of schema.h. One spy per match; not thread-safe.
class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(std::vector<Facet> facets) : facets_(std::move(facets)) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    /// The counts of `f`, labelled in `ui`, ordered as a facet list shows them: by count for
    /// speaker, country, objective and lang; chronologically for year and month.
    std::vector<FacetValue> values(Facet f, const Labels& labels, Lang ui) const;
    const std::vector<Facet>& facets() const { return facets_; }

private:
    std::vector<Facet> facets_;
    std::array<std::unordered_map<std::string, std::size_t>, 6> counts_;
};

} // namespace mahdar
