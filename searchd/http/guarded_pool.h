// The request thread pool of GuardedServer: cpp-httplib's ThreadPool plus a count of the
// connections waiting for a thread, a connection cap and a watchdog that frees threads for them.
//
// Thread safety: enqueue() is called by the accepting thread only; the workers and the
// watchdog share the job list under one mutex.
#pragma once

#include "http/connection_table.h"
#include "http/server_limits.h"

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mahdar {

class GuardedPool : public httplib::TaskQueue {
public:
    /// `refuse` serves a job over the connection cap on the calling (accepting) thread, where
    /// the job is expected to answer 503 without reading (GuardedServer::refusing()).
    GuardedPool(ConnectionTable& table, const ServerLimits& limits, std::function<void(bool)> refusing);
    ~GuardedPool() override;

    /// Over max_connections the job runs at once with refusing(true); else it waits for a thread.
    void enqueue(std::function<void()> fn) override;
    /// Runs what is queued, then joins the threads (the server has stopped accepting).
    void shutdown() override;

private:
    void work();
    void watch();

    ConnectionTable& table_;
    ServerLimits limits_;
    std::function<void(bool)> refusing_;
    std::mutex mutex_;
    std::condition_variable cond_, watch_cond_;
    std::deque<std::function<void()>> jobs_;
    std::size_t busy_ = 0; ///< threads running a connection
    bool stopping_ = false, watch_stop_ = false;
    std::vector<std::thread> threads_;
    std::thread watchdog_;
};

} // namespace mahdar
