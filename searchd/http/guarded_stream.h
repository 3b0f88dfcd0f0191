// A connection's stream for GuardedServer: reads are buffered, and every read of a request —
// head and body — waits at most until the request's deadline, however often bytes trickle in
// (cpp-httplib's own stream restarts its timeout at each read).
//
// Thread safety: used by the one thread serving the connection.
#pragma once

#include "http/connection_table.h"

#include <httplib.h>

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace mahdar {

class GuardedStream : public httplib::Stream {
public:
    GuardedStream(socket_t sock, std::chrono::milliseconds write_timeout);

    /// Waits, idle, up to `timeout` for the first byte of a next request; false when none
    /// comes, the client closed, or `stop()` says so (checked every 100 ms).
    bool wait_next(Clock::duration timeout, const std::function<bool()>& stop);

    enum class Head { complete, closed, timed_out, too_large };
    /// Reads a request's line and headers (to the blank line) before `deadline`, at most
    /// `max_head` bytes; head() is then that text, still to be read by read().
    Head read_head(Clock::time_point deadline, std::size_t max_head);
    std::string_view head() const { return std::string_view(buf_).substr(pos_, head_size_); }
    /// Adds a header line to the head (before its blank line).
    void add_header(std::string_view line);
    /// read() gives the head and `body` bytes more, then ends; `on_read` is called once the
    /// last of them has been read.
    void expect_body(std::size_t body, std::function<void()> on_read);

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return sock_; }

private:
    bool fill(); ///< reads what the socket has, waiting until deadline_; false at its end
    std::size_t buffered() const { return buf_.size() - pos_; }

    socket_t sock_;
    std::chrono::milliseconds write_timeout_;
    std::string buf_;        ///< bytes read from the socket; buf_[pos_..] not yet given out
    std::size_t pos_ = 0;
    std::size_t head_size_ = 0;
    std::size_t request_left_ = 0; ///< bytes of this request still to give out
    Clock::time_point deadline_;
    std::function<void()> on_read_;
};

} // namespace mahdar
