#include "http/request.h"

#include "common/dates.h"
#include "text/normalise.h"
#include "text/un_symbol.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace mahdar {
namespace {

// A bad value of `name`: the error names the parameter and, for a closed set, what it takes.
Error bad_value(const std::string& name, std::string message, std::vector<std::string> valid = {}) {
    Error e = bad_parameter(std::move(message));
    e.parameter = name;
    e.valid = std::move(valid);
    return e;
}

std::vector<std::string> values(const Params& params, const std::string& name) {
    std::vector<std::string> out;
    auto range = params.equal_range(name);
    for (auto it = range.first; it != range.second; ++it)
        if (!it->second.empty()) out.push_back(it->second);
    return out;
}

std::optional<int> parse_int(const std::string& s, int max) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n <= max ? std::optional<int>(n) : std::nullopt;
}

std::optional<Error> read_paging(const Params& params, SearchRequest& r) {
    if (auto p = param(params, "page"); !p.empty()) {
        auto n = parse_int(p, 100000);
        if (!n || *n < 1) return bad_value("page", "page must be a whole number from 1");
        r.page = *n;
    }
    if (auto s = param(params, "size"); !s.empty()) {
        auto n = parse_int(s, max_page_size);
        if (!n || *n < 1) return bad_value("size", "size must be a whole number from 1 to 100");
        r.size = *n;
    }
    std::string sort = param(params, "sort");
    if (sort.empty() || sort == "relevance") r.sort = Sort::relevance;
    else if (sort == "date") r.sort = Sort::date_ascending;
    else if (sort == "-date") r.sort = Sort::date_descending;
    else return bad_value("sort", "sort must be relevance, date or -date", {"relevance", "date", "-date"});
    if (auto s = param(params, "facet_limit"); !s.empty()) {
        auto n = parse_int(s, max_facet_limit);
        if (!n) {
            return bad_value("facet_limit", "facet_limit must be a whole number from 0 to " + std::to_string(max_facet_limit));
        }
        r.facet_limit = *n;
    }
    r.facet_prefix = param(params, "facet_prefix");
    std::string collapse = param(params, "collapse");
    if (collapse == "doc") r.collapse = Collapse::doc;
    else if (collapse == "versions") r.collapse = Collapse::versions;
    else if (!collapse.empty() && collapse != "none")
        return bad_value("collapse", "collapse must be doc, versions or none", {"doc", "versions", "none"});
    return std::nullopt;
}

// The filter values of one kind: "speaker", "country"… (prefix "") or "not_speaker"… (prefix "not_").
std::optional<Error> read_values(const Params& params, const std::string& prefix, FieldFilters& f,
                                 const CountryResolver& countries) {
    for (auto& v : values(params, prefix + "speaker")) f.speaker.push_back(v);
    for (auto& v : values(params, prefix + "doc")) f.doc.push_back(v);
    for (auto& v : values(params, prefix + "symbol")) {
        auto s = canonical_symbol(v);
        if (!s) return bad_value(prefix + "symbol", prefix + "symbol \"" + v + "\" is not a UN document symbol (A/RES/73/195, E/ESCWA/SDD/2021/3)");
        f.symbol.push_back(*s);
    }
    for (auto& v : values(params, prefix + "lang")) {
        auto l = parse_lang(v);
        if (!l) return bad_value(prefix + "lang", prefix + "lang must be ar, en or fr", {"ar", "en", "fr"});
        f.lang.emplace_back(lang_code(*l));
    }
    for (auto& v : values(params, prefix + "objective")) {
        auto n = parse_int(v, 23);
        if (!n || *n < 1) return bad_value(prefix + "objective", prefix + "objective must be a GCM objective number, 1 to 23");
        f.objective.push_back(*n);
    }
    for (auto& v : values(params, prefix + "country")) {
        auto code = countries ? countries(v) : std::nullopt;
        if (!code) return bad_value(prefix + "country", prefix + "country \"" + v + "\" is not a known ISO 3166-1 code or name");
        f.country.push_back(*code);
    }
    return std::nullopt;
}

