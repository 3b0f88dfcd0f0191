#include "facets.h"

#include "document_builder.h"
#include "schema.h"

#include <algorithm>
#include <cstring>

namespace mahdar {

namespace {
const char* const names[] = {"speaker", "country", "objective", "lang", "year", "month"};
}

const char* facet_name(Facet f) { return names[static_cast<size_t>(f)]; }

std::optional<Facet> parse_facet(std::string_view name) {
    for (Facet f : all_facets)
        if (name == facet_name(f)) return f;
    return std::nullopt;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    for (Facet f : facets_) {
        auto& counts = counts_[static_cast<size_t>(f)];
        switch (f) {
        case Facet::speaker: {
            for (auto& person : joint_speakers(doc.get_value(schema::slot_speaker))) ++counts[std::move(person)];
            break;
        }
        case Facet::country: {
            std::string v = doc.get_value(schema::slot_countries);
            for (size_t i = 0; i + 1 < v.size(); i += 2) ++counts[v.substr(i, 2)];
            break;
        }
        case Facet::objective:
            for (char c : doc.get_value(schema::slot_objectives)) ++counts[std::to_string(static_cast<int>(c))];
            break;
        case Facet::lang: ++counts[doc.get_value(schema::slot_lang)]; break;
        case Facet::year:
        case Facet::month: {
            std::string d = doc.get_value(schema::slot_date);
            if (d.size() < 6) break;
            ++counts[f == Facet::year ? d.substr(0, 4) : d.substr(0, 4) + "-" + d.substr(4, 2)];
            break;
        }
        }
    }
}

std::vector<FacetValue> FacetSpy::values(Facet f, const Labels& labels, Lang ui) const {
    std::vector<FacetValue> out;
    for (const auto& [value, count] : counts_[static_cast<size_t>(f)]) {
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
