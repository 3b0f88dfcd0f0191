#include "http/static_files.h"

#include <httplib.h>

#include <fstream>
#include <sstream>

namespace mahdar {
namespace fs = std::filesystem;

std::string content_type(const fs::path& file) {
    static const std::pair<const char*, const char*> types[] = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"}, {".svg", "image/svg+xml"},
        {".png", "image/png"}, {".ico", "image/x-icon"}, {".txt", "text/plain; charset=utf-8"},
        {".woff2", "font/woff2"}};
    std::string ext = file.extension().string();
    for (auto [e, t] : types)
        if (ext == e) return t;
    return "application/octet-stream";
}

std::optional<Error> serve_static(const fs::path& root, const std::string& path, httplib::Response& res) {
    Error missing = not_found("no such file: " + path);
    if (path.empty() || path[0] != '/' || path.find('\0') != std::string::npos) return missing;
    std::error_code ec;
    fs::path candidate = fs::weakly_canonical(root / fs::path(path).relative_path(), ec);
    if (ec) return missing;
    if (fs::is_directory(candidate, ec)) candidate /= "index.html";
    candidate = fs::canonical(candidate, ec); // resolves symlinks
    if (ec || !fs::is_regular_file(candidate, ec)) return missing;
    auto rel = candidate.lexically_relative(root);
    if (rel.empty() || *rel.begin() == "..") return missing;
    std::ifstream in(candidate, std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    res.set_content(body.str(), content_type(candidate));
    res.set_header("Cache-Control", "no-cache");
    return std::nullopt;
}

} // namespace mahdar
