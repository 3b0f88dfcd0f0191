// GET /metrics: Prometheus text exposition (format 0.0.4) of requests by route and status, their
// latency, the index served and its re-opens (README "Logs and metrics").
#pragma once

#include "search/searcher.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace mahdar {

/// The route pattern of a request, a bounded set of labels: "/api/v1/search",
/// "/api/passage/{id}", "/s/{id}", "/metrics", "static" (a file of the page answered), and
/// "other" for anything else (unknown paths never become labels of their own).
std::string route_label(std::string_view path, int status);

/// What /metrics says of the index, read when scraped.
struct IndexFacts {
    bool readable = true; ///< false: opening it failed (the other facts are 0)
    unsigned long long revision = 0;
    unsigned long long passages = 0;
    std::uintmax_t size_bytes = 0; ///< the files of the index folder
};

/// Reads IndexFacts through a Context of `pool` (its size: the index folder's files); an index
/// that cannot be opened is said so, not thrown.
IndexFacts index_facts(ContextPool& pool);

/// Request counts and latencies by route. Thread-safe: record() and exposition() take a mutex
/// held for a few map operations (requests run on many threads).
class Metrics {
public:
    /// Upper bounds of the latency histogram's buckets, in seconds (+Inf is implied).
    static constexpr std::array<double, 13> buckets{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

    Metrics();
    void record(const std::string& route, int status, double seconds);
    /// The whole exposition: requests, latency histogram, `index`, `reopens`, start time and build.
    std::string exposition(const IndexFacts& index, const ReopenCounts& reopens) const;

private:
    struct Route {
        std::map<int, std::uint64_t> by_status;
        std::array<std::uint64_t, buckets.size()> in_bucket{}; ///< not cumulative
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::string, Route> routes_;
    std::chrono::system_clock::time_point started_;
};

} // namespace mahdar
