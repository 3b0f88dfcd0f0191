#include "http/openapi_route.h"

#include "common/hash.h"
#include "http/answer.h"
#include "http/conventions.h"

#include <httplib.h>

namespace mahdar {

void register_openapi_route(httplib::Server& server, const std::string& api) {
    std::string_view document = embedded_api_file("openapi.json");
    // The document changes only with the binary: its hash stands for the index's uuid in the
    // ETag, and revision 0 for the index revision it does not depend on.
    std::string fingerprint = fnv1a_hex(document);
    auto handler = [document, fingerprint](const httplib::Request& req, httplib::Response& res) {
        if (auto err = unknown_parameter(req, "openapi")) return send_error(res, *err);
        res.set_header("API-Version", api_version);
        res.set_header("Cache-Control", "no-cache");
        if (not_modified(req, res, 0, fingerprint)) return;
        res.set_content(document.data(), document.size(), "application/json; charset=utf-8");
    };
    server.Get(api + "/openapi.json", timed(handler));
}

} // namespace mahdar
