#include "http/security_headers.h"

namespace mahdar {

void set_security_headers(std::string_view path, httplib::Response& res) {
    bool data = path.rfind("/api/", 0) == 0 || path == "/metrics";
    if (!data) res.set_header("Content-Security-Policy", page_csp);
    res.set_header("X-Content-Type-Options", "nosniff");
    // The page's links leave for other sites (UN documents); its URLs carry what a reader
    // searched for (q=…), which is nobody else's business.
    res.set_header("Referrer-Policy", "no-referrer");
}

} // namespace mahdar
