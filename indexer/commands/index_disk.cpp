#include "commands/index_disk.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <sstream>

namespace mahdar {

namespace fs = std::filesystem;

namespace {

// Xapian 1.4's stub lines whose argument is a database folder; "remote", "tcp" and "prog"
// name a server instead.
bool is_local_backend(const std::string& word) {
    return word == "auto" || word == "glass" || word == "chert" || word == "flint" || word == "honey";
}

bool is_remote_backend(const std::string& word) {
    return word == "remote" || word == "tcp" || word == "prog";
}

std::string iso_utc(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char b[32];
    std::strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return b;
}

} // namespace

std::vector<ShardPlace> shards_of(const fs::path& path) {
    if (!fs::is_regular_file(path)) return {{path.string(), false}};
    std::ifstream in(path);
    if (!in) throw fs::filesystem_error("cannot read the stub file", path, std::make_error_code(std::errc::io_error));
    std::vector<ShardPlace> out;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string backend, rest;
        words >> backend;
        std::getline(words >> std::ws, rest);
        while (!rest.empty() && (rest.back() == '\r' || rest.back() == ' ')) rest.pop_back();
        if (is_local_backend(backend) && !rest.empty()) {
            fs::path dir(rest);
            if (dir.is_relative()) dir = path.parent_path() / dir;
            out.push_back({dir.lexically_normal().string(), false});
        } else if (is_remote_backend(backend)) {
            out.push_back({backend + " " + rest, true});
        }
    }
    return out;
}

DiskUse disk_use(const fs::path& folder) {
    DiskUse use;
    std::time_t newest = 0;
    auto count = [&](const fs::path& file) {
        struct stat st {};
        if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
        use.bytes += static_cast<std::uintmax_t>(st.st_size);
        newest = std::max(newest, st.st_mtime);
    };
    std::error_code ec;
    if (fs::is_directory(folder, ec)) {
        for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
            count(it->path());
    } else {
        count(folder);
    }
    if (newest != 0) use.modified = iso_utc(newest);
    return use;
}

} // namespace mahdar
