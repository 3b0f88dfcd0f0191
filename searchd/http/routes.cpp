#include "http/routes.h"

#include "http/access_log.h"
#include "http/answer.h"
#include "http/cite_routes.h"
#include "http/conventions.h"
#include "http/document_routes.h"
#include "http/export_route.h"
#include "http/feed_route.h"
#include "http/json_out.h"
#include "http/metrics.h"
#include "http/openapi_route.h"
#include "http/page_routes.h"
#include "http/parallel_route.h"
#include "http/request.h"
#include "http/security_headers.h"
#include "http/static_files.h"
#include "text/normalise.h"

#include <httplib.h>

#include <chrono>
#include <cstdint>
#include <utility>
#include <regex>
#include <cstdio>

namespace mahdar {
namespace {

Params params_of(const httplib::Request& req) { return Params(req.params.begin(), req.params.end()); }

// An id from the path, checked.
Result<std::string> path_id(const httplib::Request& req, const char* what) {
    std::string id = req.matches[1];
    if (!is_valid_utf8(id)) return bad_parameter(std::string("the ") + what + " id is not valid UTF-8");
    return id;
}

// Stamps the answer with the version and revision; true when the client's copy is current
// (a 304 is set). Nothing is cached where there is no single revision.
bool answered_from_cache(Context& c, const httplib::Request& req, httplib::Response& res) {
    unsigned long long revision = revision_of(c);
    stamp_answer(res, revision);
    return revision != 0 && not_modified(req, res, revision, c.uuid);
}

void handle_search(Services& s, const httplib::Request& req, httplib::Response& res) {
    if (auto err = unknown_parameter(req, "search")) return send_error(res, *err);
    auto lease = s.pool.acquire();
    CountryResolver countries = [&s](std::string_view n) { return s.labels.resolve_country(n); };
    auto r = parse_search_request(params_of(req), lease->parser, countries);
    if (!r) return send_error(res, r.error()); // checked first: an error is never "not modified"
    if (answered_from_cache(*lease, req, res)) return;
    send_json(res, to_json(with_reopen(*lease, [&](Context& c) { return search(c, r.value(), s.labels); })));
}

// GET /api/passage/{id} and /api/document/{id}: `get` looks the id up in a Context; with `q`,
// the query's words are marked in each passage's text_html.
template <class Get>
void handle_lookup(Services& s, const httplib::Request& req, httplib::Response& res, const char* what, Get get) {
    if (auto err = unknown_parameter(req, what)) return send_error(res, *err);
    auto id = path_id(req, what);
    if (!id) return send_error(res, id.error());
    auto lease = s.pool.acquire();
    auto marks = parse_marked_query(params_of(req), lease->parser);
    if (!marks) return send_error(res, marks.error());
    if (answered_from_cache(*lease, req, res)) return;
    auto v = with_reopen(*lease, [&](Context& c) { return get(c, id.value()); });
    if (v && req.has_param("q")) mark_words(v.value(), marks.value(), lease->analyzer);
    send_result(res, v, [](const auto& found) { return to_json(found); });
}

void handle_passage(Services& s, const httplib::Request& req, httplib::Response& res) {
    handle_lookup(s, req, res, "passage", get_passage);
}

void handle_document(Services& s, const httplib::Request& req, httplib::Response& res) {
    handle_lookup(s, req, res, "document", get_document);
}

void handle_facets(Services& s, const httplib::Request& req, httplib::Response& res) {
    if (auto err = unknown_parameter(req, "facets")) return send_error(res, *err);
    Params p = params_of(req);
    auto field = parse_facet(param(p, "field"));
    if (!field) return send_error(res, bad_parameter("field must be speaker, country, objective, lang, year, month or symbol"));
    auto ui = parse_ui(p);
    if (!ui) return send_error(res, ui.error());
    std::string prefix = param(p, "prefix");
    if (!is_valid_utf8(prefix)) return send_error(res, bad_parameter("prefix is not valid UTF-8"));
    auto lease = s.pool.acquire();
    if (answered_from_cache(*lease, req, res)) return;
    auto values = with_reopen(*lease, [&](Context& c) { return list_facet(c, *field, prefix, ui.value(), s.labels); });
    send_json(res, to_json(*field, values));
}

void handle_health(Services& s, const httplib::Request& req, httplib::Response& res) {
    if (auto err = unknown_parameter(req, "health")) return send_error(res, *err);
    auto lease = s.pool.acquire();
    stamp_answer(res, revision_of(*lease));
    res.set_header("Cache-Control", "no-store");
    send_json(res, to_json(with_reopen(*lease, [](Context& c) { return health(c); })));
}

// GET /s/{passage id}, a statement's permalink: the page, which opens the reader on it; a 404
// (the same page, which says so) when the index has no such passage.
void handle_permalink(Services& s, const std::filesystem::path& root, const httplib::Request& req,
                      httplib::Response& res) {
    if (auto err = serve_static(root, "/index.html", res)) return send_error(res, *err);
    std::string id = req.matches[1];
    auto lease = s.pool.acquire();
    bool known = is_valid_utf8(id) && with_reopen(*lease, [&](Context& c) { return has_passage(c, id); });
    if (!known) res.status = 404;
}

// Known API paths answer 405 to other methods; anything else under /api is 404.
void handle_other_method(const httplib::Request& req, httplib::Response& res) {
    static const std::regex known(
        "^/api/(v1/)?(search|passage/.+|document/.+|documents|original/.+|facets|health|cite|export|feed|crosstab|speaker/.+|openapi\\.json)$");
    if (std::regex_match(req.path, known)) {
        res.set_header("Allow", allowed_methods(req.path));
        return send_error(res, {ErrorCode::method_not_allowed, req.method + " is not allowed on " + req.path});
    }
    send_error(res, not_found("no such route: " + req.method + " " + req.path));
}

// The statuses cpp-httplib answers by itself, before or instead of a route, as the API's errors.
Error http_layer_error(int status) {
    struct Known {
        int status;
        ErrorCode code;
        const char* message;
    };
    static const Known known[] = {
        {400, ErrorCode::malformed_request, "the request could not be read as HTTP/1.1"},
        {405, ErrorCode::method_not_allowed, "this method is not allowed here"},
        {413, ErrorCode::too_long, "the request body is too large"},
        {414, ErrorCode::uri_too_long, "the request's path and query are over 8192 bytes: send long texts by POST"},
        {416, ErrorCode::range_not_satisfiable, "the Range asked for is outside the file"},
        {431, ErrorCode::headers_too_large, "the request headers are too large"},
    };
    for (const auto& k : known)
        if (k.status == status) return {k.code, k.message};
    return {ErrorCode::http_error, "the request could not be served", status};
}

void set_error_answers(httplib::Server& server) {
    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return; // the route's own answer
        if (res.status == 404) return send_error(res, not_found("no such route: " + req.path));
        send_error(res, http_layer_error(res.status));
    });
    // The detail (a Xapian error names the index's path) goes to the operator's log only; the
    // client gets the request id to quote.
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const Xapian::Error& e) {
            what = e.get_description();
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        std::string id = res.get_header_value("X-Request-Id");
        log_line(LogLevel::error, "id=" + id + " " + what);
        send_error(res, {ErrorCode::internal, "internal error (request id " + id + "): the server's log says more"});
    });
}

