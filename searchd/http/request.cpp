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
    else if (!collapse.empty() && collapse != "none") return bad_value("collapse", "collapse must be doc or none", {"doc", "none"});
    return std::nullopt;
}

std::optional<Error> read_filters(const Params& params, SearchRequest& r, const CountryResolver& countries) {
    FieldFilters& f = r.filters;
    for (auto& v : values(params, "speaker")) f.speaker.push_back(v);
    for (auto& v : values(params, "doc")) f.doc.push_back(v);
    for (auto& v : values(params, "symbol")) {
        auto s = canonical_symbol(v);
        if (!s) return bad_value("symbol", "symbol \"" + v + "\" is not a UN document symbol (A/RES/73/195, E/ESCWA/SDD/2021/3)");
        f.symbol.push_back(*s);
    }
    for (auto& v : values(params, "lang")) {
        auto l = parse_lang(v);
        if (!l) return bad_value("lang", "lang must be ar, en or fr", {"ar", "en", "fr"});
        f.lang.emplace_back(lang_code(*l));
    }
    for (auto& v : values(params, "objective")) {
        auto n = parse_int(v, 23);
        if (!n || *n < 1) return bad_value("objective", "objective must be a GCM objective number, 1 to 23");
        f.objective.push_back(*n);
    }
    for (auto& v : values(params, "country")) {
        auto code = countries ? countries(v) : std::nullopt;
        if (!code) return bad_value("country", "country \"" + v + "\" is not a known ISO 3166-1 code or name");
        f.country.push_back(*code);
    }
    for (auto [name, bound, end] : {std::tuple{"from", &r.from, false}, {"to", &r.to, true}}) {
        std::string v = param(params, name);
        if (v.empty()) continue;
        auto d = parse_date_bound(v, end ? DateEdge::last : DateEdge::first);
        if (!d) return bad_value(name, std::string(name) + " must be a date: YYYY, YYYY-MM or YYYY-MM-DD");
        *bound = *d;
    }
    if (!r.from.empty() && !r.to.empty() && r.from > r.to) return bad_value("from", "from is after to");
    return std::nullopt;
}

template <class T>
void append(std::vector<T>& to, const std::vector<T>& from) {
    for (const auto& v : from)
        if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
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
    if (r.q.size() > max_query_bytes)
        return too_long("q is longer than " + std::to_string(max_query_bytes) + " bytes");
    auto ui = parse_ui(params);
    if (!ui) return ui.error();
    r.ui = ui.value();
    if (auto err = read_paging(params, r)) return *err;
    if (auto err = read_filters(params, r, countries)) return *err;
    std::string partial = param(params, "partial");
    if (partial == "1") r.last_word = LastWord::partial;
    else if (!partial.empty() && partial != "0") return bad_value("partial", "partial must be 1 or 0", {"1", "0"});
    std::optional<Lang> only_lang;
    if (r.filters.lang.size() == 1) only_lang = parse_lang(r.filters.lang[0]);
    auto parsed = parser.parse(r.q, only_lang, r.last_word);
    if (!parsed) return parsed.error();
    r.parsed = std::move(parsed.value());
    const FieldFilters& inq = r.parsed.filters;
    append(r.filters.speaker, inq.speaker);
    append(r.filters.country, inq.country);
    append(r.filters.objective, inq.objective);
    append(r.filters.lang, inq.lang);
    append(r.filters.doc, inq.doc);
    append(r.filters.symbol, inq.symbol);
    return r;
}

} // namespace mahdar
