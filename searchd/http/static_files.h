// Serving the web page's static files without ever leaving the web root.
#pragma once

#include "common/result.h"

#include <filesystem>
#include <optional>
#include <string>

namespace httplib {
struct Response;
}

namespace mahdar {

/// Serves the file for the (already percent-decoded) URL `path` from `root` (canonical): "/"
/// and folders give their index.html; no directory listings. Paths that resolve outside the
/// root — "..", absolute paths, symlinks pointing out — are 404, as are missing files.
std::optional<Error> serve_static(const std::filesystem::path& root, const std::string& path,
                                  httplib::Response& res);

/// Content type for a file name's extension.
std::string content_type(const std::filesystem::path& file);

} // namespace mahdar
