#include "http/guarded_stream.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <utility>

namespace mahdar {
namespace {

// Milliseconds until `t` for poll(), rounded up: 0 when past, at most a minute.
int ms_until(Clock::time_point t) {
    auto ms = std::chrono::ceil<std::chrono::milliseconds>(t - Clock::now()).count();
    return static_cast<int>(std::max<long long>(0, std::min<long long>(ms, 60000)));
}

bool wait_for(socket_t sock, short events, int ms) {
    pollfd p{sock, events, 0};
    int n;
    do n = ::poll(&p, 1, ms);
    while (n < 0 && errno == EINTR);
    return n > 0;
}

void address_of(const sockaddr_storage& a, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = "";
    if (a.ss_family == AF_INET) {
        auto& v4 = reinterpret_cast<const sockaddr_in&>(a);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        port = ntohs(v4.sin_port);
    } else if (a.ss_family == AF_INET6) {
        auto& v6 = reinterpret_cast<const sockaddr_in6&>(a);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        port = ntohs(v6.sin6_port);
    }
    ip = text;
}

} // namespace

GuardedStream::GuardedStream(socket_t sock, std::chrono::milliseconds write_timeout)
    : sock_(sock), write_timeout_(write_timeout) {}

bool GuardedStream::wait_next(Clock::duration timeout, const std::function<bool()>& stop) {
    if (buffered() > 0) return true;
    auto until = Clock::now() + timeout;
    while (!stop()) {
        int ms = std::min(ms_until(until), 100);
        if (wait_for(sock_, POLLIN, ms)) return true;
        if (Clock::now() >= until) return false;
    }
    return false;
}

bool GuardedStream::fill() {
    if (pos_ == buf_.size()) {
        buf_.clear();
        pos_ = 0;
    }
    // poll() may wake a little before the deadline: a timeout is only the deadline passed.
    while (!wait_for(sock_, POLLIN, ms_until(deadline_)))
        if (Clock::now() >= deadline_) return false;
    char chunk[16384];
    ssize_t n;
    do n = ::recv(sock_, chunk, sizeof chunk, 0);
    while (n < 0 && errno == EINTR);
    if (n <= 0) return false;
    buf_.append(chunk, static_cast<std::size_t>(n));
    return true;
}

GuardedStream::Head GuardedStream::read_head(Clock::time_point deadline, std::size_t max_head) {
    deadline_ = deadline;
    head_size_ = request_left_ = 0;
    on_read_ = nullptr;
    for (;;) {
        // A head may start with blank lines (RFC 9112 §2.2); cpp-httplib reads from the first.
        auto end = buf_.find("\r\n\r\n", pos_);
        std::size_t end_size = 4;
        // Lines ended by a bare LF: the head ends at the first empty one, and check_head
        // refuses it at once (cpp-httplib 0.11 skips such lines and would wait for a CR LF).
        if (auto bare = buf_.find("\n\n", pos_); bare != std::string::npos && bare < end) end = bare, end_size = 2;
        if (end != std::string::npos && end + end_size - pos_ <= max_head) {
            head_size_ = request_left_ = end + end_size - pos_;
            return Head::complete;
        }
        if (buffered() > max_head) return Head::too_large;
        if (fill()) continue;
        if (Clock::now() >= deadline_) return buffered() > 0 ? Head::timed_out : Head::closed;
        return Head::closed;
    }
}

void GuardedStream::add_header(std::string_view line) {
    buf_.insert(pos_ + head_size_ - 2, std::string(line) + "\r\n");
    head_size_ += line.size() + 2;
    request_left_ += line.size() + 2;
}

void GuardedStream::expect_body(std::size_t body, std::function<void()> on_read) {
    request_left_ = head_size_ + body;
    on_read_ = std::move(on_read);
}

bool GuardedStream::is_readable() const {
    return request_left_ > 0 && (buffered() > 0 || wait_for(sock_, POLLIN, ms_until(deadline_)));
}

bool GuardedStream::is_writable() const {
    return wait_for(sock_, POLLOUT, static_cast<int>(write_timeout_.count()));
}

ssize_t GuardedStream::read(char* ptr, size_t size) {
    if (request_left_ == 0) return 0; // past this request: the next one is read by read_head
    if (buffered() == 0 && !fill()) return -1;
    std::size_t n = std::min({size, buffered(), request_left_});
    std::memcpy(ptr, buf_.data() + pos_, n);
    pos_ += n;
    request_left_ -= n;
    if (request_left_ == 0 && on_read_) std::exchange(on_read_, nullptr)();
    return static_cast<ssize_t>(n);
}

ssize_t GuardedStream::write(const char* ptr, size_t size) {
    if (!is_writable()) return -1;
    ssize_t n;
    do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
}

void GuardedStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&a), &len) == 0) address_of(a, ip, port);
}

void GuardedStream::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&a), &len) == 0) address_of(a, ip, port);
}

} // namespace mahdar
