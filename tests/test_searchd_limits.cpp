// mahdar-searchd's limits (issue 18 item 3, README "Limits"): slow clients do not stop
// service to others, a connection cap is answered 503 at once, request sizes are checked before
// any body is read, and a query's wildcards are bounded. The real binary on a real port.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace mahdar;
using Clock = std::chrono::steady_clock;

namespace {

// A client socket writing raw HTTP, to be slow or wrong on purpose.
class Raw {
public:
    explicit Raw(int port) : fd_(test::connect_local(port)) {
        if (fd_ < 0) FAIL("cannot connect");
    }
    ~Raw() { ::close(fd_); }
    Raw(const Raw&) = delete;
    bool send(const std::string& s) { return ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size()); }
    /// What the server sends until it closes, or until `seconds` pass.
    std::string read_all(double seconds) {
        std::string out;
        auto until = Clock::now() + std::chrono::milliseconds(static_cast<int>(seconds * 1000));
        while (Clock::now() < until) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            char buf[4096];
            ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) {
                closed_ = true;
                break;
            }
            out.append(buf, static_cast<std::size_t>(n));
        }
        return out;
    }
    /// Whether the server has closed the connection (reads end), without waiting.
    bool closed() {
        if (!closed_) read_all(0.01);
        return closed_;
    }

private:
    int fd_;
    bool closed_ = false;
};

int status_of(const std::string& answer) {
    return answer.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(answer.substr(9, 3)) : -1;
}

nlohmann::json body_of(const std::string& answer) {
    auto at = answer.find("\r\n\r\n");
    return at == std::string::npos ? nlohmann::json() : nlohmann::json::parse(answer.substr(at + 4), nullptr, false);
}

struct Served {
    test::TempDir tmp;
    std::string db = (tmp / "db").string();
    std::unique_ptr<test::Daemon> daemon;
    explicit Served(const std::string& flags) {
        auto r = test::run_indexer("--db " + db + " " + (test::fixtures() / "search").string());
        if (r.status != 0) FAIL(r.output);
        daemon = std::make_unique<test::Daemon>(std::string(MAHDAR_SEARCHD) + " --db " + db +
                                                " --listen 127.0.0.1:{port} " + flags);
        REQUIRE(daemon->port() > 0);
    }
    int port() const { return daemon->port(); }
};

} // namespace

