#include "facets/facets.h"

#include "format/document_builder.h"
#include "format/schema.h"

#include <algorithm>
#include <cstring>

namespace mahdar {

// Counts value ids from the columns: no value is read from the database.
class FacetCounter::ColumnSpy : public Xapian::MatchSpy {
public:
    explicit ColumnSpy(FacetCounter& counter) : counter_(counter) {}
    void operator()(const Xapian::Document& doc, double) override {
        Xapian::docid id = doc.get_docid();
        for (std::size_t i : counter_.slots_) {
            const auto& ids = counter_.columns_->columns[i].ids;
            if (id < ids.size()) ++counter_.column_counts_[i][ids[id]];
        }
    }

private:
    FacetCounter& counter_;
};

FacetCounter::FacetCounter(std::vector<Facet> facets, std::shared_ptr<const FacetColumns> columns)
    : facets_(std::move(facets)), columns_(std::move(columns)) {
    for (Facet f : facets_) {
        std::size_t i = facet_slot_index(slot_of(f));
        if (std::find(slots_.begin(), slots_.end(), i) == slots_.end()) slots_.push_back(i);
    }
    if (columns_)
        for (std::size_t i : slots_) column_counts_[i].assign(columns_->columns[i].values.size(), 0);
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& e) {
    if (slots_.empty()) return;
    if (columns_) {
        column_spy_ = std::make_unique<ColumnSpy>(*this);
        e.add_matchspy(column_spy_.get());
        return;
    }
    for (std::size_t i : slots_) {
        value_spies_[i] = std::make_unique<Xapian::ValueCountMatchSpy>(facet_slots[i]);
        e.add_matchspy(value_spies_[i].get());
    }
}

void FacetCounter::count_all() {
    for (std::size_t i : slots_)
        for (std::uint32_t id : columns_->columns[i].ids) ++column_counts_[i][id];
}

void FacetCounter::count(const DocBits& bits) {
    for (std::size_t i : slots_) {
        const auto& ids = columns_->columns[i].ids;
        auto& n = column_counts_[i];
        bits.for_each([&](Xapian::docid id) {
            if (id < ids.size()) ++n[ids[id]];
        });
    }
}

std::vector<std::pair<std::string, std::size_t>> FacetCounter::counts(Facet f) const {
    std::vector<std::pair<std::string, std::size_t>> out;
    std::size_t i = facet_slot_index(slot_of(f));
    if (columns_) {
        const FacetSplit& split = columns_->splits[static_cast<std::size_t>(f)];
        std::vector<std::size_t> sums(split.names.size(), 0);
        const auto& n = column_counts_[i];
        for (std::size_t id = 1; id < n.size(); ++id)
            if (n[id])
                for (auto k = split.offsets[id]; k < split.offsets[id + 1]; ++k) sums[split.parts[k]] += n[id];
        for (std::size_t v = 0; v < sums.size(); ++v)
            if (sums[v]) out.emplace_back(split.names[v], sums[v]);
    } else if (value_spies_[i]) {
        std::unordered_map<std::string, std::size_t> sums;
        for (auto v = value_spies_[i]->values_begin(); v != value_spies_[i]->values_end(); ++v)
            for (auto& name : split_value(f, *v)) sums[std::move(name)] += v.get_termfreq();
        out.assign(sums.begin(), sums.end());
    }
    return out;
}

std::string facet_label(Facet f, const std::string& value, const Labels& labels, Lang ui,
                        const FacetColumns* columns) {
    switch (f) {
    case Facet::country: return labels.country(value, ui);
    case Facet::objective: return labels.objective(std::atoi(value.c_str()), ui);
    case Facet::lang: return labels.language(value, ui);
    case Facet::month: return labels.month(value, ui);
    case Facet::speaker:
        if (ui == Lang::ar && columns) {
            auto arabic = columns->speaker_arabic.find(value);
            if (arabic != columns->speaker_arabic.end()) return arabic->second;
        }
        return value;
    default: return value;
    }
}

void sort_facet_values(Facet f, std::vector<FacetValue>& values) {
    bool chronological = f == Facet::year || f == Facet::month;
    std::sort(values.begin(), values.end(), [chronological](const FacetValue& a, const FacetValue& b) {
        if (chronological) return a.value < b.value;
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
}

std::vector<FacetValue> FacetCounter::values(Facet f, const Labels& labels, Lang ui) const {
    std::vector<FacetValue> out;
    for (const auto& [value, count] : counts(f))
        out.push_back({value, facet_label(f, value, labels, ui, columns_.get()), count});
    sort_facet_values(f, out);
    return out;
}

} // namespace mahdar
