#include "http/access_log.h"

#include <cctype>
#include <cstdio>
#include <ctime>
#include <random>
#include <unistd.h>

namespace mahdar {

std::string iso_timestamp(std::chrono::system_clock::time_point t) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(text + n, sizeof text - n, ".%03dZ", static_cast<int>(ms % 1000));
    return text;
}

void log_line(LogLevel level, std::string_view message) {
    static const char* names[] = {"INFO", "WARN", "ERROR"};
    std::string line = iso_timestamp(std::chrono::system_clock::now());
    line += ' ';
    line += names[static_cast<int>(level)];
    line += ' ';
    line += message;
    line += '\n';
    // One write(2) per line: stdio's buffer could split a long line between two threads' lines.
    for (std::size_t done = 0; done < line.size();) {
        ssize_t n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

namespace {

bool sane_request_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (unsigned char c : id)
        if (!std::isalnum(c) && c != '.' && c != '_' && c != '-') return false;
    return true;
}

std::string new_request_id() {
    thread_local std::mt19937_64 random{std::random_device{}()};
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(random()));
    return text;
}

} // namespace

std::string request_id_for(const httplib::Request& req) {
    std::string theirs = req.get_header_value("X-Request-Id");
    return sane_request_id(theirs) ? theirs : new_request_id();
}

LogLevel level_of(int status) {
    if (status >= 500) return LogLevel::error;
    if (status >= 400) return LogLevel::warn;
    return LogLevel::info;
}

long long answer_bytes(const httplib::Response& res) {
    if (!res.body.empty()) return static_cast<long long>(res.body.size());
    if (res.content_provider_ && res.is_chunked_content_provider_) return -1;
    return static_cast<long long>(res.content_length_);
}

namespace {

// A path as one printable line: a decoded %0A could forge a log line.
std::string printable(std::string_view path) {
    std::string out(path.substr(0, 512));
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    if (path.size() > 512) out += "...";
    return out;
}

} // namespace

std::string access_text(const AccessEntry& e) {
    char numbers[96];
    std::string size = e.bytes < 0 ? "-" : std::to_string(e.bytes) + "B";
    std::snprintf(numbers, sizeof numbers, " q=%zuB %d %.1fms %s ", e.query_bytes, e.status, e.ms, size.c_str());
    std::string text = "id=";
    text.append(e.request_id).append(" ").append(e.method).append(" ").append(printable(e.path));
    text += numbers;
    text.append(e.remote_addr);
    return text;
}

} // namespace mahdar
