#include "format/facet.h"

#include "format/document_builder.h"
#include "format/schema.h"

namespace mahdar {
namespace {
const char* const names[] = {"speaker", "country", "objective", "lang", "year", "month", "symbol"};
}

const char* facet_name(Facet f) { return names[static_cast<size_t>(f)]; }

std::optional<Facet> parse_facet(std::string_view name) {
    for (Facet f : all_facets)
        if (name == facet_name(f)) return f;
    return std::nullopt;
}

Xapian::valueno slot_of(Facet f) {
    switch (f) {
    case Facet::speaker: return schema::slot_speaker;
    case Facet::country: return schema::slot_countries;
    case Facet::objective: return schema::slot_objectives;
    case Facet::lang: return schema::slot_lang;
    case Facet::symbol: return schema::slot_symbol;
    default: return schema::slot_date;
    }
}

std::vector<std::string> split_value(Facet f, const std::string& raw) {
    std::vector<std::string> out;
    if (raw.empty()) return out;
    switch (f) {
    case Facet::speaker: out = joint_speakers(raw); break;
    case Facet::country:
        for (size_t i = 0; i + 1 < raw.size(); i += 2) out.push_back(raw.substr(i, 2));
        break;
    case Facet::objective:
        for (char c : raw) out.push_back(std::to_string(static_cast<int>(c)));
        break;
    case Facet::lang:
    case Facet::symbol: out.push_back(raw); break;
    case Facet::year:
        if (raw.size() >= 6) out.push_back(raw.substr(0, 4));
        break;
    case Facet::month:
        if (raw.size() >= 6) out.push_back(raw.substr(0, 4) + "-" + raw.substr(4, 2));
        break;
    }
    return out;
}

} // namespace mahdar
