#include "commands/settle.h"

#include <sys/stat.h>

namespace mahdar {
namespace fs = std::filesystem;

SettleQueue::SettleQueue(std::chrono::milliseconds settle, std::chrono::milliseconds open_wait)
    : settle_(settle), open_wait_(open_wait) {}

SettleQueue::Stamp SettleQueue::stamp_of(const fs::path& path) {
    struct stat st{};
    Stamp s;
    if (::stat(path.c_str(), &st) != 0) return s;
    s.exists = true;
    s.size = static_cast<std::uintmax_t>(st.st_size);
    s.inode = static_cast<std::uintmax_t>(st.st_ino);
    s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return s;
}

void SettleQueue::note(const fs::path& path, FsEvent::Kind kind, Clock::time_point now) {
    Waiting& w = waiting_[path];
    if (kind == FsEvent::writing) w.open = true;
    else if (kind == FsEvent::written || kind == FsEvent::gone) w.open = false;
    w.due = now + (w.open ? open_wait_ : settle_);
    w.stamp = stamp_of(path);
}

std::vector<fs::path> SettleQueue::take_settled(Clock::time_point now) {
    std::vector<fs::path> out;
    for (auto it = waiting_.begin(); it != waiting_.end();) {
        Waiting& w = it->second;
        if (w.due > now) {
            ++it;
            continue;
        }
        // Still changing without telling us (written through a mapping, or over a network
        // mount whose events do not come): wait again.
        Stamp now_stamp = stamp_of(it->first);
        if (!(now_stamp == w.stamp)) {
            w.stamp = now_stamp;
            w.due = now + settle_;
            ++it;
            continue;
        }
        out.push_back(it->first);
        it = waiting_.erase(it);
    }
    return out;
}

SettleQueue::Clock::time_point SettleQueue::next_due() const {
    auto next = Clock::time_point::max();
    for (const auto& [path, w] : waiting_) next = std::min(next, w.due);
    return next;
}

} // namespace mahdar