// When the request's pre-routing handler ran on this thread: cpp-httplib runs one request's
// pre-routing handler, route and logger on one pool thread, one after the other. Zero for a
// request refused before routing (a malformed request line).
std::chrono::steady_clock::time_point& request_start() {
    thread_local std::chrono::steady_clock::time_point start{};
    return start;
}

void set_logging(httplib::Server& server, Services& s) {
    server.set_pre_routing_handler([&s](const httplib::Request& req, httplib::Response& res) {
        request_start() = std::chrono::steady_clock::now();
        res.set_header("X-Request-Id", request_id_for(req));
        set_security_headers(req.path, res);
        auto token = s.gate.enter();
        if (!token) { // stopping: a proxy or client tries again (another instance, or this one restarted)
            res.set_header("Connection", "close");
            res.set_header("Retry-After", "5");
            send_error(res, {ErrorCode::overloaded, "the server is stopping: ask again in a few seconds"});
            return httplib::Server::HandlerResponse::Handled;
        }
        // The Request lives until its answer's last byte is sent or its client has gone, on every
        // path: it holds the token. (`progress` is a client-side field the server never calls.)
        const_cast<httplib::Request&>(req).progress = [token](std::uint64_t, std::uint64_t) { return true; };
        // Debian's cpp-httplib compresses text answers with brotli when asked, which cost
        // 29 ms against 4 ms for a 7 KB script: gzip only (conventions.h).
        limit_compression(const_cast<httplib::Request&>(req));
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // Called once the answer's last byte is written (a streamed export's too).
    server.set_logger([&s](const httplib::Request& req, const httplib::Response& res) {
        auto start = std::exchange(request_start(), {});
        double seconds = start == std::chrono::steady_clock::time_point{} ? 0 :
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        s.metrics.record(route_label(req.path, res.status), res.status, seconds);
        std::string id = res.has_header("X-Request-Id") ? res.get_header_value("X-Request-Id") : "-";
        auto query = req.target.find('?');
        AccessEntry entry{id, req.method, req.path, req.remote_addr};
        entry.query_bytes = query == std::string::npos ? 0 : req.target.size() - query - 1;
        entry.status = res.status;
        entry.ms = seconds * 1000;
        entry.bytes = answer_bytes(res);
        log_line(level_of(res.status), access_text(entry));
    });
}

// GET /metrics: cheap (a few counters, one Context for the index's revision and size) and
// never cached.
void handle_metrics(Services& s, const httplib::Request&, httplib::Response& res) {
    std::string text = s.metrics.exposition(index_facts(s.pool), s.pool.reopens());
    res.set_header("Cache-Control", "no-store");
    res.set_content(text, "text/plain; version=0.0.4; charset=utf-8");
}

} // namespace

void configure_server(httplib::Server& server) {
    server.set_tcp_nodelay(true); // else delayed ACKs add ~40 ms to each keep-alive answer
    // cpp-httplib's default also sets SO_REUSEPORT, which lets a second searchd bind the same
    // port and take half its connections: keep only SO_REUSEADDR (restart after TIME_WAIT).
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof yes);
    });
}

