#include "http/metrics.h"

#include "common/version.h"
#include "http/conventions.h"

#include <xapian.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <filesystem>

namespace mahdar {
namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// "/api/v1/search" or "/api/passage/{id}" for a path under /api, or "".
std::string api_route(std::string_view path) {
    std::string_view prefix = path.rfind("/api/v1/", 0) == 0 ? "/api/v1" : "/api";
    std::string_view rest = path.substr(prefix.size() + 1);
    auto slash = rest.find('/');
    std::string_view name = rest.substr(0, slash);
    bool has_id = slash != std::string_view::npos && slash + 1 < rest.size();
    if (!has_id && slash == std::string_view::npos &&
        one_of(name, {"search", "documents", "facets", "health", "cite", "export", "feed", "crosstab", "openapi.json"}))
        return std::string(prefix) + "/" + std::string(name);
    if (has_id && one_of(name, {"passage", "document", "original", "speaker"}))
        return std::string(prefix) + "/" + std::string(name) + "/{id}";
    return "";
}

void append(std::string& out, const char* format, ...) __attribute__((format(printf, 2, 3)));
void append(std::string& out, const char* format, ...) {
    va_list args, again;
    va_start(args, format);
    va_copy(again, args);
    int n = std::vsnprintf(nullptr, 0, format, args);
    va_end(args);
    if (n > 0) {
        std::size_t at = out.size();
        out.resize(at + static_cast<std::size_t>(n) + 1);
        std::vsnprintf(out.data() + at, static_cast<std::size_t>(n) + 1, format, again);
        out.pop_back(); // vsnprintf's '\0'
    }
    va_end(again);
}

} // namespace

std::string route_label(std::string_view path, int status) {
    if (path.rfind("/api/", 0) == 0) {
        std::string api = api_route(path);
        return api.empty() ? "other" : api;
    }
    if (path == "/metrics") return "/metrics";
    if (path.rfind("/s/", 0) == 0 && path.size() > 3) return "/s/{id}";
    return status < 400 ? "static" : "other";
}

IndexFacts index_facts(ContextPool& pool) {
    IndexFacts facts;
    try {
        auto lease = pool.acquire();
        facts.revision = revision_of(*lease); // 0 over a stub of shards
        facts.passages = lease->db.get_doccount();
    } catch (const Xapian::Error&) { // moved or broken under the server: say so, go on
        facts.readable = false;
        return facts;
    }
    std::error_code ec;
    if (std::filesystem::is_regular_file(pool.path(), ec)) return facts; // a stub: the shards are elsewhere
    for (const auto& entry : std::filesystem::recursive_directory_iterator(pool.path(), ec))
        if (entry.is_regular_file(ec)) facts.size_bytes += entry.file_size(ec);
    return facts;
}

Metrics::Metrics() : started_(std::chrono::system_clock::now()) {}

void Metrics::record(const std::string& route, int status, double seconds) {
    auto bucket = std::lower_bound(buckets.begin(), buckets.end(), seconds) - buckets.begin();
    std::lock_guard<std::mutex> lock(mutex_);
    Route& r = routes_[route];
    ++r.by_status[status];
    if (bucket < static_cast<long>(buckets.size())) ++r.in_bucket[static_cast<std::size_t>(bucket)];
    ++r.count;
    r.sum += seconds;
}

std::string Metrics::exposition(const IndexFacts& index, const ReopenCounts& reopens) const {
    std::string out;
    out += "# HELP mahdar_http_requests_total HTTP requests answered, by route pattern and status.\n"
           "# TYPE mahdar_http_requests_total counter\n";
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [route, r] : routes_)
        for (const auto& [status, n] : r.by_status)
            append(out, "mahdar_http_requests_total{route=\"%s\",status=\"%d\"} %llu\n", route.c_str(), status,
                   static_cast<unsigned long long>(n));
    out += "# HELP mahdar_http_request_duration_seconds Time from reading a request to its last byte sent.\n"
           "# TYPE mahdar_http_request_duration_seconds histogram\n";
    for (const auto& [route, r] : routes_) {
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < buckets.size(); ++i) {
            cumulative += r.in_bucket[i];
            append(out, "mahdar_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n", route.c_str(),
                   buckets[i], static_cast<unsigned long long>(cumulative));
        }
        append(out, "mahdar_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n", route.c_str(),
               static_cast<unsigned long long>(r.count));
        append(out, "mahdar_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n", route.c_str(), r.sum);
        append(out, "mahdar_http_request_duration_seconds_count{route=\"%s\"} %llu\n", route.c_str(),
               static_cast<unsigned long long>(r.count));
    }
    append(out,
           "# HELP mahdar_index_readable 1 when the index opens, else 0 (requests then fail with 500).\n"
           "# TYPE mahdar_index_readable gauge\nmahdar_index_readable %d\n"
           "# HELP mahdar_index_revision The index revision served.\n# TYPE mahdar_index_revision gauge\n"
           "mahdar_index_revision %llu\n"
           "# HELP mahdar_index_documents Passages in the index (Xapian documents).\n"
           "# TYPE mahdar_index_documents gauge\nmahdar_index_documents %llu\n"
           "# HELP mahdar_index_size_bytes Size of the index folder's files.\n"
           "# TYPE mahdar_index_size_bytes gauge\nmahdar_index_size_bytes %llu\n",
           index.readable ? 1 : 0, index.revision, index.passages, static_cast<unsigned long long>(index.size_bytes));
    append(out,
           "# HELP mahdar_index_reopens_total Database re-opens by request contexts: new_revision after the "
           "indexer committed, retry when a revision went away mid-request.\n"
           "# TYPE mahdar_index_reopens_total counter\n"
           "mahdar_index_reopens_total{reason=\"new_revision\"} %llu\n"
           "mahdar_index_reopens_total{reason=\"retry\"} %llu\n",
           reopens.new_revision.load(), reopens.retries.load());
    double started = std::chrono::duration<double>(started_.time_since_epoch()).count();
    append(out,
           "# HELP process_start_time_seconds Start time of the process since the Unix epoch.\n"
           "# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds %.3f\n"
           "# HELP mahdar_build_info The version of mahdar-searchd and of Xapian, as labels.\n"
           "# TYPE mahdar_build_info gauge\nmahdar_build_info{version=\"%s\",xapian=\"%s\"} 1\n",
           started, project_version(), Xapian::version_string());
    return out;
}

} // namespace mahdar
