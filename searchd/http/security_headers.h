// The security headers of every answer (README "Deployment"): what the browser may load and run
// for the page, no MIME sniffing, no Referer sent to other sites.
#pragma once

#include <httplib.h>

#include <string_view>

namespace mahdar {

/// The page's Content-Security-Policy: its own scripts, styles (files and CSSOM properties,
/// no inline <style> or style attributes), images (and data: URLs, which SVG icons may use), and
/// API calls to this server only; no framing, no <base>, forms only to this server.
inline constexpr const char* page_csp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// Sets X-Content-Type-Options: nosniff and Referrer-Policy: no-referrer on every answer, and
/// page_csp on the page's (not under /api/, which is data and sets its own where it serves a
/// file: an original document's "sandbox"; not /metrics).
void set_security_headers(std::string_view path, httplib::Response& res);

} // namespace mahdar