void register_routes(httplib::Server& server, Services& s) {
    auto bind = [&s](void (*h)(Services&, const httplib::Request&, httplib::Response&)) {
        return timed([&s, h](const httplib::Request& req, httplib::Response& res) { h(s, req, res); });
    };
    for (std::string api : {"/api/v1", "/api"}) { // today's paths are version 1's aliases
        server.Get(api + "/search", bind(handle_search));
        server.Get(api + "/passage/(.+)", bind(handle_passage));
        register_parallel_route(server, s, api); // before /document/{id}, which would take it
        server.Get(api + "/document/(.+)", bind(handle_document));
        server.Get(api + "/facets", bind(handle_facets));
        server.Get(api + "/health", bind(handle_health));
        register_cite_routes(server, s, api); // these two before the catch-all routes below
        register_document_routes(server, s, api);
        register_export_route(server, s, api);
        register_feed_route(server, s, api);
        register_page_routes(server, s, api);
        register_openapi_route(server, api);
    }
    server.Get("/metrics", bind(handle_metrics));
    set_cors(server, s.cors_origins);
    server.Get("/api/.*", timed(handle_other_method));
    server.Post("/.*", timed(handle_other_method));
    server.Put("/.*", timed(handle_other_method));
    server.Delete("/.*", timed(handle_other_method));
    server.Patch("/.*", timed(handle_other_method));
    if (s.web_root) {
        std::filesystem::path root = *s.web_root;
        server.Get("/s/(.+)", timed([&s, root](const httplib::Request& req, httplib::Response& res) {
            handle_permalink(s, root, req, res);
        }));
        server.Get("/.*", timed([root](const httplib::Request& req, httplib::Response& res) {
            auto err = serve_static(root, req.path, res);
            if (err) send_error(res, *err);
        }));
    }
    set_error_answers(server);
    set_logging(server, s);
}

} // namespace mahdar
