#include "http/guarded_server.h"

#include "http/guarded_pool.h"
#include "http/guarded_stream.h"
#include "http/request_head.h"

#include <sys/socket.h>
#include <unistd.h>

namespace mahdar {
namespace {

// Set on the accepting thread while it runs a connection over the cap: the only way to tell
// process_and_close_socket, as a TaskQueue receives its jobs as opaque closures.
thread_local bool over_cap = false;

} // namespace

GuardedServer::GuardedServer(const ServerLimits& limits) : limits_(limits) {
    new_task_queue = [this] {
        return new GuardedPool(table_, limits_, [](bool refusing) { over_cap = refusing; });
    };
    set_payload_max_length(limits_.max_body);
}

void GuardedServer::refuse(socket_t sock, const Error& e) {
    std::string answer = raw_error_answer(e, limits_.retry_after_s);
    // Never blocks: the answer fits any socket buffer, and a client that does not read it loses it.
    (void)::send(sock, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    table_.linger(sock);
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
    if (over_cap) {
        refuse(sock, {ErrorCode::overloaded, "the server has " + std::to_string(limits_.max_connections) +
                                                 " connections open: try again in a moment"});
        return false;
    }
    table_.start(sock);
    GuardedStream strm(sock, std::chrono::seconds(write_timeout_sec_));
    auto stopping = [this] { return svr_sock_ == INVALID_SOCKET; };
    Clock::time_point start = Clock::now();
    Outcome outcome = Outcome::keep_open;
    for (std::size_t served = 0; served < keep_alive_max_count_ && !stopping(); ++served) {
        if (served > 0) {
            table_.set_state(sock, ConnectionState::idle);
            if (!strm.wait_next(std::chrono::seconds(keep_alive_timeout_sec_), stopping) || table_.evicted(sock))
                break;
            start = Clock::now();
            table_.set_state(sock, ConnectionState::reading);
        }
        outcome = serve_request(strm, sock, served + 1 == keep_alive_max_count_, start);
        if (outcome != Outcome::keep_open) break;
    }
    table_.finish(sock);
    if (outcome == Outcome::refused) {
        table_.linger(sock);
    } else {
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
    }
    return outcome != Outcome::closed;
}

GuardedServer::Outcome GuardedServer::serve_request(GuardedStream& strm, socket_t sock, bool last,
                                                    Clock::time_point start) {
    auto head = strm.read_head(start + limits_.request_timeout, limits_.max_head);
    if (head == GuardedStream::Head::closed || table_.evicted(sock)) return Outcome::closed;
    std::optional<Error> refusal;
    HeadVerdict verdict;
    if (head == GuardedStream::Head::timed_out)
        refusal = Error(ErrorCode::request_timeout, "the request was not sent within " +
                                                        std::to_string(limits_.request_timeout.count()) + " ms");
    else if (head == GuardedStream::Head::too_large)
        refusal = Error(ErrorCode::headers_too_large,
                        "the request line and headers are over " + std::to_string(limits_.max_head) + " bytes");
    else
        refusal = (verdict = check_head(strm.head(), limits_)).refusal;
    if (refusal) {
        std::string answer = raw_error_answer(*refusal, limits_.retry_after_s);
        strm.write(answer.data(), answer.size());
        return Outcome::refused;
    }
    if (verdict.add_zero_length) strm.add_header("Content-Length: 0");
    strm.expect_body(verdict.body, [this, sock] { table_.set_state(sock, ConnectionState::processing); });
    bool closed = false;
    bool ok = process_request(strm, last, closed, nullptr);
    return ok && !closed && !last ? Outcome::keep_open : Outcome::closed;
}

} // namespace mahdar
