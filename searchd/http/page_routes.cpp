#include "http/page_routes.h"

#include "http/answer.h"
#include "http/conventions.h"
#include "http/json_out.h"
#include "http/request.h"
#include "search/profiles.h"
#include "text/normalise.h"

#include <httplib.h>

namespace mahdar {
using json = nlohmann::json;

namespace {

json values_json(const std::vector<FacetValue>& values) {
    json a = json::array();
    for (const auto& v : values) a.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    return a;
}

json tallies_json(const std::vector<Tally>& tallies) {
    json a = json::array();
    for (const auto& t : tallies) a.push_back({{"value", t.value}, {"count", t.count}});
    return a;
}

json to_json(const CrossTable& t) {
    return {{"row_field", facet_name(t.row_facet)}, {"col_field", facet_name(t.col_facet)},
            {"rows", values_json(t.rows)},          {"cols", values_json(t.cols)},
            {"cells", t.cells},                     {"total", t.total},
            {"rows_more", t.rows_more},             {"cols_more", t.cols_more}};
}

json to_json(const SpeakerProfile& p) {
    auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    return {{"name", p.name},
            {"arabic", or_null(p.arabic)},
            {"label", p.label},
            {"passages", p.passages},
            {"documents", p.documents},
            {"first_date", or_null(p.first_date)},
            {"last_date", or_null(p.last_date)},
            {"spellings", tallies_json(p.spellings)},
            {"affiliations", tallies_json(p.affiliations)},
            {"roles", tallies_json(p.roles)}};
}

// rows= or cols=: a facet name, `fallback` when left out.
Result<Facet> axis_param(const Params& p, const std::string& name, Facet fallback) {
    std::string v = param(p, name);
    if (v.empty()) return fallback;
    if (auto f = parse_facet(v)) return *f;
    Error e = bad_parameter(name + " must be speaker, country, objective, lang, year, month or symbol");
    e.parameter = name;
    for (Facet f : all_facets) e.valid.emplace_back(facet_name(f));
    return e;
}

Result<std::size_t> limit_param(const Params& p) {
    std::string v = param(p, "limit");
    if (v.empty()) return default_crosstab_limit;
    char* end = nullptr;
    unsigned long n = std::strtoul(v.c_str(), &end, 10);
    if (*end || v.size() > 5 || v[0] == '-' || n < 1 || n > max_crosstab_limit) {
        Error e = bad_parameter("limit must be a whole number from 1 to " + std::to_string(max_crosstab_limit));
        e.parameter = "limit";
        return e;
    }
    return static_cast<std::size_t>(n);
}

Result<CrossRequest> parse_cross_request(Services& s, const Params& p, Context& c) {
    CrossRequest r;
    auto rows = axis_param(p, "rows", Facet::objective);
    if (!rows) return rows.error();
    auto cols = axis_param(p, "cols", Facet::year);
    if (!cols) return cols.error();
    auto limit = limit_param(p);
    if (!limit) return limit.error();
    CountryResolver countries = [&s](std::string_view n) { return s.labels.resolve_country(n); };
    auto search = parse_search_request(p, c.parser, countries);
    if (!search) return search.error();
    r.search = std::move(search.value());
    r.rows = rows.value();
    r.cols = cols.value();
    r.limit = limit.value();
    return r;
}

void handle_crosstab(Services& s, const httplib::Request& req, httplib::Response& res) {
    if (auto err = unknown_parameter(req, "crosstab")) return send_error(res, *err);
    auto lease = s.pool.acquire();
    auto r = parse_cross_request(s, Params(req.params.begin(), req.params.end()), *lease);
    if (!r) return send_error(res, r.error());
    unsigned long long revision = revision_of(*lease);
    stamp_answer(res, revision);
    if (revision && not_modified(req, res, revision, lease->uuid)) return;
    send_json(res, to_json(with_reopen(*lease, [&](Context& c) { return crosstab(c, r.value(), s.labels); })));
}

void handle_speaker(Services& s, const httplib::Request& req, httplib::Response& res) {
    if (auto err = unknown_parameter(req, "speaker")) return send_error(res, *err);
    std::string name = req.matches[1];
    if (!is_valid_utf8(name)) return send_error(res, bad_parameter("the speaker name is not valid UTF-8"));
    auto ui = parse_ui(Params(req.params.begin(), req.params.end()));
    if (!ui) return send_error(res, ui.error());
    auto lease = s.pool.acquire();
    unsigned long long revision = revision_of(*lease);
    stamp_answer(res, revision);
    if (revision && not_modified(req, res, revision, lease->uuid)) return;
    auto p = with_reopen(*lease, [&](Context& c) { return speaker_profile(c, name, ui.value()); });
    send_result(res, p, [](const SpeakerProfile& found) { return to_json(found); });
}

} // namespace

void register_page_routes(httplib::Server& server, Services& s, const std::string& api) {
    server.Get(api + "/crosstab", timed([&s](const httplib::Request& req, httplib::Response& res) {
        handle_crosstab(s, req, res);
    }));
    server.Get(api + "/speaker/(.+)", timed([&s](const httplib::Request& req, httplib::Response& res) {
        handle_speaker(s, req, res);
    }));
}

} // namespace mahdar
