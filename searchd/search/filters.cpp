#include "search/filters.h"

#include "format/date_terms.h"
#include "format/document_builder.h"
#include "format/schema.h"

#include <algorithm>

namespace mahdar {
namespace s = schema;

namespace {

// Passages with no date value: the year facet's "undated".
Xapian::Query undated_query() {
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                         Xapian::Query(Xapian::Query::OP_VALUE_GE, s::slot_date, "0"));
}

void add_field_parts(std::vector<FilterPart>& parts, const FieldFilters& f, Sign sign) {
    auto add = [&parts, sign](std::optional<Facet> facet, const auto& values, auto term_of) {
        if (values.empty()) return;
        std::vector<Xapian::Query> terms;
        for (const auto& v : values) terms.emplace_back(term_of(v));
        parts.push_back({facet, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), sign});
    };
    add(Facet::speaker, f.speaker, [](const std::string& v) { return s::term(s::speaker, speaker_key(v)); });
    add(Facet::country, f.country, [](const std::string& v) { return s::term(s::country, v); });
    add(Facet::objective, f.objective, [](int v) { return s::term(s::objective, std::to_string(v)); });
    add(Facet::lang, f.lang, [](const std::string& v) { return s::term(s::lang, v); });
    add(Facet::symbol, f.symbol, [](const std::string& v) { return s::term(s::symbol, v); });
    add(std::nullopt, f.doc, [](const std::string& v) { return s::term(s::parent, v); });
}

} // namespace

std::vector<FilterPart> filter_parts(const Xapian::Database& db, const SearchRequest& r) {
    std::vector<FilterPart> parts;
    add_field_parts(parts, r.filters, Sign::include);
    add_field_parts(parts, r.excluded, Sign::exclude);
    if (!r.from.empty() || !r.to.empty()) parts.push_back({Facet::year, date_range_query(db, r.from, r.to)});
    if (r.undated == Undated::only) parts.push_back({Facet::year, undated_query()});
    return parts;
}

bool owned_by(const FilterPart& p, std::optional<Facet> skip) {
    if (!skip || !p.facet || p.sign == Sign::exclude) return false;
    return *p.facet == *skip || (*p.facet == Facet::year && *skip == Facet::month);
}

std::optional<Xapian::Query> filter_query(const Xapian::Database& db, const SearchRequest& r,
                                          std::optional<Facet> skip) {
    std::vector<Xapian::Query> in, out;
    for (auto& p : filter_parts(db, r))
        if (!owned_by(p, skip)) (p.sign == Sign::include ? in : out).push_back(std::move(p.query));
    if (in.empty() && out.empty()) return std::nullopt;
    Xapian::Query q = in.empty() ? Xapian::Query::MatchAll : Xapian::Query(Xapian::Query::OP_AND, in.begin(), in.end());
    if (out.empty()) return q;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, q, Xapian::Query(Xapian::Query::OP_OR, out.begin(), out.end()));
}

bool has_filter(const SearchRequest& r, Facet f) {
    switch (f) {
    case Facet::speaker: return !r.filters.speaker.empty();
    case Facet::country: return !r.filters.country.empty();
    case Facet::objective: return !r.filters.objective.empty();
    case Facet::lang: return !r.filters.lang.empty();
    case Facet::symbol: return !r.filters.symbol.empty();
    default: return !r.from.empty() || !r.to.empty() || r.undated == Undated::only;
    }
}

std::vector<char> passing_values(const FilterPart& part, const SearchRequest& r, const std::vector<std::string>& values) {
    std::vector<char> pass;
    for (const auto& v : values) {
        bool ok = false;
        if (part.facet == Facet::lang) {
            const auto& langs = part.sign == Sign::include ? r.filters.lang : r.excluded.lang;
            ok = (std::find(langs.begin(), langs.end(), v) != langs.end()) == (part.sign == Sign::include);
        } else if (r.undated == Undated::only) {
            ok = v.empty();
        } else {
            ok = !v.empty() && (r.from.empty() || v >= r.from) && (r.to.empty() || v <= r.to);
        }
        pass.push_back(ok);
    }
    return pass;
}

} // namespace mahdar
