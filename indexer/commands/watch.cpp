#include "commands/watch.h"

#include "commands/inotify_watch.h"
#include "commands/settle.h"
#include "ingest/sources.h"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mahdar {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

bool under(const fs::path& path, const fs::path& folder) {
    fs::path rel = path.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != "..";
}

// Lets SIGINT and SIGTERM through for its lifetime (a batch), so that a stop request reaches
// the handler and the indexer's `stop` while it works; they are blocked again after.
class SignalsLetThrough {
public:
    explicit SignalsLetThrough(const sigset_t& stop_signals) : signals_(stop_signals) {
        pthread_sigmask(SIG_UNBLOCK, &signals_, nullptr);
    }
    ~SignalsLetThrough() { pthread_sigmask(SIG_BLOCK, &signals_, nullptr); }
    SignalsLetThrough(const SignalsLetThrough&) = delete;
    SignalsLetThrough& operator=(const SignalsLetThrough&) = delete;

private:
    const sigset_t& signals_;
};

class Watcher {
public:
    Watcher(const WatchOptions& options, const std::atomic<bool>& stop);
    ~Watcher() { pthread_sigmask(SIG_SETMASK, &during_wait_, nullptr); }
    void run();

private:
    enum class Batch { done, locked, folder_gone }; ///< locked: to be tried again

    void say(const char* event, const std::string& text, bool warning = false);
    bool folder_ready(std::string& why) const;
    void go_missing(const std::string& why);
    void try_come_back();
    void handle(const std::vector<FsEvent>& events);
    void on_root_changed();
    bool excluded(const fs::path& path) const;
    void full_pass();
    void settled_batch();
    Batch run_batch(const std::vector<fs::path>& files, Prune prune);
    std::chrono::milliseconds time_to_next() const;

    const WatchOptions& options_;
    const std::atomic<bool>& stop_;
    fs::path root_;
    std::vector<fs::path> excluded_; ///< the index and its bulk shards, should they lie inside
    const WordLists lists_ = WordLists::embedded();
    InotifyWatch inotify_;
    SettleQueue queue_;
    /// Not watching: the folder is missing or unreadable, or must be watched again from scratch.
    bool unwatched_ = true, full_pass_wanted_ = true;
    bool told_locked_ = false; ///< said once while the lock lasts
    dev_t root_dev_ = 0;
    ino_t root_ino_ = 0;
    Clock::time_point not_before_{}; ///< no batch, pass or return before (locked, missing)
    sigset_t stop_signals_{}, during_wait_{};
};

fs::path absolute_of(const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(p), ec);
    return ec ? fs::absolute(p).lexically_normal() : abs;
}

Watcher::Watcher(const WatchOptions& options, const std::atomic<bool>& stop)
    : options_(options), stop_(stop), root_(absolute_of(options.folder)),
      excluded_{absolute_of(options.db), absolute_of(options.db + ".bulk")}, inotify_(root_, excluded_),
      queue_(options.settle, options.open_wait) {
    sigemptyset(&stop_signals_);
    sigaddset(&stop_signals_, SIGINT);
    sigaddset(&stop_signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals_, &during_wait_);
    sigdelset(&during_wait_, SIGINT);
    sigdelset(&during_wait_, SIGTERM);
}

// A line in the log: plain text, or a JSON object under --json; under --quiet, warnings only.
void Watcher::say(const char* event, const std::string& text, bool warning) {
    if (options_.style == ProgressStyle::json) {
        std::cerr << nlohmann::json{{"event", event}, {"folder", root_.string()}, {"message", text}}.dump() << '\n';
    } else if (warning || options_.style != ProgressStyle::quiet) {
        std::cerr << "mahdar-indexer: " << text << '\n';
    }
    std::cerr << std::flush;
}

bool Watcher::folder_ready(std::string& why) const {
    struct stat st{};
    if (::stat(root_.c_str(), &st) != 0) why = std::strerror(errno);
    else if (!S_ISDIR(st.st_mode)) why = "not a folder";
    else if (::access(root_.c_str(), R_OK | X_OK) != 0) why = std::string("not readable: ") + std::strerror(errno);
    else return true;
    return false;
}

void Watcher::go_missing(const std::string& why) {
    say("folder_unavailable",
        root_.string() + " is unavailable (" + why + "); nothing is pruned; trying again every " +
            std::to_string(options_.retry.count()) + " ms",
        true);
    inotify_.clear();
    queue_.clear();
    unwatched_ = true;
    not_before_ = Clock::now() + options_.retry;
}

// The folder is watched again from scratch and a full pass catches what happened meanwhile.
void Watcher::try_come_back() {
    std::string why;
    struct stat st{};
    if (!folder_ready(why) || ::stat(root_.c_str(), &st) != 0 || !inotify_.watch_tree(why)) {
        not_before_ = Clock::now() + options_.retry;
        return;
    }
    if (!why.empty()) say("watch_problem", why, true);
    root_dev_ = st.st_dev;
    root_ino_ = st.st_ino;
    unwatched_ = false;
    full_pass_wanted_ = true;
    not_before_ = {};
}

bool Watcher::excluded(const fs::path& path) const {
    for (const auto& e : excluded_)
        if (path == e || under(path, e)) return true;
    return false;
}

