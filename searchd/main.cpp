// mahdar-searchd: the HTTP JSON API and the web page.
#include "http/guarded_server.h"
#include "common/version.h"
#include "http/access_log.h"
#include "http/routes.h"
#include "http/startup.h"

#include <httplib.h>
#include <xapian.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <iostream>
#include <malloc.h>
#include <pthread.h>
#include <set>
#include <string>
#include <thread>

namespace {

constexpr const char* usage =
    "usage: mahdar-searchd --db DIR [--listen HOST:PORT] [--web DIR] [--threads N]\n"
    "       mahdar-searchd --help | --version\n"
    "  --listen  default 127.0.0.1:8080; port 0 picks a free port\n"
    "  --web     folder of static files served at / (the search page)\n"
    "  --threads request threads (default 32: each open connection holds one while it is served)\n"
    "  --max-connections N  connections open or waiting for a thread (default 256); more are\n"
    "            answered 503 overloaded with Retry-After at once\n"
    "  --request-timeout SECONDS  to send a whole request, head and body (default 10); then 408\n"
    "  --max-wildcards N  word* prefixes in one query (default 10); more are a 400\n"
    "  --max-terms N  words, phrases and field:value filters in one query (default 64); more, a 400\n"
    "  --search-budget SECONDS  the matcher's time to count a search's matches (default 2; 0: no\n"
    "            limit); past it the answer has \"partial\": true and estimated counts\n"
    "  --cors-origin ORIGIN  a web origin (https://intranet.example.org) whose pages may call the\n"
    "            API from a browser; repeatable; * allows any\n"
    "  --max-exports N  exports streaming at once (default 2); more get 503 with Retry-After\n"
    "  --public-url URL  the address readers reach the page at (https://mahdar.example.org, behind a\n"
    "            reverse proxy): the links of Atom feeds; default http:// and the request's Host\n"
    "Logs one line per request on stderr; GET /metrics for Prometheus. SIGTERM: new requests get\n"
    "503, those under way finish (up to 60 s), exits 0. Exit status: 0 stopped, 1 internal error, 2 usage,\n"
    "3 index unusable, 4 web folder unusable, 5 cannot listen (README \"mahdar-searchd\").\n";

struct Args {
    std::string db, host = "127.0.0.1", web;
    int port = 8080;
    mahdar::ServerLimits limits;
    mahdar::QueryLimits query_limits;
    double search_budget = 2.0;
    std::set<std::string> cors_origins;
    int max_exports = 2;
    std::string public_url;
};

bool parse_listen(const std::string& v, Args& a) {
    auto colon = v.rfind(':');
    if (colon == std::string::npos) return false;
    a.host = v.substr(0, colon);
    try {
        a.port = std::stoi(v.substr(colon + 1));
    } catch (...) {
        return false;
    }
    return a.port >= 0 && a.port < 65536 && !a.host.empty();
}

// An http(s) URL with no query; a trailing '/' is dropped (links add their own).
bool parse_public_url(std::string v, Args& a) {
    if (v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0) return false;
    if (v.find_first_of("?# \"<>") != std::string::npos) return false;
    while (v.back() == '/') v.pop_back();
    a.public_url = v;
    return v.find("//") + 2 < v.size();
}

bool parse_args(int argc, char** argv, Args& a) {
    for (int i = 1; i < argc; ++i) {
        std::string k = argv[i];
        bool has_value = i + 1 < argc;
        if (k == "--db" && has_value) a.db = argv[++i];
        else if (k == "--web" && has_value) a.web = argv[++i];
        else if (k == "--listen" && has_value) { if (!parse_listen(argv[++i], a)) return false; }
        else if (k == "--cors-origin" && has_value) a.cors_origins.insert(argv[++i]);
        else if (k == "--public-url" && has_value) { if (!parse_public_url(argv[++i], a)) return false; }
        else if (k == "--max-exports" && has_value) a.max_exports = std::max(1, std::atoi(argv[++i]));
        else if (k == "--threads" && has_value) a.limits.threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        else if (k == "--max-connections" && has_value) a.limits.max_connections = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
        else if (k == "--request-timeout" && has_value) a.limits.request_timeout = std::chrono::milliseconds(static_cast<long>(std::max(0.1, std::atof(argv[++i])) * 1000));
        else if (k == "--search-budget" && has_value) a.search_budget = std::max(0.0, std::atof(argv[++i]));
        else if (k == "--max-terms" && has_value) a.query_limits.max_terms = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        else if (k == "--max-wildcards" && has_value) a.query_limits.max_wildcards = static_cast<unsigned>(std::max(0, std::atoi(argv[++i])));
        else return false;
    }
    return !a.db.empty();
}

// SIGINT/SIGTERM are blocked in every thread and taken here: new requests get a 503, those under
// way finish (a streamed export to its last byte, for up to a minute: systemd waits 90 s), then
// the server stops and main returns 0.
void stop_on_signal(httplib::Server& server, mahdar::RequestGate& gate, sigset_t signals) {
    int sig = 0;
    sigwait(&signals, &sig);
    mahdar::log_line(mahdar::LogLevel::info, "mahdar-searchd: stopping; finishing the requests under way");
    if (int left = gate.drain(std::chrono::seconds(60)))
        mahdar::log_line(mahdar::LogLevel::warn, "mahdar-searchd: " + std::to_string(left) + " requests cut short");
    server.stop();
}

// Each search allocates bitmaps and ranking arrays of a few MB, freed at its end. With glibc's
// defaults that memory goes back to the kernel and is faulted in again, zeroed, by the next
// search: on the 1M-passage index a one-word search took 27 ms instead of 15 ms. (32 MiB is
// the largest mmap threshold glibc accepts on 64-bit.)
void keep_freed_memory() {
    if (mallopt(M_MMAP_THRESHOLD, 32 << 20) != 1 || mallopt(M_TRIM_THRESHOLD, 256 << 20) != 1)
        mahdar::log_line(mahdar::LogLevel::warn, "mahdar-searchd: mallopt refused; searches will be slower");
}

int refuse(const mahdar::StartupError& e) {
    mahdar::log_line(mahdar::LogLevel::error, "mahdar-searchd: " + e.message);
    return static_cast<int>(e.exit);
}

} // namespace

