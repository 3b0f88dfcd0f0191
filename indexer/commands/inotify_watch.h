// A folder tree watched through Linux inotify: the kernel's events, turned into what happened to
// which path (a file written, a file gone, a folder added or gone, the watched folder itself
// gone, events lost).
#pragma once

#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

struct inotify_event; // <sys/inotify.h>

namespace mahdar {

/// One thing that happened under the watched folder.
struct FsEvent {
    enum Kind {
        written,    ///< closed after writing, or moved in: the file is complete as far as we know
        writing,    ///< written to and not closed yet
        appeared,   ///< created (a link, or found in a folder that just appeared)
        gone,       ///< deleted or moved out; a folder's path when the folder went
        root_moved, ///< the watched folder was deleted, moved, unmounted or changed its permissions
        overflow,   ///< the kernel's queue overflowed: events were lost
    } kind = written;
    std::filesystem::path path;
};

/// Watches `root` and every folder under it, except hidden folders and `excluded` ones (the
/// index itself, when it lies inside), and follows folders as they are created, moved in,
/// moved out or deleted. Inotify watches no files, only folders, so a file gets events from
/// its folder. Not thread-safe.
class InotifyWatch {
public:
    /// Throws std::system_error when inotify cannot be set up (not Linux, fd limit).
    InotifyWatch(std::filesystem::path root, std::vector<std::filesystem::path> excluded);
    ~InotifyWatch();
    InotifyWatch(const InotifyWatch&) = delete;
    InotifyWatch& operator=(const InotifyWatch&) = delete;

    /// Watches the whole tree again from the root (after it came back or after an overflow).
    /// Returns false when the root cannot be watched; `problem` then says why. Folders that
    /// cannot be watched (watch limit, permissions) are reported in `problem` and left out.
    bool watch_tree(std::string& problem);
    /// Drops every watch (the root is gone: its watches follow the old folder, if anything).
    void clear();
    /// False once the root's own watch has gone (the root was deleted or unmounted).
    bool root_watched() const { return root_wd_ >= 0; }

    /// Waits up to `timeout` (or for ever when negative) for events, with the signals of
    /// `during` let through so that a stop request ends the wait (ppoll); returns what arrived
    /// (empty on a timeout or a signal). Files in folders that appeared are given as `appeared`.
    std::vector<FsEvent> wait(std::chrono::milliseconds timeout, const sigset_t* during);

    /// Problems met while following new folders (a watch refused), to be logged; cleared.
    std::vector<std::string> take_problems();

private:
    bool watch_folder(const std::filesystem::path& folder, std::vector<FsEvent>* found);
    void forget_folder(const std::filesystem::path& folder);
    bool skipped(const std::filesystem::path& folder) const;
    void translate(const ::inotify_event& e, std::vector<FsEvent>& out);

    std::filesystem::path root_;
    std::vector<std::filesystem::path> excluded_;
    int fd_ = -1;
    int root_wd_ = -1;
    std::map<int, std::filesystem::path> folders_; ///< watch descriptor → folder
    std::vector<std::string> problems_;
};

} // namespace mahdar
