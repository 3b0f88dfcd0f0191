#include "http/routes.h"

#include "http/cite_routes.h"
#include "http/json_out.h"
#include "http/request.h"
#include "http/static_files.h"
#include "text/normalise.h"

#include <httplib.h>

#include <chrono>
#include <regex>
#include <cstdio>

namespace mahdar {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
thread_local Clock::time_point request_start;

void send_json(httplib::Response& res, const json& body, int status = 200) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const Error& e) { send_json(res, to_json(e), e.status); }

Params params_of(const httplib::Request& req) { return Params(req.params.begin(), req.params.end()); }

void handle_search(Services& s, const httplib::Request& req, httplib::Response& res) {
    auto lease = s.pool.acquire();
    CountryResolver countries = [&s](std::string_view n) { return s.labels.resolve_country(n); };
    auto r = parse_search_request(params_of(req), lease->parser, countries);
    if (!r) return send_error(res, r.error());
    send_json(res, to_json(with_reopen(*lease, [&](Context& c) { return search(c, r.value(), s.labels); })));
}

void handle_passage(Services& s, const httplib::Request& req, httplib::Response& res) {
    std::string id = req.matches[1];
    if (!is_valid_utf8(id)) return send_error(res, bad_parameter("the passage id is not valid UTF-8"));
    auto lease = s.pool.acquire();
    auto v = with_reopen(*lease, [&id](Context& c) { return get_passage(c, id); });
    if (!v) return send_error(res, v.error());
    send_json(res, to_json(v.value()));
}

void handle_document(Services& s, const httplib::Request& req, httplib::Response& res) {
    std::string id = req.matches[1];
    if (!is_valid_utf8(id)) return send_error(res, bad_parameter("the document id is not valid UTF-8"));
    auto lease = s.pool.acquire();
    auto v = with_reopen(*lease, [&id](Context& c) { return get_document(c, id); });
    if (!v) return send_error(res, v.error());
    send_json(res, to_json(v.value()));
}

void handle_facets(Services& s, const httplib::Request& req, httplib::Response& res) {
    Params p = params_of(req);
    auto field = parse_facet(param(p, "field"));
    if (!field) return send_error(res, bad_parameter("field must be speaker, country, objective, lang, year or month"));
    auto ui = parse_ui(p);
    if (!ui) return send_error(res, ui.error());
    std::string prefix = param(p, "prefix");
    if (!is_valid_utf8(prefix)) return send_error(res, bad_parameter("prefix is not valid UTF-8"));
    auto lease = s.pool.acquire();
    auto values = with_reopen(*lease, [&](Context& c) { return list_facet(c, *field, prefix, ui.value(), s.labels); });
    send_json(res, to_json(*field, values));
}

void handle_health(Services& s, const httplib::Request&, httplib::Response& res) {
    auto lease = s.pool.acquire();
    send_json(res, to_json(with_reopen(*lease, [](Context& c) { return health(c); })));
}

// Known API paths answer 405 to other methods; anything else under /api is 404.
void handle_other_method(const httplib::Request& req, httplib::Response& res) {
    static const std::regex known("^/api/(search|passage/.+|document/.+|facets|health|cite)$");
    if (std::regex_match(req.path, known)) {
        res.set_header("Allow", req.path == "/api/cite" ? "GET, POST" : "GET");
        return send_error(res, {405, "method_not_allowed", req.method + " is not allowed on " + req.path});
    }
    send_error(res, not_found("no such route: " + req.method + " " + req.path));
}

void set_error_answers(httplib::Server& server) {
    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 413) return send_error(res, too_long("the request body is too large"));
        if (res.status == 404) return send_error(res, not_found("no such route: " + req.path));
        send_error(res, {res.status, "http_error", "the request could not be served"});
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const Xapian::Error& e) {
            what = e.get_description();
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        std::fprintf(stderr, "error: %s\n", what.c_str());
        send_error(res, {500, "internal", "internal error: " + what});
    });
}

void set_logging(httplib::Server& server) {
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
        request_start = Clock::now();
        // Debian's cpp-httplib compresses every text answer with brotli or gzip when asked,
        // which costs more time than it saves on the loopback and LAN links searchd serves
        // (measured 29 ms vs 4 ms for a 7 KB script): answer uncompressed.
        const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - request_start).count();
        std::fprintf(stderr, "%s %s %d %.1fms\n", req.method.c_str(), req.path.c_str(), res.status, ms);
    });
}

} // namespace

void configure_server(httplib::Server& server, unsigned threads) {
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_payload_max_length(1 << 20);
    server.set_tcp_nodelay(true); // else delayed ACKs add ~40 ms to each keep-alive answer
}

void register_routes(httplib::Server& server, Services& s) {
    auto bind = [&s](void (*h)(Services&, const httplib::Request&, httplib::Response&)) {
        return [&s, h](const httplib::Request& req, httplib::Response& res) { h(s, req, res); };
    };
    server.Get("/api/search", bind(handle_search));
    server.Get("/api/passage/(.+)", bind(handle_passage));
    server.Get("/api/document/(.+)", bind(handle_document));
    server.Get("/api/facets", bind(handle_facets));
    server.Get("/api/health", bind(handle_health));
    register_cite_routes(server, s); // before the catch-all routes below
    server.Get("/api/.*", handle_other_method);
    server.Post("/.*", handle_other_method);
    server.Put("/.*", handle_other_method);
    server.Delete("/.*", handle_other_method);
    server.Patch("/.*", handle_other_method);
    if (s.web_root) {
        std::filesystem::path root = *s.web_root;
        server.Get("/.*", [root](const httplib::Request& req, httplib::Response& res) {
            auto err = serve_static(root, req.path, res);
            if (err) send_error(res, *err);
        });
    }
    set_error_answers(server);
    set_logging(server);
}

} // namespace mahdar
