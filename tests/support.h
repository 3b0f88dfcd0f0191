// Test support: temporary folders and running the project's executables.
#pragma once

#include <filesystem>
#include <string>

#include "text/lexicon.h"
#include "text/stopwords.h"

namespace mahdar::test {

/// The word lists of the build (core/reference/data), parsed once for all tests.
const WordLists& word_lists();
/// The embedded lexicon (text/lexicon.h), parsed once for the whole test program.
const Lexicon& lexicon();

/// A fresh folder under the system temp dir, removed (with its contents) on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/// Output and exit status of a command.
struct CommandResult {
    int status = -1;
    std::string output; ///< stdout and stderr together
};

/// Runs a shell command line, capturing its output.
CommandResult run_command(const std::string& command);

/// A socket connected to 127.0.0.1:port (with a receive buffer of `receive_buffer` bytes when
/// over 0, so a server's answer backs up), or -1. For requests no HTTP client sends.
int connect_local(int port, int receive_buffer = 0);

/// A server program run in the background for a test: "{port}" in `command` becomes a free
/// loopback port; the constructor waits (up to 10 s) until the port accepts connections, and
/// the destructor stops the program. port() is -1 if it never listened.
/// Its stderr goes to `log` ("/dev/null" unless given).
class Daemon {
public:
    explicit Daemon(std::string command, const std::string& log = "/dev/null");
    ~Daemon();
    Daemon(const Daemon&) = delete;
    Daemon& operator=(const Daemon&) = delete;
    int port() const { return port_; }
    /// Sends `signal` to the program and waits for it: its exit status, or -1 if it did not
    /// exit by itself (killed by a signal, or never started).
    int stop(int signal);

private:
    int pid_ = -1, port_ = -1;
};

/// Runs mahdar-indexer with `args` (already quoted as needed).
CommandResult run_indexer(const std::string& args);

/// Writes `content` to `path`, creating parent folders.
void write_file(const std::filesystem::path& path, const std::string& content);

/// The folder tests/fixtures of the source tree.
std::filesystem::path fixtures();

} // namespace mahdar::test
