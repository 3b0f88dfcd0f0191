// Checks of a request's head made before cpp-httplib reads it, so that a request whose body
// the server would refuse is answered at once and its body never read (issue 18: a GET with a
// 10 MB body was read and answered 200; a Content-Length over the limit got its 413 only after
// the body's read timed out).
#pragma once

#include "common/result.h"
#include "http/server_limits.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mahdar {

/// What to do with a request whose head was read.
struct HeadVerdict {
    std::optional<Error> refusal; ///< answer this and close, reading no body
    std::size_t body = 0;         ///< else the body's length (its Content-Length)
    /// A POST, PUT, PATCH or DELETE with no Content-Length has no body (RFC 9112 §6.3): the
    /// server is told so, or cpp-httplib 0.11 would read until the client closes.
    bool add_zero_length = false;
};

/// A request line that is not "METHOD TARGET HTTP/1.x", or lines ended by a bare LF: 400.
/// GET, HEAD and OPTIONS with a body (Content-Length over 0 or Transfer-Encoding) are refused
/// 400; a chunked body 411 (send a Content-Length); a Content-Length that is not a number 400
/// and one over limits.max_body 413.
HeadVerdict check_head(std::string_view head, const ServerLimits& limits);

/// A complete HTTP/1.1 answer with the API's JSON error body and `Connection: close`; a 503
/// gets `Retry-After: retry_after_s`.
std::string raw_error_answer(const Error& e, int retry_after_s);

} // namespace mahdar
