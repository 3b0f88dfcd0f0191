// Cross-tabulation of two facets over a match: how many passages have each pair of values
// (objective × year, country × objective, …), counted the way the facets count.
#pragma once

#include "facets/facet_columns.h"
#include "facets/facets.h"
#include "facets/labels.h"
#include "facets/match_bits.h"

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mahdar {

/// A table of passage counts. rows and cols hold each value with its label and, as count, its
/// total over the match (the passages having that value, with or without a value of the other
/// facet: the count its facet list shows). cells[i][j]: passages having rows[i] and cols[j].
/// A passage of several values (countries, objectives, joint speakers) counts once in each of
/// its cells, so the cells of a row can add up to more than its total.
struct CrossTable {
    Facet row_facet = Facet::objective, col_facet = Facet::year;
    std::vector<FacetValue> rows, cols;
    std::vector<std::vector<std::size_t>> cells;
    std::size_t total = 0;                     ///< passages of the match
    std::size_t rows_more = 0, cols_more = 0;  ///< values left out by the limit
};

/// Counts pairs of raw slot values over a match, then splits them into facet values — from the
/// columns when the caller has them for the database's revision, else by reading the two
/// values of each matching passage. One counter per match; not thread-safe.
class CrossCounter {
public:
    CrossCounter(Facet rows, Facet cols, std::shared_ptr<const FacetColumns> columns);
    ~CrossCounter();
    CrossCounter(const CrossCounter&) = delete;
    CrossCounter& operator=(const CrossCounter&) = delete;

    /// Adds the counting spy to `e`; call before get_mset() with check_at_least = all.
    void attach(Xapian::Enquire& e);
    /// Counts the passages in `bits`; only with columns, and instead of attach().
    void count(const DocBits& bits);
    /// The table, labelled in `ui`, each axis ordered as its facet list is (by count, years and
    /// months by time) and cut to its first `limit` values. An objective axis lists all 23 GCM
    /// objectives, those no passage has with count 0.
    CrossTable table(const Labels& labels, Lang ui, std::size_t limit) const;

private:
    class Spy;
    struct Tallies; // passages by facet value of each axis and by pair of values
    Tallies tally_ids() const;
    Tallies tally_values() const;
    void count_one(Xapian::docid id);

    Facet rows_, cols_;
    std::shared_ptr<const FacetColumns> columns_;
    std::unordered_map<std::uint64_t, std::size_t> id_pairs_; ///< with columns: row id << 32 | column id
    std::map<std::pair<std::string, std::string>, std::size_t> read_pairs_; ///< without: raw values
    std::unique_ptr<Spy> spy_;
};

} // namespace mahdar
