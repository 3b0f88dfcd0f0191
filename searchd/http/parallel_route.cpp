#include "http/parallel_route.h"

#include "http/answer.h"
#include "http/conventions.h"
#include "http/json_out.h"
#include "search/parallel.h"
#include "text/normalise.h"

#include <httplib.h>

namespace mahdar {
using json = nlohmann::json;

namespace {

json to_json(const ParallelView& v) {
    json rows = json::array();
    for (const auto& r : v.rows) {
        json a = json::array(), b = json::array();
        for (const auto& p : r.a) a.push_back(hit_json(p));
        for (const auto& p : r.b) b.push_back(hit_json(p));
        rows.push_back({{"a", std::move(a)}, {"b", std::move(b)}, {"score", r.score}});
    }
    return {{"document", document_json(v.a)}, {"version", document_json(v.b)}, {"rows", std::move(rows)}};
}

void handle_parallel(Services& s, const httplib::Request& req, httplib::Response& res) {
    if (auto err = unknown_parameter(req, "parallel")) return send_error(res, *err);
    std::string id = req.matches[1];
    if (!is_valid_utf8(id)) return send_error(res, bad_parameter("the document id is not valid UTF-8"));
    auto lang = parse_lang(req.has_param("lang") ? req.get_param_value("lang") : "");
    if (!lang) {
        Error e = bad_parameter("lang must be ar, en or fr: the language of the version to show beside the document");
        e.parameter = "lang";
        e.valid = {"ar", "en", "fr"};
        return send_error(res, e);
    }
    auto lease = s.pool.acquire();
    unsigned long long revision = revision_of(*lease);
    stamp_answer(res, revision);
    if (revision != 0 && not_modified(req, res, revision, lease->uuid)) return; // the client's copy is current
    auto v = with_reopen(*lease, [&](Context& c) { return get_parallel(c, id, *lang); });
    send_result(res, v, [](const ParallelView& found) { return to_json(found); });
}

} // namespace

void register_parallel_route(httplib::Server& server, Services& s, const std::string& api) {
    server.Get(api + "/document/(.+)/parallel", timed([&s](const httplib::Request& req, httplib::Response& res) {
        handle_parallel(s, req, res);
    }));
}

} // namespace mahdar
