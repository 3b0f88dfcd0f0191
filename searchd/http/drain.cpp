#include "http/drain.h"

namespace mahdar {

std::shared_ptr<void> RequestGate::enter() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (draining_) return nullptr;
    ++in_flight_;
    return std::shared_ptr<void>(static_cast<void*>(this), [this](void*) { leave(); });
}

void RequestGate::leave() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--in_flight_ == 0) idle_.notify_all();
}

int RequestGate::drain(std::chrono::milliseconds deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    draining_ = true;
    idle_.wait_for(lock, deadline, [this] { return in_flight_ == 0; });
    return in_flight_;
}

} // namespace mahdar
