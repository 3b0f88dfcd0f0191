// mahdar-searchd's start-up failures: each a message that says what to do and its own exit
// status, so an operator (or systemd's journal) tells them apart. README "mahdar-searchd" lists them.
#pragma once

#include <optional>
#include <string>

namespace mahdar {

enum class StartupExit : int {
    stopped = 0,          ///< stopped by SIGINT/SIGTERM after serving
    internal = 1,         ///< anything else (the message says what)
    usage = 2,            ///< bad arguments
    index_unusable = 3,   ///< --db missing, not an index, or unreadable
    web_missing = 4,      ///< --web not a folder, or without index.html
    cannot_listen = 5,    ///< the address is in use, not this machine's, or needs privileges
};

struct StartupError {
    StartupExit exit;
    std::string message; ///< one line, without the program name
};

/// Opens `db` once, read-only: why it cannot serve, or nullopt when it can.
std::optional<StartupError> check_index(const std::string& db);

/// Whether `web` is a folder with an index.html (nullopt) or why not.
std::optional<StartupError> check_web(const std::string& web);

/// The message for a failed bind of host:port, from the errno the bind left.
StartupError listen_error(const std::string& host, int port, int error);

} // namespace mahdar
