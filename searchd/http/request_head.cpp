#include "http/request_head.h"

#include "http/json_out.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

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

// "METHOD TARGET HTTP/1.x", the parts apart by one space or more (cpp-httplib reads runs of
// spaces as one); the method a token (RFC 9110 §5.6.2).
bool request_line_ok(std::string_view line) {
    std::vector<std::string_view> parts;
    for (std::size_t at = 0; at < line.size();) {
        std::size_t end = std::min(line.find(' ', at), line.size());
        if (end > at) parts.push_back(line.substr(at, end - at));
        at = end + 1;
    }
    auto token_char = [](unsigned char c) { return std::isalnum(c) || std::strchr("!#$%&'*+-.^_`|~", c); };
    return parts.size() == 3 && std::all_of(parts[0].begin(), parts[0].end(), token_char) &&
           (parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0");
}

} // namespace

HeadVerdict check_head(std::string_view head, const ServerLimits& limits) {
    std::size_t lead = std::min(head.find_first_not_of("\r\n"), head.size());
    HeadVerdict v;
    for (std::size_t at = head.find('\n', lead); at != std::string_view::npos; at = head.find('\n', at + 1)) {
        if (head[at - 1] != '\r') {
            v.refusal = Error(ErrorCode::malformed_request, "the request's lines must end with CR LF");
            return v;
        }
    }
    if (!request_line_ok(head.substr(lead, head.find("\r\n", lead) - lead))) {
        v.refusal = Error(ErrorCode::malformed_request, "the request line is not METHOD TARGET HTTP/1.1");
        return v;
    }
    std::string method(head.substr(lead, head.find(' ', lead) - lead));
    bool bodiless = method == "GET" || method == "HEAD" || method == "OPTIONS";
    auto length = header(head, "content-length");
    auto coding = header(head, "transfer-encoding");
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
