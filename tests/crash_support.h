// Test support for the indexer's crash safety (issue 18): inputs of many passages, the real
// mahdar-indexer run in the background where a test can kill it, and what an index holds.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mahdar::test {

/// JSON Lines of `passages` passages in documents of 50, named "<prefix>-0", "<prefix>-1"…;
/// `version` is written into every passage, so two versions differ in every passage.
std::string passages_jsonl(const std::string& prefix, std::size_t passages, int version);

/// Passages per document of `files` written by passages_jsonl: {"a-0": 50, …}.
std::map<std::string, std::size_t> documents_of(const std::map<std::string, std::size_t>& files);

/// How the background indexer is run.
struct Spawn {
    /// XAPIAN_FLUSH_THRESHOLD for the child (0: not set); a small one makes Xapian flush its
    /// buffers often, so that a mid-file commit, were there one, would show.
    unsigned flush_threshold = 0;
    /// RLIMIT_FSIZE for the child (0: none), with SIGXFSZ ignored: writes past it fail with EFBIG
    /// as they would on a full disk.
    std::size_t file_size_limit = 0;
};

/// The real mahdar-indexer run in the background with `args`, its stdout and stderr in `log`;
/// killed (SIGKILL) and reaped on destruction if still running.
class BackgroundIndexer {
public:
    BackgroundIndexer(const std::vector<std::string>& args, const std::filesystem::path& log, Spawn spawn = {});
    ~BackgroundIndexer();
    BackgroundIndexer(const BackgroundIndexer&) = delete;
    BackgroundIndexer& operator=(const BackgroundIndexer&) = delete;

    /// True while the process has not exited.
    bool running();
    /// Sends SIGKILL; returns true if the process was still running when it was sent.
    bool kill_now();
    /// Waits for the end: the exit status, or 128 + the signal that ended it.
    int wait();

private:
    pid_t pid_ = -1;
    std::optional<int> status_;
};

/// Runs mahdar-indexer with `args` in the foreground; its exit status (128 + signal if killed).
int run_indexer_args(const std::vector<std::string>& args, const std::filesystem::path& log, Spawn spawn = {});

/// Passages per document (the frequency of each XP term) in the index at `db`; nullopt when
/// the folder does not hold a database Xapian can open (the message in `why`).
std::optional<std::map<std::string, std::size_t>> passages_by_document(const std::filesystem::path& db,
                                                                      std::string* why = nullptr);

/// A fingerprint of the files of the index folder `db` (names, sizes, times): it changes as soon
/// as a writer writes any block, committed or not.
std::string folder_state(const std::filesystem::path& db);

/// The text of a file ("" if none).
std::string read_text(const std::filesystem::path& path);

} // namespace mahdar::test
