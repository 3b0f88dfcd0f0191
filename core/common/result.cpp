#include "common/result.h"

#include <array>

namespace mahdar {
namespace {

struct Row {
    ErrorCode code;
    std::string_view name;
    int http;
    int exit;
};

// The one table of what each failure means to a client and to a shell.
constexpr std::array<Row, 14> table = {{
    {ErrorCode::bad_parameter, "bad_parameter", 400, 2},
    {ErrorCode::not_found, "not_found", 404, 1},
    {ErrorCode::method_not_allowed, "method_not_allowed", 405, 2},
    {ErrorCode::too_long, "too_long", 413, 2},
    {ErrorCode::malformed_request, "malformed_request", 400, 2},
    {ErrorCode::uri_too_long, "uri_too_long", 414, 2},
    {ErrorCode::range_not_satisfiable, "range_not_satisfiable", 416, 2},
    {ErrorCode::headers_too_large, "headers_too_large", 431, 2},
    {ErrorCode::http_error, "http_error", 400, 1},
    {ErrorCode::bad_input, "bad_input", 422, 3},
    {ErrorCode::interrupted, "interrupted", 503, 130},
    {ErrorCode::overloaded, "overloaded", 503, 1},
    {ErrorCode::request_timeout, "request_timeout", 408, 1},
    {ErrorCode::internal, "internal", 500, 1},
}};

const Row& row(ErrorCode code) {
    for (const auto& r : table)
        if (r.code == code) return r;
    return table.back();
}

} // namespace

std::string_view code_name(ErrorCode code) { return row(code).name; }
int http_status(ErrorCode code) { return row(code).http; }
int exit_status(ErrorCode code) { return row(code).exit; }

} // namespace mahdar
