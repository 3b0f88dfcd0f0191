// searchd's log on stderr (README "Logs and metrics"): every line starts with an ISO 8601 UTC
// timestamp with milliseconds and a level; each request gets one line, with its request id,
// status, duration and size. The query string is never logged (what readers search for is
// theirs): only its length.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>
#include <string_view>

namespace mahdar {

enum class LogLevel { info, warn, error };

/// "2026-12-07T16:49:47.123Z": `t` in UTC, milliseconds.
std::string iso_timestamp(std::chrono::system_clock::time_point t);

/// Writes "TIMESTAMP LEVEL message\n" to stderr in one call, so that the lines of concurrent
/// requests never interleave. Thread-safe.
void log_line(LogLevel level, std::string_view message);

/// The client's X-Request-Id when it is 1–64 characters of [A-Za-z0-9._-] (a proxy's id, e.g.
/// nginx's $request_id), else a new random one of 16 hex digits.
std::string request_id_for(const httplib::Request& req);

/// What the request log says of one answered request.
struct AccessEntry {
    std::string_view request_id, method, path, remote_addr;
    std::size_t query_bytes = 0;
    int status = 0;
    double ms = 0;
    long long bytes = -1; ///< -1: not known (a streamed answer)
};

/// "id=… GET /api/search q=12B 200 3.4ms 5120B 127.0.0.1" (level INFO below 400, WARN for 4xx,
/// ERROR for 5xx: the caller's log_line prefixes it).
std::string access_text(const AccessEntry& e);

/// INFO, WARN or ERROR for an answer's status.
LogLevel level_of(int status);

/// The size of `res` as sent: its body, or the length a content provider declared; -1 for a
/// streamed (chunked) answer.
long long answer_bytes(const httplib::Response& res);

} // namespace mahdar
