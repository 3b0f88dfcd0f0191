// What each request thread is doing with its connection, so that while new connections wait
// for a thread the ones doing nothing useful can be taken back (issue 18: 33 clients trickling
// headers stopped all service).
//
// Thread safety: every member may be called from any thread; one mutex guards the table. A
// socket is shut down only while it is in the table, and a thread removes its socket before
// closing it, so a shut-down never reaches a reused descriptor.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <vector>

namespace mahdar {

using Clock = std::chrono::steady_clock;

enum class ConnectionState {
    idle,       ///< keep-alive, waiting for the client's next request
    reading,    ///< reading a request's head or body
    processing, ///< handling it and writing the answer
};

class ConnectionTable {
public:
    /// A connection accepted and handed to the thread pool (counted until finished()).
    void accepted() { open_.fetch_add(1); }
    /// Accepted and not yet finished: waiting for a thread or being served.
    std::size_t open() const { return open_.load(); }

    /// Its thread starts serving `sock`, reading its first request.
    void start(socket_t sock);
    void set_state(socket_t sock, ConnectionState state);
    /// Whether the watchdog took `sock` back (its reads end, it gets no answer).
    bool evicted(socket_t sock);
    /// Its thread is done with `sock` and will close it: out of the table and of open().
    void finish(socket_t sock);

    /// Shuts down up to `n` connections, minus those shut down and not yet finished: idle ones
    /// first, oldest first, then ones reading a request for at least `min_reading`, the longest
    /// first. Returns how many it shut down now.
    std::size_t evict(std::size_t n, Clock::duration min_reading);

    /// Shuts down every connection waiting idle (the server is stopping).
    void close_idle();

    /// Takes a refused socket whose answer was written: read and dropped until the client closes
    /// or for a second, then closed, so the client sees the answer rather than a reset.
    void linger(socket_t sock);
    /// Reads the lingering sockets and closes those that are done. Called by the watchdog.
    void drain_lingering();
    /// Closes every lingering socket.
    void close_lingering();

private:
    struct Entry {
        ConnectionState state;
        Clock::time_point since;
        bool evicted = false;
    };
    struct Lingering {
        socket_t sock;
        Clock::time_point until;
    };
    std::mutex mutex_;
    std::map<socket_t, Entry> entries_;
    std::vector<Lingering> lingering_;
    std::atomic<std::size_t> open_{0};
};

} // namespace mahdar
