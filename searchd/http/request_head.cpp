#include "http/request_head.h"

#include "http/json_out.h"

#include <algorithm>
#include <cctype>

namespace mahdar {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// The value of header `name` (lower case), or nullopt.
std::optional<std::string_view> header(std::string_view head, std::string_view name) {
    for (std::size_t at = head.find("\r\n"); at != std::string_view::npos && at + 2 < head.size();) {
        std::size_t start = at + 2, end = head.find("\r\n", start);
        std::string_view line = head.substr(start, end - start);
        auto colon = line.find(':');
        if (colon != std::string_view::npos && lower(trim(line.substr(0, colon))) == name)
            return trim(line.substr(colon + 1));
        at = end;
    }
    return std::nullopt;
}

const char* reason(int status) {
    switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

} // namespace

HeadVerdict check_head(std::string_view head, const ServerLimits& limits) {
    std::size_t lead = head.find_first_not_of("\r\n");
    std::string method(head.substr(lead, head.find(' ', lead) - lead));
    bool bodiless = method == "GET" || method == "HEAD" || method == "OPTIONS";
    auto length = header(head, "content-length");
    auto coding = header(head, "transfer-encoding");
    HeadVerdict v;
    if (bodiless && (coding || (length && *length != "0")))
        v.refusal = Error(ErrorCode::malformed_request, "a " + method + " request has no body: send a text by POST");
    else if (coding)
        v.refusal = Error(ErrorCode::http_error, "send the body with a Content-Length, not chunked", 411);
    else if (length && (length->empty() || length->size() > 18 || !std::all_of(length->begin(), length->end(), ::isdigit)))
        v.refusal = Error(ErrorCode::malformed_request, "Content-Length is not a number");
    else if (length && std::stoull(std::string(*length)) > limits.max_body)
        v.refusal = too_long("the request body is over " + std::to_string(limits.max_body) + " bytes");
    else if (length)
        v.body = std::stoull(std::string(*length));
    else
        v.add_zero_length = !bodiless;
    return v;
}

std::string raw_error_answer(const Error& e, int retry_after_s) {
    std::string body = to_json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out = "HTTP/1.1 " + std::to_string(e.status) + " " + reason(e.status) + "\r\n";
    out += "Content-Type: application/json; charset=utf-8\r\n";
    out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    if (e.status == 503) out += "Retry-After: " + std::to_string(retry_after_s) + "\r\n";
    out += "Connection: close\r\n\r\n";
    return out + body;
}

} // namespace mahdar
