// `mahdar-indexer --watch DIR --db DB`: keep the index in step with a folder, as files land in
// it, change, move or go.
#pragma once

#include "commands/progress.h"
#include "write/index_writer.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>

namespace mahdar {

struct WatchOptions {
    std::filesystem::path folder;
    std::string db;
    /// How long a file must be quiet (no event, same size and time) before it is read.
    std::chrono::milliseconds settle{1000};
    /// How long a file written to and not closed may stay quiet before it is read anyway.
    std::chrono::milliseconds open_wait{30000};
    /// How often a missing or unreadable folder, or an index locked by another writer, is tried.
    std::chrono::milliseconds retry{2000};
    IndexOptions index; ///< --ocr, --threads, --bulk; prune and on_event are the watcher's own
    ProgressStyle style = ProgressStyle::lines;
};

/// Watches `options.folder` (inotify, Linux) until `stop` becomes true, and returns the exit
/// status: 0 when stopped, 1 on an error it cannot get past (the index cannot be written).
///
/// At start, and whenever the folder comes back after being missing or unreadable, or the
/// kernel's event queue overflowed, one full pass indexes what is new or changed and prunes the
/// passages of files that are gone (as `--prune`: any indexed file that is gone, in the folder
/// or not). Then each file that settles (WatchOptions::settle) is indexed; files that settle
/// together are one batch, one commit, with the files gone since pruned. The index is opened
/// for each batch and closed after, so it is not locked while the folder is quiet; a batch
/// that finds the index locked by another writer waits `retry` and tries again. A missing or
/// unreadable folder prunes nothing: it is logged and tried every `retry` until it is back.
/// A stop request ends the wait at once, or a batch after the file in hand, committed.
/// `stop` is set from a SIGINT/SIGTERM handler: the watcher blocks those two signals in its
/// thread except while it waits or indexes, so a signal is never missed between the two.
int watch_folder(const WatchOptions& options, const std::atomic<bool>& stop);

} // namespace mahdar
