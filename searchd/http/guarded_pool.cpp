#include "http/guarded_pool.h"

namespace mahdar {

GuardedPool::GuardedPool(ConnectionTable& table, const ServerLimits& limits, std::function<void(bool)> refusing)
    : table_(table), limits_(limits), refusing_(std::move(refusing)) {
    for (unsigned i = 0; i < limits_.threads; ++i) threads_.emplace_back([this] { work(); });
    watchdog_ = std::thread([this] { watch(); });
}

GuardedPool::~GuardedPool() {
    if (!threads_.empty() || watchdog_.joinable()) shutdown();
}

void GuardedPool::enqueue(std::function<void()> fn) {
    if (table_.open() >= limits_.max_connections) {
        refusing_(true);
        fn();
        refusing_(false);
        return;
    }
    table_.accepted();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs_.push_back(std::move(fn));
    }
    cond_.notify_one();
}

void GuardedPool::shutdown() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    table_.close_idle();
    cond_.notify_all();
    for (auto& t : threads_) t.join();
    threads_.clear();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        watch_stop_ = true;
    }
    watch_cond_.notify_all();
    if (watchdog_.joinable()) watchdog_.join();
    table_.close_lingering();
}

void GuardedPool::work() {
    for (;;) {
        std::function<void()> fn;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            cond_.wait(lock, [this] { return !jobs_.empty() || stopping_; });
            if (jobs_.empty()) return;
            fn = std::move(jobs_.front());
            jobs_.pop_front();
            ++busy_;
        }
        fn();
        std::lock_guard<std::mutex> lock(mutex_);
        --busy_;
    }
}

// Every 50 ms: a connection waiting for a thread takes one from an idle keep-alive connection,
// else from the request being read the longest (past evict_after); refused sockets are drained.
// Waiting means more queued connections than free threads: a connection just accepted while a
// thread is free is not waiting, and taking a keep-alive connection for it — idle for the
// instant between a client's answer and its next request — would cut that client off for
// nothing (the soak saw 0.7% of requests fail so with 16 clients on 32 threads).
void GuardedPool::watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!watch_stop_) {
        std::size_t free = limits_.threads > busy_ ? limits_.threads - busy_ : 0;
        std::size_t waiting = jobs_.size() > free ? jobs_.size() - free : 0;
        lock.unlock();
        if (waiting > 0) table_.evict(waiting, limits_.evict_after);
        table_.drain_lingering();
        lock.lock();
        watch_cond_.wait_for(lock, std::chrono::milliseconds(50));
    }
}

} // namespace mahdar
