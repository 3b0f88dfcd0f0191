// The HTTP surface: every route of the API and the static web page.
#pragma once

#include "facets/labels.h"
#include "http/drain.h"
#include "http/metrics.h"
#include "search/searcher.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>

namespace httplib {
class Server;
}

namespace mahdar {

/// What the handlers use; all outlive the server.
struct Services {
    ContextPool& pool;
    const Labels& labels;
    std::optional<std::filesystem::path> web_root; ///< canonical; nullopt: no static files
    std::set<std::string> cors_origins = {};       ///< origins allowed to call the API ("*": any)
    /// Exports streaming at once; one more is a 503 with Retry-After (each holds a Context and
    /// a request thread for as long as its client reads).
    int max_exports = 2;
    /// The address readers reach this server at ("https://mahdar.example.org", no trailing '/'),
    /// for the absolute links of Atom feeds; "": http:// and the request's Host header.
    std::string public_url = {};
    std::atomic<int> exports_running{0};
    Metrics metrics{}; ///< what the request log records, served at /metrics
    RequestGate gate{}; ///< requests under way; drained on SIGTERM (main.cpp)
};

/// Sets TCP_NODELAY and the listening socket's options (the thread pool and the request limits
/// are GuardedServer's).
void configure_server(httplib::Server& server);

/// Registers the API routes, the static files of the web root, JSON error answers (404, 405,
/// 413, 500), the security headers, GET /metrics and the request log (one line per request on
/// stderr, access_log.h).
void register_routes(httplib::Server& server, Services& services);

} // namespace mahdar
