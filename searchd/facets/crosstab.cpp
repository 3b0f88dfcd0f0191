#include "facets/crosstab.h"

#include <algorithm>
#include <unordered_map>

namespace mahdar {

// Counts each matching passage's pair of raw values: column ids when there are columns, else
// the two values read from the document.
class CrossCounter::Spy : public Xapian::MatchSpy {
public:
    explicit Spy(CrossCounter& counter) : counter_(counter) {}
    void operator()(const Xapian::Document& doc, double) override {
        if (counter_.columns_) return counter_.count_one(doc.get_docid());
        ++counter_.read_pairs_[{doc.get_value(slot_of(counter_.rows_)), doc.get_value(slot_of(counter_.cols_))}];
    }

private:
    CrossCounter& counter_;
};

CrossCounter::CrossCounter(Facet rows, Facet cols, std::shared_ptr<const FacetColumns> columns)
    : rows_(rows), cols_(cols), columns_(std::move(columns)) {}

CrossCounter::~CrossCounter() = default;

void CrossCounter::attach(Xapian::Enquire& e) {
    spy_ = std::make_unique<Spy>(*this);
    e.add_matchspy(spy_.get());
}

void CrossCounter::count_one(Xapian::docid id) {
    const auto& r = columns_->columns[facet_slot_index(slot_of(rows_))].ids;
    const auto& c = columns_->columns[facet_slot_index(slot_of(cols_))].ids;
    std::uint64_t row = id < r.size() ? r[id] : 0, col = id < c.size() ? c[id] : 0;
    ++id_pairs_[row << 32 | col];
}

void CrossCounter::count(const DocBits& bits) {
    bits.for_each([this](Xapian::docid id) { count_one(id); });
}

struct CrossCounter::Tallies {
    std::unordered_map<std::string, std::size_t> rows, cols;
    std::map<std::pair<std::string, std::string>, std::size_t> cells;
    std::size_t total = 0;
};

// From column ids: each raw value is split once, by the columns' splits, and pairs of values
// are counted by index before any string is made.
CrossCounter::Tallies CrossCounter::tally_ids() const {
    const FacetSplit& rs = columns_->splits[static_cast<std::size_t>(rows_)];
    const FacetSplit& cs = columns_->splits[static_cast<std::size_t>(cols_)];
    std::vector<std::size_t> rows(rs.names.size()), cols(cs.names.size());
    std::unordered_map<std::uint64_t, std::size_t> cells;
    Tallies out;
    for (const auto& [ids, n] : id_pairs_) {
        std::uint64_t r = ids >> 32, c = ids & 0xffffffffu;
        for (auto i = rs.offsets[r]; i < rs.offsets[r + 1]; ++i) rows[rs.parts[i]] += n;
        for (auto j = cs.offsets[c]; j < cs.offsets[c + 1]; ++j) cols[cs.parts[j]] += n;
        for (auto i = rs.offsets[r]; i < rs.offsets[r + 1]; ++i)
            for (auto j = cs.offsets[c]; j < cs.offsets[c + 1]; ++j)
                cells[std::uint64_t{rs.parts[i]} << 32 | cs.parts[j]] += n;
        out.total += n;
    }
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i]) out.rows[rs.names[i]] = rows[i];
    for (std::size_t j = 0; j < cols.size(); ++j)
        if (cols[j]) out.cols[cs.names[j]] = cols[j];
    for (const auto& [pair, n] : cells) out.cells[{rs.names[pair >> 32], cs.names[pair & 0xffffffffu]}] = n;
    return out;
}

// From the values read from the documents.
CrossCounter::Tallies CrossCounter::tally_values() const {
    Tallies out;
    for (const auto& [raw, n] : read_pairs_) {
        auto rows = split_value(rows_, raw.first), cols = split_value(cols_, raw.second);
        for (const auto& r : rows) out.rows[r] += n;
        for (const auto& c : cols) out.cols[c] += n;
        for (const auto& r : rows)
            for (const auto& c : cols) out.cells[{r, c}] += n;
        out.total += n;
    }
    return out;
}

namespace {

constexpr int gcm_objectives = 23;

// The values of one axis with their totals, labelled, in facet order, cut to `limit`; `more`
// receives the number left out.
std::vector<FacetValue> axis(Facet f, const std::unordered_map<std::string, std::size_t>& totals,
                             const Labels& labels, Lang ui, const FacetColumns* columns, std::size_t limit,
                             std::size_t& more) {
    std::vector<FacetValue> out;
    for (const auto& [value, n] : totals) out.push_back({value, facet_label(f, value, labels, ui, columns), n});
    if (f == Facet::objective) // a closed set: all 23 are listed, so a table shows what nobody spoke of too
        for (int n = 1; n <= gcm_objectives; ++n)
            if (!totals.count(std::to_string(n)))
                out.push_back({std::to_string(n), facet_label(f, std::to_string(n), labels, ui, columns), 0});
    sort_facet_values(f, out);
    more = out.size() > limit ? out.size() - limit : 0;
    if (more) out.resize(limit);
    return out;
}

std::unordered_map<std::string, std::size_t> positions(const std::vector<FacetValue>& values) {
    std::unordered_map<std::string, std::size_t> out;
    for (std::size_t i = 0; i < values.size(); ++i) out.emplace(values[i].value, i);
    return out;
}

} // namespace

CrossTable CrossCounter::table(const Labels& labels, Lang ui, std::size_t limit) const {
    Tallies all = columns_ ? tally_ids() : tally_values();
    CrossTable t;
    t.row_facet = rows_;
    t.col_facet = cols_;
    t.total = all.total;
    t.rows = axis(rows_, all.rows, labels, ui, columns_.get(), limit, t.rows_more);
    t.cols = axis(cols_, all.cols, labels, ui, columns_.get(), limit, t.cols_more);
    t.cells.assign(t.rows.size(), std::vector<std::size_t>(t.cols.size(), 0));
    auto row_at = positions(t.rows), col_at = positions(t.cols);
    for (const auto& [pair, n] : all.cells) {
        auto i = row_at.find(pair.first);
        auto j = col_at.find(pair.second);
        if (i != row_at.end() && j != col_at.end()) t.cells[i->second][j->second] = n;
    }
    return t;
}

} // namespace mahdar
