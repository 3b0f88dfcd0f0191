// What an operator meets (issue 18 item 7): --help and --version of both executables, the
// request log, /metrics, and a SIGTERM that lets the requests under way finish.
#include "http/access_log.h"
#include "http/metrics.h"
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

using namespace mahdar;
using json = nlohmann::json;

namespace {

const std::string searchd = MAHDAR_SEARCHD;
const std::string indexer = MAHDAR_INDEXER;

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int connect_to(int port) {
    return test::connect_local(port, 4096); // the export cannot finish into the socket buffers before it is read
}

// Reads from `fd` until `limit` bytes or the end (limit 0: the end).
std::string read_some(int fd, std::size_t limit = 0) {
    std::string got;
    char buffer[4096];
    while (limit == 0 || got.size() < limit) {
        ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        got.append(buffer, static_cast<std::size_t>(n));
    }
    return got;
}

// An index of `passages` passages of ~4 KB each (a CSV export of 1,500 is ~6 MB).
std::string long_passages_index(const test::TempDir& tmp, int passages) {
    std::string db = (tmp / "db").string(), lines, text;
    for (int i = 0; i < 60; ++i) text += "Delegates reviewed regular pathways for migrant workers in the region. ";
    for (int i = 0; i < passages; ++i)
        lines += json{{"id", "p" + std::to_string(i)}, {"doc_id", "d" + std::to_string(i / 50)}, {"doc_title", "T"},
                      {"lang", "en"}, {"text", text + std::to_string(i)}}
                     .dump() +
                 "\n";
    test::write_file(tmp / "in" / "p.jsonl", lines);
    auto r = test::run_indexer("--quiet --db " + db + " " + (tmp / "in").string());
    if (r.status != 0) FAIL(r.output);
    return db;
}

// One sample of a Prometheus text exposition: name{labels} value.
struct Sample {
    std::string name, labels;
    double value = 0;
};

// The samples of a text exposition (format 0.0.4); fails the test on a line that is neither a
// comment nor a sample, or on a sample whose family has no # TYPE line before it.
std::vector<Sample> parse_exposition(const std::string& text) {
    static const std::regex sample(
        R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? (\S+)$)");
    static const std::regex type(R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$)");
    std::vector<Sample> out;
    std::set<std::string> typed;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        CAPTURE(line);
        if (std::regex_match(line, m, type)) typed.insert(m[1]);
        else if (line.rfind("# HELP ", 0) == 0) continue;
        else if (std::regex_match(line, m, sample)) {
            std::string name = m[1];
            std::string family = std::regex_replace(name, std::regex("_(bucket|sum|count)$"), "");
            CHECK((typed.count(name) || typed.count(family)));
            out.push_back({name, m[2], std::stod(m[3])});
        } else FAIL("not a line of the text format");
    }
    return out;
}

// The value of the sample `name` whose labels are exactly `labels` ("" none); 0 when absent
// (a counter not yet moved is not listed).
double value_of(const std::vector<Sample>& samples, const std::string& name, const std::string& labels = "") {
    for (const auto& s : samples)
        if (s.name == name && s.labels == labels) return s.value;
    return 0;
}

} // namespace

TEST_CASE("Both executables answer --help on stdout with status 0, and --version with one version", "[operations]") {
    for (std::string command : {searchd, indexer, indexer + " stats", indexer + " remove"}) {
        CAPTURE(command);
        // run_command() adds 2>&1: the subshells keep stdout and stderr apart.
        auto help = test::run_command("(" + command + " --help 2>/dev/null)");
        CHECK(help.status == 0);
        CHECK(help.output.find("usage: mahdar-") == 0);
        auto bad = test::run_command("(" + command + " --no-such-option 2>&1 >/dev/null)"); // stderr only
        CHECK(bad.status == 2);
        CHECK(bad.output.find("usage: mahdar-") == 0);
    }
    CHECK(test::run_command("(" + searchd + " -h 2>/dev/null)").status == 0);
    std::regex line(R"(mahdar-(searchd|indexer) (\d+\.\d+\.\d+) \(Xapian 1\.4\.\d+, ICU \d+(\.\d+)*\)\n)");
    auto s = test::run_command("(" + searchd + " --version 2>/dev/null)");
    auto i = test::run_command("(" + indexer + " --version 2>/dev/null)");
    CHECK(s.status == 0);
    CHECK(i.status == 0);
    std::smatch sm, im;
    REQUIRE(std::regex_match(s.output, sm, line));
    REQUIRE(std::regex_match(i.output, im, line));
    CHECK(sm[2] == std::string(MAHDAR_PROJECT_VERSION)); // CMake's project(VERSION), for both
    CHECK(im[2] == sm[2]);
}

