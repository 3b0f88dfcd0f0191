// Facet counting over a whole match set, for single- and multi-valued fields.
#pragma once

#include "facets/facet_columns.h"
#include "facets/labels.h"
#include "facets/match_bits.h"

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mahdar {

/// The year facet's value for the passages without a date (selected by `undated=only`).
inline constexpr std::string_view undated_value = "undated";

struct FacetValue {
    std::string value, label;
    std::size_t count = 0;
};

/// The label of facet value `value` in `ui`: a country's or objective's name, a language's, a
/// month's ("April 2023"), a speaker's Arabic spelling in Arabic when `columns` know it; else
/// the value itself.
std::string facet_label(Facet f, const std::string& value, const Labels& labels, Lang ui,
                        const FacetColumns* columns);

/// Orders values as a facet list shows them: by count for speaker, country, objective, lang
/// and symbol; chronologically for year and month.
void sort_facet_values(Facet f, std::vector<FacetValue>& values);

/// Counts the values of chosen facets over every document a match visits (run the match with
/// check_at_least = the database size so counts are exact). Multi-valued fields count once per
/// passage. Counts go per raw slot value — in FacetColumns when the caller has them for the
/// database's revision, else through Xapian's ValueCountMatchSpy (which also works through
/// xapian-tcpsrv) — and are split into facet values by values(). One counter per match.
class FacetCounter {
public:
    FacetCounter(std::vector<Facet> facets, std::shared_ptr<const FacetColumns> columns);
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    /// Adds the counting spies to `e`; call before get_mset().
    void attach(Xapian::Enquire& e);
    /// The counts of `f`, labelled in `ui`, ordered as a facet list shows them: by count for
    /// speaker, country, objective and lang; chronologically for year and month.
    std::vector<FacetValue> values(Facet f, const Labels& labels, Lang ui) const;

    /// Counts every passage of the revision the columns hold, without a match; only with
    /// columns, and instead of attach().
    void count_all();
    /// Counts the passages in `bits`; only with columns, and instead of attach().
    void count(const DocBits& bits);

private:
    class ColumnSpy;
    /// (facet value, passages) of `f`, unordered
    std::vector<std::pair<std::string, std::size_t>> counts(Facet f) const;

    std::vector<Facet> facets_;
    std::shared_ptr<const FacetColumns> columns_;
    std::vector<std::size_t> slots_;                 ///< indexes into facet_slots
    std::array<std::vector<std::size_t>, facet_slots.size()> column_counts_; ///< by value id
    std::unique_ptr<ColumnSpy> column_spy_;
    std::array<std::unique_ptr<Xapian::ValueCountMatchSpy>, facet_slots.size()> value_spies_;
};

} // namespace mahdar