// The root was deleted, moved, unmounted or changed its permissions: unavailable, or (another
// folder now at its path, or its watch lost) watched again from scratch.
void Watcher::on_root_changed() {
    std::string why;
    struct stat st{};
    if (!folder_ready(why) || ::stat(root_.c_str(), &st) != 0) {
        go_missing(why.empty() ? std::strerror(errno) : why);
        return;
    }
    if (inotify_.root_watched() && st.st_dev == root_dev_ && st.st_ino == root_ino_) return;
    say("folder_replaced", root_.string() + " was replaced; watching it again", true);
    unwatched_ = true;
    not_before_ = {};
}

void Watcher::handle(const std::vector<FsEvent>& events) {
    auto now = Clock::now();
    for (const auto& e : events) {
        if (unwatched_) return;
        if (e.kind == FsEvent::overflow) {
            say("overflow", "too many events at once (the kernel's queue overflowed): a full pass", true);
            full_pass_wanted_ = true;
            unwatched_ = true; // watched again from scratch: folders created meanwhile were missed
            not_before_ = {};
            continue;
        }
        if (e.kind == FsEvent::root_moved) {
            on_root_changed();
            continue;
        }
        // A sidecar's change is its document's: the content hash covers both.
        fs::path path = sidecar_document(e.path);
        if (path.empty()) path = e.path;
        if (excluded(path) || !listed_in_folder(root_, path)) continue;
        queue_.note(path, e.kind, now);
    }
    for (const auto& problem : inotify_.take_problems()) say("watch_problem", problem, true);
}

Watcher::Batch Watcher::run_batch(const std::vector<fs::path>& files, Prune prune) {
    std::string why;
    if (prune == Prune::yes && !folder_ready(why)) { // a folder gone is not a reason to prune it all
        go_missing(why);
        return Batch::folder_gone;
    }
    IndexOptions options = options_.index;
    options.prune = prune;
    try {
        IndexWriter writer(options_.db, lists_);
        ProgressView view(options_.style, std::cerr, files);
        options.on_event = [&view](const IndexEvent& e) { view(e); };
        SignalsLetThrough let_through(stop_signals_);
        view.start();
        IndexReport report = writer.index(files, options, stop_);
        view.finish(report, stop_ ? "interrupted" : "done");
        told_locked_ = false;
    } catch (const Xapian::DatabaseLockError&) {
        if (!told_locked_)
            say("index_locked", "the index is locked by another writer; trying again every " +
                                    std::to_string(options_.retry.count()) + " ms", true);
        told_locked_ = true;
        not_before_ = Clock::now() + options_.retry;
        return Batch::locked;
    } catch (const fs::filesystem_error& e) {
        // A file that went between its reading and its size: what is complete was written;
        // a full pass puts the rest right.
        say("batch_failed", std::string(e.what()) + "; a full pass follows", true);
        full_pass_wanted_ = true;
        not_before_ = Clock::now() + options_.retry;
        return Batch::locked;
    }
    return Batch::done;
}

void Watcher::full_pass() {
    auto now = Clock::now();
    auto recent = fs::file_time_type::clock::now() - options_.settle;
    std::vector<fs::path> files;
    for (auto& f : list_sources({root_})) {
        if (excluded(f) || queue_.waiting(f)) continue; // those waiting are read once settled
        std::error_code ec;
        // A file written a moment ago may still be arriving: it settles like any other.
        if (fs::last_write_time(f, ec) > recent && !ec) queue_.note(f, FsEvent::appeared, now);
        else files.push_back(std::move(f));
    }
    if (run_batch(files, Prune::yes) != Batch::done) return;
    full_pass_wanted_ = false;
    if (!stop_)
        say("watching", "watching " + root_.string() + " (settle " + std::to_string(options_.settle.count()) +
                            " ms); Ctrl-C or SIGTERM stops");
}

void Watcher::settled_batch() {
    auto settled = queue_.take_settled(Clock::now());
    std::vector<fs::path> files;
    bool gone = false;
    for (const auto& p : settled) {
        std::error_code ec;
        bool exists = fs::exists(p, ec);
        if (exists && fs::is_regular_file(p, ec)) files.push_back(p);
        else if (!exists && !ec) gone = true;
    }
    if (files.empty() && !gone) return;
    if (run_batch(files, gone ? Prune::yes : Prune::no) == Batch::locked)
        for (const auto& p : settled) queue_.note(p, FsEvent::written, Clock::now());
}

std::chrono::milliseconds Watcher::time_to_next() const {
    auto next = Clock::time_point::max();
    if (unwatched_ || full_pass_wanted_) next = not_before_;
    else if (!queue_.empty()) next = std::max(queue_.next_due(), not_before_);
    if (next == Clock::time_point::max()) return std::chrono::milliseconds(-1);
    auto left = std::chrono::ceil<std::chrono::milliseconds>(next - Clock::now());
    return std::max(left, std::chrono::milliseconds(0));
}

void Watcher::run() {
    std::string why;
    if (!folder_ready(why))
        say("folder_unavailable", "waiting for " + root_.string() + " (" + why + ")", true);
    while (!stop_) {
        auto now = Clock::now();
        if (unwatched_ && now >= not_before_) try_come_back();
        if (!unwatched_ && full_pass_wanted_ && now >= not_before_) full_pass();
        if (!unwatched_ && !full_pass_wanted_ && now >= not_before_ && !stop_) settled_batch();
        if (stop_) break;
        handle(inotify_.wait(time_to_next(), &during_wait_));
    }
    say("stopped", "stopped; the index holds every batch committed so far");
}

} // namespace

int watch_folder(const WatchOptions& options, const std::atomic<bool>& stop) {
    Watcher watcher(options, stop);
    watcher.run();
    return 0;
}

} // namespace mahdar
