// The limits that keep one client from holding the server (README "Limits"): set from
// mahdar-searchd's flags, read by GuardedServer.
#pragma once

#include <chrono>
#include <cstddef>

namespace mahdar {

struct ServerLimits {
    unsigned threads = 32; ///< request threads: each serves one connection at a time
    /// Connections open or waiting for a thread; one more is answered 503 with Retry-After at
    /// once, on the accepting thread, and closed.
    std::size_t max_connections = 256;
    /// From when a thread starts reading a request (the first byte of a keep-alive
    /// connection's next request) to its last body byte; past it the client gets a 408 and
    /// the connection is closed, however steadily it trickles.
    std::chrono::milliseconds request_timeout{10000};
    std::size_t max_head = 32 << 10; ///< request line and headers together; over: 431
    std::size_t max_body = 1 << 20;  ///< Content-Length; over: 413 before any body is read
    /// While connections wait for a thread, a request thread reading a request this long is
    /// taken from its client (idle keep-alive connections go first, at any age).
    std::chrono::milliseconds evict_after{500};
    int retry_after_s = 2; ///< the Retry-After of a 503
};

} // namespace mahdar