TEST_CASE("Forty clients trickling headers do not stop health answers and are cut at the request deadline",
          "[searchd][limits]") {
    Served s("--threads 8 --request-timeout 2");
    std::vector<std::unique_ptr<Raw>> slow;
    for (int i = 0; i < 40; ++i) {
        slow.push_back(std::make_unique<Raw>(s.port()));
        slow.back()->send("GET /api/health HTTP/1.1\r\nHost: x\r\n");
    }
    std::atomic<bool> trickling{true};
    std::thread trickle([&] {
        while (trickling) {
            for (auto& r : slow) r->send("X-Slow: 1\r\n"); // fails quietly once the server closed it
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500)); // every thread holds a slow client

    httplib::Client c("127.0.0.1", s.port());
    c.set_read_timeout(5, 0); // liveness, not speed: before the fix this waited for a slow client to give up
    c.set_connection_timeout(5, 0);
    int status = 0;
    auto health = test::get_json(c, "/api/health", &status);
    CHECK(status == 200);
    CHECK(health["passages"].get<int>() > 0);

    auto until = Clock::now() + std::chrono::seconds(10);
    std::size_t open = slow.size();
    while (open > 0 && Clock::now() < until) {
        open = 0;
        for (auto& r : slow) open += !r->closed();
    }
    trickling = false;
    trickle.join();
    CHECK(open == 0);
}

TEST_CASE("A request not sent whole within --request-timeout is answered 408", "[searchd][limits]") {
    Served s("--request-timeout 1");
    Raw r(s.port());
    r.send("GET /api/health HTTP/1.1\r\nHost: x\r\n");
    std::string answer = r.read_all(5);
    CHECK(status_of(answer) == 408);
    CHECK(body_of(answer)["error"]["code"] == "request_timeout");
    CHECK(r.closed());
}

TEST_CASE("Over --max-connections a new connection is answered 503 with Retry-After at once", "[searchd][limits]") {
    Served s("--threads 8 --max-connections 4");
    // The connection test::Daemon made to see the port open counts until the server reads its end.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    std::vector<std::unique_ptr<Raw>> idle;
    for (int i = 0; i < 4; ++i) idle.push_back(std::make_unique<Raw>(s.port()));
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // accepted
    for (auto& r : idle) REQUIRE_FALSE(r->closed()); // all four within the cap

    Raw extra(s.port());
    extra.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    std::string answer = extra.read_all(3);
    CHECK(status_of(answer) == 503);
    CHECK(answer.find("\r\nRetry-After: ") != std::string::npos);
    CHECK(body_of(answer)["error"]["code"] == "overloaded");

    idle.clear(); // their connections end: the server serves again
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    httplib::Client c("127.0.0.1", s.port());
    int status = 0;
    test::get_json(c, "/api/health", &status);
    CHECK(status == 200);
}

TEST_CASE("Request bodies are checked before they are read", "[searchd][limits]") {
    Served s("");
    SECTION("a GET with a body is refused") {
        Raw r(s.port());
        r.send("GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n");
        std::string answer = r.read_all(3); // the body never comes: the answer must not wait for it
        CHECK(status_of(answer) == 400);
        CHECK(body_of(answer)["error"]["code"] == "malformed_request");
    }
    SECTION("a Content-Length over 1 MiB is answered 413 before the body is sent") {
        Raw r(s.port());
        r.send("POST /api/cite HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n");
        std::string answer = r.read_all(3);
        CHECK(status_of(answer) == 413);
        CHECK(body_of(answer)["error"]["code"] == "too_long");
    }
    SECTION("a chunked body is refused with 411") {
        Raw r(s.port());
        r.send("POST /api/cite HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        CHECK(status_of(r.read_all(3)) == 411);
    }
    SECTION("a POST without Content-Length has no body and is answered at once") {
        Raw r(s.port());
        r.send("POST /api/cite HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
        std::string answer = r.read_all(3); // cpp-httplib 0.11 alone reads until its 5 s read timeout
        CHECK(r.closed());
        CHECK(status_of(answer) == 400);
        CHECK(body_of(answer)["error"]["code"] == "bad_parameter");
    }
    SECTION("request headers over 32 KiB are answered 431") {
        Raw r(s.port());
        r.send("GET /api/health HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 40; ++i) r.send("X-Filler-" + std::to_string(i) + ": " + std::string(1000, 'a') + "\r\n");
        CHECK(status_of(r.read_all(3)) == 431);
    }
}

TEST_CASE("A query with more prefix wildcards than --max-wildcards is a 400 naming the limit", "[searchd][limits]") {
    Served s("--max-wildcards 3");
    httplib::Client c("127.0.0.1", s.port());
    int status = 0;
    auto err = test::get_json(c, "/api/search?q=" + test::url_encode("mig* wor* rig* fam*"), &status);
    CHECK(status == 400);
    CHECK(err["error"]["code"] == "bad_parameter");
    CHECK(err["error"]["parameter"] == "q");
    std::string message = err["error"]["message"];
    CHECK(message.find("at most 3") != std::string::npos);
    CHECK(message.find("wildcards") != std::string::npos);
    test::get_json(c, "/api/search?q=" + test::url_encode("mig* wor* rig*"), &status);
    CHECK(status == 200);
}

namespace {

// One keep-alive client: `requests` health requests over as few connections as the server
// allows; the requests the server dropped (closed the connection without an answer).
int dropped_requests(int port, int requests) {
    int dropped = 0, fd = -1;
    std::string buf;
    for (int i = 0; i < requests; ++i) {
        if (fd < 0) {
            fd = test::connect_local(port);
            if (fd < 0) return requests;
            buf.clear();
        }
        std::string req = "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n";
        bool sent = ::send(fd, req.data(), req.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(req.size());
        std::size_t head = std::string::npos, length = 0;
        while (sent) { // read one whole answer
            head = buf.find("\r\n\r\n");
            if (head != std::string::npos) {
                auto at = buf.find("Content-Length: ");
                length = at < head ? std::stoul(buf.substr(at + 16)) : 0;
                if (buf.size() >= head + 4 + length) break;
            }
            char chunk[4096];
            ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0) break;
            buf.append(chunk, static_cast<std::size_t>(n));
        }
        bool answered = sent && head != std::string::npos && buf.size() >= head + 4 + length;
        bool close_after = answered && buf.substr(0, head).find("Connection: close") != std::string::npos;
        if (!answered) ++dropped;
        if (answered) buf.erase(0, head + 4 + length);
        if (!answered || close_after) {
            ::close(fd);
            fd = -1;
        }
    }
    if (fd >= 0) ::close(fd);
    return dropped;
}

} // namespace

TEST_CASE("Keep-alive clients of a server with threads to spare are never cut off", "[searchd][limits]") {
    // Connections are taken back only for one that waits for a thread: a new connection queued
    // for an instant while threads are free must not cost a keep-alive client its connection
    // (between two of its requests, its connection is idle).
    Served s("--threads 16");
    std::atomic<int> dropped{0};
    std::vector<std::thread> clients;
    for (int i = 0; i < 8; ++i) clients.emplace_back([&] { dropped += dropped_requests(s.port(), 400); });
    for (auto& t : clients) t.join();
    CHECK(dropped == 0);
}
