#include "http/startup.h"

#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace mahdar {

std::optional<StartupError> check_index(const std::string& db) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(db, ec))
        return StartupError{StartupExit::index_unusable,
                            "no index at " + db + " — build one first: mahdar-indexer --db " + db + " REPORTS…"};
    try {
        Xapian::Database probe(db);
        (void)probe.get_doccount();
    } catch (const Xapian::Error& e) {
        return StartupError{StartupExit::index_unusable,
                            "cannot open the index at " + db + ": " + e.get_description()};
    }
    return std::nullopt;
}

std::optional<StartupError> check_web(const std::string& web) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(web, ec))
        return StartupError{StartupExit::web_missing, "the web folder " + web + " does not exist (--web: the repository's web/)"};
    if (!fs::is_regular_file(fs::path(web) / "index.html", ec))
        return StartupError{StartupExit::web_missing, "the web folder " + web + " has no index.html (--web: the repository's web/)"};
    return std::nullopt;
}

StartupError listen_error(const std::string& host, int port, int error) {
    std::string where = host + ":" + std::to_string(port);
    std::string why;
    if (error == EADDRINUSE) why = "the port is in use by another process (another mahdar-searchd?); stop it or pick another --listen";
    else if (error == EACCES) why = "not allowed: ports below 1024 need privileges; use a higher port behind a reverse proxy";
    else if (error == EADDRNOTAVAIL) why = host + " is not an address of this machine";
    else why = error ? std::strerror(error) : "the address could not be resolved";
    return StartupError{StartupExit::cannot_listen, "cannot listen on " + where + ": " + why};
}

} // namespace mahdar
