// When a file that the watched folder reports is ready to be read: not while it is still being
// copied in.
#pragma once

#include "commands/inotify_watch.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <vector>

namespace mahdar {

/// Paths waiting to settle. A path settles once no event has come for it for `settle` — or for
/// `open_wait` when it was written to and not closed yet (a copy that pauses) — and its size
/// and modification time are those seen at its last event; otherwise it waits `settle` again.
/// A path that is gone settles like any other (the caller prunes it). Not thread-safe.
class SettleQueue {
public:
    using Clock = std::chrono::steady_clock;

    SettleQueue(std::chrono::milliseconds settle, std::chrono::milliseconds open_wait);

    void note(const std::filesystem::path& path, FsEvent::Kind kind, Clock::time_point now);
    /// The paths settled by `now`, sorted; they leave the queue.
    std::vector<std::filesystem::path> take_settled(Clock::time_point now);
    /// When the next path may settle; Clock::time_point::max() when none waits.
    Clock::time_point next_due() const;
    bool empty() const { return waiting_.empty(); }
    bool waiting(const std::filesystem::path& path) const { return waiting_.count(path) != 0; }
    void clear() { waiting_.clear(); }

private:
    /// What stat() says of a path; equal stamps: the file has not changed in between.
    struct Stamp {
        bool exists = false;
        std::uintmax_t size = 0, inode = 0;
        std::int64_t mtime_ns = 0;
        bool operator==(const Stamp& o) const {
            return exists == o.exists && size == o.size && inode == o.inode && mtime_ns == o.mtime_ns;
        }
    };
    struct Waiting {
        Clock::time_point due;
        bool open = false; ///< written to, not closed since
        Stamp stamp;
    };
    static Stamp stamp_of(const std::filesystem::path& path);

    std::chrono::milliseconds settle_, open_wait_;
    std::map<std::filesystem::path, Waiting> waiting_;
};

} // namespace mahdar
