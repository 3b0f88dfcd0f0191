// The graceful stop (README "Deployment"): on SIGTERM searchd refuses new requests with a 503
// and waits for those under way, a streamed export to its last byte, before it stops.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace mahdar {

/// Counts the requests under way. Thread-safe.
class RequestGate {
public:
    /// A token to hold for as long as a request is under way (its release counts it out); null
    /// once drain() has begun: the request is to be refused.
    std::shared_ptr<void> enter();

    /// Refuses new requests from now on and waits until none is under way, or `deadline` has
    /// passed. The number still under way (0: all finished).
    int drain(std::chrono::milliseconds deadline);

private:
    void leave();
    std::mutex mutex_;
    std::condition_variable idle_;
    int in_flight_ = 0;
    bool draining_ = false;
};

} // namespace mahdar