std::optional<Error> read_dates(const Params& params, SearchRequest& r) {
    for (auto [name, bound, end] : {std::tuple{"from", &r.from, false}, {"to", &r.to, true}}) {
        std::string v = param(params, name);
        if (v.empty()) continue;
        auto d = parse_date_bound(v, end ? DateEdge::last : DateEdge::first);
        if (!d) return bad_value(name, std::string(name) + " must be a date: YYYY, YYYY-MM or YYYY-MM-DD");
        *bound = *d;
    }
    if (!r.from.empty() && !r.to.empty() && r.from > r.to) return bad_value("from", "from is after to");
    std::string undated = param(params, "undated");
    if (undated == "only") r.undated = Undated::only;
    else if (!undated.empty()) return bad_value("undated", "undated must be only", {"only"});
    if (r.undated == Undated::only && (!r.from.empty() || !r.to.empty()))
        return bad_value("undated", "undated=only cannot be combined with from or to: undated passages have no date");
    return std::nullopt;
}

template <class T>
void append(std::vector<T>& to, const std::vector<T>& from) {
    for (const auto& v : from)
        if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
}

void merge_filters(FieldFilters& to, const FieldFilters& from) {
    append(to.speaker, from.speaker);
    append(to.country, from.country);
    append(to.objective, from.objective);
    append(to.lang, from.lang);
    append(to.doc, from.doc);
    append(to.symbol, from.symbol);
}

} // namespace

std::string param(const Params& params, const std::string& name) {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

Result<Lang> parse_ui(const Params& params) {
    std::string ui = param(params, "ui");
    if (ui.empty()) return Lang::en;
    auto l = parse_lang(ui);
    if (!l) return bad_value("ui", "ui must be ar, en or fr", {"ar", "en", "fr"});
    return *l;
}

Result<Highlight> parse_marked_query(const Params& params, QueryParser& parser) {
    std::string q = param(params, "q");
    if (!is_valid_utf8(q)) return bad_value("q", "q is not valid UTF-8");
    if (q.size() > max_query_bytes) return too_long("q is longer than " + std::to_string(max_query_bytes) + " bytes");
    auto parsed = parser.parse(q, std::nullopt);
    if (!parsed) return parsed.error();
    return std::move(parsed.value().highlight);
}

Result<SearchRequest> parse_search_request(const Params& params, QueryParser& parser,
                                           const CountryResolver& countries) {
    for (const auto& [k, v] : params)
        if (!is_valid_utf8(k) || !is_valid_utf8(v)) return bad_value(k, "parameter " + k + " is not valid UTF-8");
    SearchRequest r;
    r.q = param(params, "q");
    if (r.q.size() > max_query_bytes) {
        Error e = too_long("q is " + std::to_string(r.q.size()) + " bytes long, over the limit of " +
                           std::to_string(max_query_bytes) + " bytes by " + std::to_string(r.q.size() - max_query_bytes) +
                           ": shorten it, or use filters (speaker, country, from, to…) instead of long lists of words");
        e.parameter = "q";
        return e;
    }
    auto ui = parse_ui(params);
    if (!ui) return ui.error();
    r.ui = ui.value();
    if (auto err = read_paging(params, r)) return *err;
    if (auto err = read_values(params, "", r.filters, countries)) return *err;
    if (auto err = read_values(params, "not_", r.excluded, countries)) return *err;
    if (auto err = read_dates(params, r)) return *err;
    std::string partial = param(params, "partial");
    if (partial == "1") r.last_word = LastWord::partial;
    else if (!partial.empty() && partial != "0") return bad_value("partial", "partial must be 1 or 0", {"1", "0"});
    std::string langs = param(params, "langs");
    if (langs == "all") {
        r.across = CrossLanguage::on;
        if (param(params, "collapse").empty()) r.collapse = Collapse::versions; // one hit per paragraph
    }
    else if (!langs.empty())
        return bad_value("langs", "langs must be all (the query's words also find their translations in the other languages)", {"all"});
    std::optional<Lang> only_lang;
    if (r.filters.lang.size() == 1) only_lang = parse_lang(r.filters.lang[0]);
    auto parsed = parser.parse(r.q, only_lang, r.last_word, r.across);
    if (!parsed) return parsed.error();
    r.parsed = std::move(parsed.value());
    merge_filters(r.filters, r.parsed.filters);
    merge_filters(r.excluded, r.parsed.excluded);
    return r;
}

} // namespace mahdar
