#include "facets.h"

#include "document_builder.h"
#include "schema.h"

#include <algorithm>
#include <cstring>

namespace mahdar {

namespace {
const char* const names[] = {"speaker", "country", "objective", "lang", "year", "month"};

Xapian::valueno slot_of(Facet f) {
    switch (f) {
    case Facet::speaker: return schema::slot_speaker;
    case Facet::country: return schema::slot_countries;
    case Facet::objective: return schema::slot_objectives;
    case Facet::lang: return schema::slot_lang;
    default: return schema::slot_date;
    }
}

// Adds `n` passages of raw slot value `raw` to the counts of facet `f`.
void split(Facet f, const std::string& raw, std::size_t n, std::unordered_map<std::string, std::size_t>& out) {
    switch (f) {
    case Facet::speaker:
        for (auto& person : joint_speakers(raw)) out[std::move(person)] += n;
        break;
    case Facet::country:
        for (size_t i = 0; i + 1 < raw.size(); i += 2) out[raw.substr(i, 2)] += n;
        break;
    case Facet::objective:
        for (char c : raw) out[std::to_string(static_cast<int>(c))] += n;
        break;
    case Facet::lang: out[raw] += n; break;
    case Facet::year:
        if (raw.size() >= 6) out[raw.substr(0, 4)] += n;
        break;
    case Facet::month:
        if (raw.size() >= 6) out[raw.substr(0, 4) + "-" + raw.substr(4, 2)] += n;
        break;
    }
}

} // namespace

const char* facet_name(Facet f) { return names[static_cast<size_t>(f)]; }

std::optional<Facet> parse_facet(std::string_view name) {
    for (Facet f : all_facets)
        if (name == facet_name(f)) return f;
    return std::nullopt;
}

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

std::unordered_map<std::string, std::size_t> FacetCounter::raw_counts(std::size_t i) const {
    std::unordered_map<std::string, std::size_t> out;
    if (columns_) {
        const auto& values = columns_->columns[i].values;
        for (std::size_t id = 1; id < column_counts_[i].size(); ++id)
            if (column_counts_[i][id]) out.emplace(values[id], column_counts_[i][id]);
    } else if (value_spies_[i]) {
        for (auto v = value_spies_[i]->values_begin(); v != value_spies_[i]->values_end(); ++v)
            out.emplace(*v, v.get_termfreq());
    }
    return out;
}

std::vector<FacetValue> FacetCounter::values(Facet f, const Labels& labels, Lang ui) const {
    std::unordered_map<std::string, std::size_t> counts;
    for (const auto& [raw, n] : raw_counts(facet_slot_index(slot_of(f))))
        if (!raw.empty()) split(f, raw, n, counts);
    std::vector<FacetValue> out;
    for (const auto& [value, count] : counts) {
        FacetValue v{value, value, count};
        switch (f) {
        case Facet::country: v.label = labels.country(value, ui); break;
        case Facet::objective: v.label = labels.objective(std::atoi(value.c_str()), ui); break;
        case Facet::lang: v.label = labels.language(value, ui); break;
        case Facet::month: v.label = labels.month(value, ui); break;
        default: break;
        }
        out.push_back(std::move(v));
    }
    bool chronological = f == Facet::year || f == Facet::month;
    std::sort(out.begin(), out.end(), [chronological](const FacetValue& a, const FacetValue& b) {
        if (chronological) return a.value < b.value;
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return out;
}

} // namespace mahdar
