#include "commands/inotify_watch.h"

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/inotify.h>
#include <system_error>
#include <unistd.h>

namespace mahdar {
namespace fs = std::filesystem;

namespace {

// Every folder: files closed after writing, written to (so a slow copy keeps its file waiting),
// created, moved in or out, deleted. IN_EXCL_UNLINK: no events for a deleted file still open.
constexpr std::uint32_t folder_mask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM |
                                      IN_DELETE | IN_ONLYDIR | IN_EXCL_UNLINK;
// The root also says when it is deleted, moved away or made unreadable (IN_ATTRIB on itself).
constexpr std::uint32_t root_mask = folder_mask | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB;

bool under(const fs::path& path, const fs::path& folder) {
    fs::path rel = path.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != "..";
}

std::string watch_error(const fs::path& folder, int err) {
    std::string why = err == ENOSPC ? "the inotify watch limit is reached (raise fs.inotify.max_user_watches)"
                                    : std::strerror(err);
    return "cannot watch " + folder.string() + ": " + why;
}

} // namespace

InotifyWatch::InotifyWatch(fs::path root, std::vector<fs::path> excluded)
    : root_(std::move(root)), excluded_(std::move(excluded)) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "inotify_init1");
}

InotifyWatch::~InotifyWatch() { close(fd_); }

bool InotifyWatch::skipped(const fs::path& folder) const {
    std::string name = folder.filename().string();
    if (name.empty() || name.front() == '.') return true; // list_sources skips hidden folders too
    for (const auto& e : excluded_)
        if (folder == e || under(folder, e)) return true;
    return false;
}

bool InotifyWatch::watch_tree(std::string& problem) {
    clear();
    int wd = inotify_add_watch(fd_, root_.c_str(), root_mask);
    if (wd < 0) {
        problem = watch_error(root_, errno);
        return false;
    }
    root_wd_ = wd;
    folders_[wd] = root_;
    std::error_code ec;
    for (fs::directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec) && !it->is_symlink(ec) && !skipped(it->path())) watch_folder(it->path(), nullptr);
    if (ec) {
        problem = "cannot read " + root_.string() + ": " + ec.message();
        clear();
        return false;
    }
    for (auto& p : take_problems()) problem += (problem.empty() ? "" : "; ") + p;
    return true;
}

void InotifyWatch::clear() {
    for (const auto& [wd, folder] : folders_) inotify_rm_watch(fd_, wd);
    folders_.clear();
    root_wd_ = -1;
}

// Watches `folder` and the folders under it. Files already there are added to `found` (those
// of a folder that has just appeared were written before its watch existed).
bool InotifyWatch::watch_folder(const fs::path& folder, std::vector<FsEvent>* found) {
    int wd = inotify_add_watch(fd_, folder.c_str(), folder_mask);
    if (wd < 0) {
        if (errno != ENOENT) problems_.push_back(watch_error(folder, errno));
        return false;
    }
    folders_[wd] = folder;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_symlink(ec) || !it->is_directory(ec)) {
            if (found) found->push_back({FsEvent::appeared, it->path()});
        } else if (!skipped(it->path())) {
            watch_folder(it->path(), found);
        }
    }
    return true;
}

void InotifyWatch::forget_folder(const fs::path& folder) {
    for (auto it = folders_.begin(); it != folders_.end();) {
        if (it->second == folder || under(it->second, folder)) {
            inotify_rm_watch(fd_, it->first);
            it = folders_.erase(it);
        } else {
            ++it;
        }
    }
}

void InotifyWatch::translate(const inotify_event& e, std::vector<FsEvent>& out) {
    if (e.mask & IN_Q_OVERFLOW) {
        out.push_back({FsEvent::overflow, root_});
        return;
    }
    auto folder = folders_.find(e.wd);
    if (folder == folders_.end()) return; // a watch already dropped
    bool self = e.len == 0;
    if (e.mask & IN_IGNORED) {
        if (e.wd == root_wd_) {
            root_wd_ = -1;
            out.push_back({FsEvent::root_moved, root_});
        }
        folders_.erase(folder);
        return;
    }
    if (self) {
        if (e.wd == root_wd_ && (e.mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB | IN_UNMOUNT)))
            out.push_back({FsEvent::root_moved, root_});
        return;
    }
    fs::path path = folder->second / e.name;
    if (e.mask & IN_ISDIR) {
        if ((e.mask & (IN_CREATE | IN_MOVED_TO)) && !skipped(path)) watch_folder(path, &out);
        if (e.mask & (IN_MOVED_FROM | IN_DELETE)) {
            forget_folder(path);
            out.push_back({FsEvent::gone, path});
        }
        return;
    }
    if (e.mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) out.push_back({FsEvent::written, path});
    else if (e.mask & IN_MODIFY) out.push_back({FsEvent::writing, path});
    else if (e.mask & IN_CREATE) out.push_back({FsEvent::appeared, path});
    else if (e.mask & (IN_MOVED_FROM | IN_DELETE)) out.push_back({FsEvent::gone, path});
}

std::vector<FsEvent> InotifyWatch::wait(std::chrono::milliseconds timeout, const sigset_t* during) {
    std::vector<FsEvent> out;
    pollfd pfd{fd_, POLLIN, 0};
    timespec ts{static_cast<time_t>(timeout.count() / 1000), static_cast<long>(timeout.count() % 1000) * 1000000};
    if (ppoll(&pfd, 1, timeout.count() < 0 ? nullptr : &ts, during) <= 0) return out;
    alignas(inotify_event) char buf[64 * 1024];
    for (;;) {
        ssize_t n = read(fd_, buf, sizeof buf);
        if (n <= 0) break; // EAGAIN: drained
        for (char* p = buf; p < buf + n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(p);
            translate(*e, out);
            p += sizeof(inotify_event) + e->len;
        }
    }
    return out;
}

std::vector<std::string> InotifyWatch::take_problems() {
    std::vector<std::string> out;
    out.swap(problems_);
    return out;
}

} // namespace mahdar
