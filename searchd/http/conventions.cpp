#include "http/conventions.h"

#include "common/hash.h"
#include "common/strings.h"
#include "http/answer.h"

#include <zlib.h>

#include <algorithm>
#include <map>

namespace mahdar {

namespace {

// Answers smaller than a TCP segment gain nothing from compression.
constexpr std::size_t compress_from_bytes = 1400;

} // namespace

const std::vector<std::string>& known_parameters(const std::string& route) {
    static const std::map<std::string, std::vector<std::string>> table = {
        {"search", {"q", "page", "size", "sort", "collapse", "speaker", "country", "objective", "lang", "symbol", "doc",
                    "not_speaker", "not_country", "not_objective", "not_lang", "not_symbol", "not_doc", "from", "to",
                    "undated", "ui", "facet_limit", "facet_prefix", "partial", "langs"}},
        {"export", {"q", "sort", "collapse", "speaker", "country", "objective", "lang", "symbol", "doc",
                    "not_speaker", "not_country", "not_objective", "not_lang", "not_symbol", "not_doc", "from", "to",
                    "undated", "ui", "format", "limit", "langs"}},
        {"feed", {"q", "collapse", "speaker", "country", "objective", "lang", "symbol", "doc",
                  "not_speaker", "not_country", "not_objective", "not_lang", "not_symbol", "not_doc", "from", "to",
                  "undated", "ui", "limit", "langs"}},
        {"facets", {"field", "prefix", "ui"}},
        {"crosstab", {"q", "speaker", "country", "objective", "lang", "symbol", "doc", "from", "to", "ui", "rows", "cols",
                      "limit"}},
        {"speaker", {"ui"}},
        {"cite", {"text", "lang"}},
        {"documents", {"symbol"}},
        {"passage", {"q"}},
        {"document", {"q"}},
        {"parallel", {"lang"}},
    };
    static const std::vector<std::string> none;
    auto it = table.find(route);
    return it == table.end() ? none : it->second;
}

std::optional<Error> unknown_parameter(const httplib::Request& req, const std::string& route) {
    const auto& known = known_parameters(route);
    for (const auto& [name, value] : req.params) {
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        Error e = bad_parameter("unknown parameter \"" + name + "\": /api/" + route +
                                (known.empty() ? " takes no parameters" : " takes " + joined(known, ", ")));
        e.parameter = name;
        e.valid = known;
        return e;
    }
    return std::nullopt;
}

unsigned long long revision_of(Context& c) {
    try {
        return c.db.get_revision();
    } catch (const Xapian::Error&) {
        return 0;
    }
}

void stamp_answer(httplib::Response& res, unsigned long long revision) {
    res.set_header("API-Version", api_version);
    res.set_header("Index-Revision", std::to_string(revision));
    res.set_header("Cache-Control", "no-cache");
}

bool not_modified(const httplib::Request& req, httplib::Response& res, unsigned long long revision,
                  const std::string& uuid) {
    // The request line without the version prefix: /api/v1/search and /api/search are one answer.
    std::string target = req.target;
    if (starts_with(target, "/api/v1/")) target.erase(4, 3);
    // Weak: the gzipped and the plain answer are the same answer.
    std::string tag = "W/\"" + std::to_string(revision) + "-" + fnv1a_hex(uuid + "\n" + target) + "\"";
    res.set_header("ETag", tag);
    std::string asked = req.get_header_value("If-None-Match");
    if (asked.empty() || (asked != "*" && asked.find(tag.substr(2)) == std::string::npos)) return false;
    res.status = 304;
    return true;
}

std::string allowed_methods(const std::string& path) {
    bool cite = path == "/api/cite" || path == "/api/v1/cite";
    return cite ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS";
}

void set_cors(httplib::Server& server, std::set<std::string> allowed) {
    auto allow = [allowed](const httplib::Request& req, httplib::Response& res) {
        std::string origin = req.get_header_value("Origin");
        if (origin.empty() || (!allowed.count("*") && !allowed.count(origin))) return false;
        if (res.has_header("Access-Control-Allow-Origin")) return true; // the preflight's own
        res.set_header("Access-Control-Allow-Origin", allowed.count("*") ? "*" : origin);
        res.set_header("Vary", "Origin");
        res.set_header("Access-Control-Expose-Headers", "ETag, API-Version, Index-Revision, Server-Timing");
        return true;
    };
    if (!allowed.empty())
        server.set_post_routing_handler([allow](const httplib::Request& req, httplib::Response& res) { allow(req, res); });
    server.Options("/api/.*", [allow](const httplib::Request& req, httplib::Response& res) {
        res.status = 204;
        res.set_header("API-Version", api_version);
        res.set_header("Allow", allowed_methods(req.path));
        if (!allow(req, res)) return;
        res.set_header("Access-Control-Allow-Methods", allowed_methods(req.path));
        res.set_header("Access-Control-Allow-Headers", "Content-Type, If-None-Match");
        res.set_header("Access-Control-Max-Age", "86400");
    });
}

// gzip of `in` (zlib's gzip wrapper, default level), or nullopt on failure.
std::optional<std::string> gzipped(const std::string& in) {
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
    std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) return std::nullopt;
    return out;
}

void finish_answer(const httplib::Request& req, httplib::Response& res) {
    if (starts_with(req.path, "/api/") && !res.has_header("API-Version")) res.set_header("API-Version", api_version);
    // cpp-httplib 0.11 compresses "application/json" only without a charset: text answers are
    // compressed here, and the request's Accept-Encoding is dropped so that nothing is
    // compressed twice. (The originals, streamed by a content provider, go as they are.)
    std::string asked = req.get_header_value("Accept-Encoding");
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
    std::string type = res.get_header_value("Content-Type");
    bool text = starts_with(type, "application/json") || starts_with(type, "text/") ||
                starts_with(type, "application/javascript") || starts_with(type, "image/svg+xml") ||
                starts_with(type, "application/atom+xml");
    if (asked.find("gzip") == std::string::npos || res.body.size() < compress_from_bytes ||
        res.has_header("Content-Encoding") || !text)
        return;
    if (auto body = gzipped(res.body)) {
        res.body = std::move(*body);
        res.set_header("Content-Encoding", "gzip");
        res.set_header("Vary", "Accept-Encoding");
    }
}

void limit_compression(httplib::Request& req) {
    std::string asked = req.get_header_value("Accept-Encoding");
    req.headers.erase("Accept-Encoding");
    if (asked.find("gzip") != std::string::npos) req.headers.emplace("Accept-Encoding", "gzip");
}

} // namespace mahdar