int main(int argc, char** argv) {
    if (mahdar::has_flag(argc, argv, "--help")) {
        std::cout << usage;
        return 0;
    }
    if (mahdar::has_flag(argc, argv, "--version")) {
        std::cout << mahdar::version_line("mahdar-searchd") << '\n';
        return 0;
    }
    keep_freed_memory();
    Args args;
    if (!parse_args(argc, argv, args)) {
        std::cerr << usage;
        return static_cast<int>(mahdar::StartupExit::usage);
    }
    auto problem = mahdar::check_index(args.db);
    if (!problem && !args.web.empty()) problem = mahdar::check_web(args.web);
    if (problem) return refuse(*problem);
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    try {
        mahdar::ReferenceData data;
        mahdar::Labels labels(data);
        const mahdar::WordLists lists = mahdar::WordLists::embedded();
        mahdar::ContextPool pool(args.db, [&labels](std::string_view n) { return labels.resolve_country(n); }, lists);
        std::optional<std::filesystem::path> web;
        if (!args.web.empty()) web = std::filesystem::canonical(args.web);
        mahdar::Services services{pool, labels, web, args.cors_origins, args.max_exports};
        services.public_url = args.public_url;
        pool.set_query_limits(args.query_limits);
        pool.set_search_budget(args.search_budget);
        const mahdar::Lexicon lexicon = mahdar::Lexicon::embedded(); // langs=all
        pool.set_lexicon(&lexicon);
        mahdar::GuardedServer server(args.limits);
        mahdar::configure_server(server);
        mahdar::register_routes(server, services);
        errno = 0;
        int port = args.port == 0 ? server.bind_to_any_port(args.host)
                                  : (server.bind_to_port(args.host, args.port) ? args.port : -1);
        if (port < 0) return refuse(mahdar::listen_error(args.host, args.port, errno));
        std::printf("listening on http://%s:%d\n", args.host.c_str(), port);
        std::fflush(stdout);
        mahdar::log_line(mahdar::LogLevel::info, mahdar::version_line("mahdar-searchd") + " listening on http://" +
                                                     args.host + ":" + std::to_string(port));
        std::thread signal_thread(stop_on_signal, std::ref(server), std::ref(services.gate), signals);
        server.listen_after_bind();
        signal_thread.join();
        mahdar::log_line(mahdar::LogLevel::info, "mahdar-searchd: stopped");
        return 0;
    } catch (const Xapian::Error& e) {
        mahdar::log_line(mahdar::LogLevel::error, "mahdar-searchd: " + e.get_description());
    } catch (const std::exception& e) {
        mahdar::log_line(mahdar::LogLevel::error, "mahdar-searchd: " + std::string(e.what()));
    }
    return mahdar::exit_status(mahdar::ErrorCode::internal);
}