TEST_CASE("Log timestamps are ISO 8601 UTC with milliseconds, and routes are labelled by their pattern", "[operations]") {
    using std::chrono::milliseconds;
    CHECK(iso_timestamp(std::chrono::system_clock::time_point(milliseconds(1234))) == "1970-01-01T00:00:01.234Z");
    CHECK(iso_timestamp(std::chrono::system_clock::time_point(milliseconds(1796665787005))) == "2026-12-07T17:49:47.005Z");
    const std::pair<const char*, const char*> routes[] = {
        {"/api/v1/search", "/api/v1/search"},         {"/api/search", "/api/search"},
        {"/api/v1/passage/x/y", "/api/v1/passage/{id}"}, {"/api/original/..%2f", "/api/original/{id}"},
        {"/api/v1/passage/", "other"},                {"/api/v1/search/more", "other"},
        {"/api/v2/search", "other"},                  {"/s/abc", "/s/{id}"},
        {"/metrics", "/metrics"},                     {"/js/main.js", "static"}};
    for (auto [path, label] : routes) {
        CAPTURE(path);
        CHECK(route_label(path, 200) == label);
    }
    CHECK(route_label("/js/nothing.js", 404) == "other");
}

TEST_CASE("SIGTERM makes searchd refuse new requests (503), finish an export under way, and exit 0", "[operations][searchd]") {
    test::TempDir tmp;
    std::string db = long_passages_index(tmp, 1500);
    test::Daemon d(searchd + " --db " + db + " --listen 127.0.0.1:{port}", (tmp / "log").string());
    REQUIRE(d.port() > 0);
    int fd = connect_to(d.port());
    REQUIRE(fd >= 0);
    std::string request = "GET /api/export?format=csv HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    REQUIRE(send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
    std::string head = read_some(fd, 16 * 1024);
    REQUIRE(head.rfind("HTTP/1.1 200", 0) == 0);

    int status = -2;
    std::thread stopper([&] { status = d.stop(SIGTERM); });
    int refused = 0; // new requests are told to come back …
    for (int i = 0; i < 100 && refused != 503; ++i) {
        httplib::Client other("127.0.0.1", d.port());
        auto res = other.Get("/api/health");
        refused = res ? res->status : -1;
        if (refused == 503) {
            CHECK(res->get_header_value("Retry-After") == "5");
            CHECK(json::parse(res->body)["error"]["code"] == "overloaded");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK(refused == 503);
    std::string rest = read_some(fd); // … while the export goes on to its end
    close(fd);
    stopper.join();
    CHECK(status == 0);
    CHECK(rest.size() > 1000000); // most of it was sent after SIGTERM
    std::string body = head + rest;
    CHECK(body.size() > 6000000);
    CHECK(body.compare(body.size() - 5, 5, "0\r\n\r\n") == 0); // the last chunk: complete
    std::size_t rows = 0;
    for (std::size_t at = 0; (at = body.find("/s/p", at)) != std::string::npos; ++at) ++rows;
    CHECK(rows == 1500);
    std::string log = read_text(tmp / "log");
    CHECK(log.find(" GET /api/export q=10B 200 ") != std::string::npos);
    CHECK(log.find("INFO mahdar-searchd: stopping") != std::string::npos);
    CHECK(log.find("INFO mahdar-searchd: stopped") != std::string::npos);
    CHECK(log.find("cut short") == std::string::npos);
}

TEST_CASE("Each request is one log line with time, level, request id, route, status, duration and size, never its query", "[operations][searchd]") {
    test::TempDir tmp;
    std::string db = (tmp / "db").string();
    REQUIRE(test::run_indexer("--quiet --db " + db + " " + (test::fixtures() / "search").string()).status == 0);
    test::Daemon d(searchd + " --db " + db + " --listen 127.0.0.1:{port}", (tmp / "log").string());
    REQUIRE(d.port() > 0);
    httplib::Client c("127.0.0.1", d.port());
    auto theirs = c.Get("/api/search?q=migrant", {{"X-Request-Id", "proxy-42.a_b"}});
    REQUIRE(theirs);
    CHECK(theirs->status == 200);
    CHECK(theirs->get_header_value("X-Request-Id") == "proxy-42.a_b");
    auto forged = c.Get("/api/passage/none", {{"X-Request-Id", "x\" 200 OK; rm -rf"}}); // not a sane id: a new one
    REQUIRE(forged);
    CHECK(forged->status == 404);
    std::string id = forged->get_header_value("X-Request-Id");
    CHECK(std::regex_match(id, std::regex("[0-9a-f]{16}")));
    CHECK(c.Get("/api/search?q=" + test::url_encode("\n200 forged"))->status == 200);
    REQUIRE(d.stop(SIGTERM) == 0);

    std::string log = read_text(tmp / "log");
    std::string stamp = R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)";
    std::regex search_line(stamp + R"( INFO id=proxy-42\.a_b GET /api/search q=9B 200 \d+\.\dms \d+B 127\.0\.0\.1)");
    std::regex missing_line(stamp + " WARN id=" + id + R"( GET /api/passage/none q=0B 404 \d+\.\dms \d+B 127\.0\.0\.1)");
    std::istringstream lines(log);
    int searches = 0, missing = 0, all = 0;
    for (std::string line; std::getline(lines, line); ++all) {
        CAPTURE(line);
        CHECK(std::regex_search(line, std::regex("^" + stamp + " (INFO|WARN|ERROR) "))); // every line
        searches += std::regex_match(line, search_line);
        missing += std::regex_match(line, missing_line);
    }
    CHECK(searches == 1);
    CHECK(missing == 1);
    CHECK(all == 6); // started, three requests, stopping, stopped: the newline in a query made no line
    CHECK(log.find("migrant") == std::string::npos);
    CHECK(log.find("forged") == std::string::npos);
}

TEST_CASE("/metrics counts requests by route and status, times them, and follows the index", "[operations][searchd]") {
    test::ServedIndex s({test::fixtures() / "search"});
    auto c = s.server->client();
    auto scrape = [&c] {
        auto res = c.Get("/metrics");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
        CHECK(res->get_header_value("Cache-Control") == "no-store");
        return parse_exposition(res->body);
    };
    auto before = scrape();
    for (int i = 0; i < 3; ++i) CHECK(c.Get("/api/search?q=migrant")->status == 200);
    CHECK(c.Get("/api/search?colour=red")->status == 400);
    CHECK(c.Get("/api/v1/passage/none")->status == 404);
    CHECK(c.Get("/no/such/thing")->status == 404);
    CHECK(c.Get("/api/passage/another-none")->status == 404);
    // A request is counted once its answer is sent: the client may see it first.
    auto others = [](const std::vector<Sample>& samples) {
        double n = 0;
        for (const auto& s : samples)
            if (s.name == "mahdar_http_requests_total" && s.labels.find("/metrics") == std::string::npos) n += s.value;
        return n;
    };
    auto after = scrape();
    for (int i = 0; i < 50 && others(after) < 7; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        after = scrape();
    }
    CHECK(others(after) == 7);
    auto moved = [&](const std::string& name, const std::string& labels) {
        return value_of(after, name, labels) - value_of(before, name, labels);
    };
    CHECK(moved("mahdar_http_requests_total", R"({route="/api/search",status="200"})") == 3);
    CHECK(moved("mahdar_http_requests_total", R"({route="/api/search",status="400"})") == 1);
    CHECK(moved("mahdar_http_requests_total", R"({route="/api/v1/passage/{id}",status="404"})") == 1);
    CHECK(moved("mahdar_http_requests_total", R"({route="/api/passage/{id}",status="404"})") == 1);
    CHECK(moved("mahdar_http_requests_total", R"({route="other",status="404"})") == 1);
    CHECK(moved("mahdar_http_requests_total", R"({route="/metrics",status="200"})") >= 1); // the first scrape
    for (const auto& s : after) // raw paths never become labels
        CHECK(s.labels.find("none") == std::string::npos);

    std::string search = R"({route="/api/search")";
    double count = value_of(after, "mahdar_http_request_duration_seconds_count", search + "}");
    CHECK(count == 4);
    CHECK(value_of(after, "mahdar_http_request_duration_seconds_bucket", search + R"(,le="+Inf"})") == count);
    CHECK(value_of(after, "mahdar_http_request_duration_seconds_sum", search + "}") > 0);
    double previous = 0;
    for (const char* le : {"0.001", "0.01", "0.1", "1", "10"}) { // cumulative
        double n = value_of(after, "mahdar_http_request_duration_seconds_bucket", search + ",le=\"" + le + "\"}");
        CHECK(n >= previous);
        previous = n;
    }
    CHECK(previous == count); // a search of the fixture takes under 10 s

    json health = s.get("/api/health");
    CHECK(value_of(after, "mahdar_index_documents") == health["passages"].get<double>());
    CHECK(value_of(after, "mahdar_index_revision") == health["index_revision"].get<double>());
    CHECK(value_of(after, "mahdar_index_size_bytes") > 10000);
    CHECK(value_of(after, "process_start_time_seconds") > 1.7e9);

    // The indexer commits a new revision: the next requests re-open the index.
    test::write_file(s.tmp / "more" / "m.jsonl",
                     R"({"id":"m1","doc_id":"m","doc_title":"More","lang":"en","text":"Remittance corridors were discussed."})"
                     "\n");
    REQUIRE(test::run_indexer("--quiet --db " + s.db + " " + (s.tmp / "more").string()).status == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(600)); // a Context checks twice a second
    CHECK(c.Get("/api/search?q=remittance")->status == 200);
    auto reopened = scrape();
    CHECK(value_of(reopened, "mahdar_index_reopens_total", R"({reason="new_revision"})") >= 1);
    CHECK(value_of(reopened, "mahdar_index_revision") == value_of(after, "mahdar_index_revision") + 1);
    CHECK(value_of(reopened, "mahdar_index_documents") == value_of(after, "mahdar_index_documents") + 1);
}
