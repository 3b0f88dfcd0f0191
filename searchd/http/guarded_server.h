// cpp-httplib's Server, guarded against clients that hold its threads (issue 18 item 3,
// README "Limits"): a deadline per request rather than per read, a connection cap answered 503
// at once, request size limits checked before any body is read, and, while connections wait
// for a thread, idle keep-alive connections and then the slowest readers are cut.
//
// Thread safety: as httplib::Server (configure, then listen; stop() from any thread).
#pragma once

#include "common/result.h"
#include "http/connection_table.h"
#include "http/server_limits.h"

#include <httplib.h>

namespace mahdar {

class GuardedStream;

class GuardedServer : public httplib::Server {
public:
    /// Sets the thread pool (limits.threads) and the body limit; other settings are the caller's.
    explicit GuardedServer(const ServerLimits& limits);

private:
    /// One connection, on a pool thread: requests one after another (keep-alive) until the
    /// client closes, a limit is hit, the connection is taken back or the server stops. Over the
    /// connection cap it runs on the accepting thread and only answers 503.
    bool process_and_close_socket(socket_t sock) override;
    enum class Outcome { keep_open, closed, refused };
    /// One request, whose reading starts at `start`; `last` of the connection's.
    Outcome serve_request(GuardedStream& strm, socket_t sock, bool last, Clock::time_point start);
    void refuse(socket_t sock, const Error& e);

    ServerLimits limits_;
    ConnectionTable table_;
};

} // namespace mahdar
