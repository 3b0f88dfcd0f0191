// What a browser and an attacker meet (issue 18 item 8): the security headers of the page and
// of the API, errors that name no file of the server, and originals served from the index only.
#include "http/security_headers.h"
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

using namespace mahdar;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::size_t headers_named(const httplib::Response& res, const std::string& name) {
    return res.headers.count(name);
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE("The page and the API carry their security headers, once each", "[security][searchd]") {
    test::TempDir tmp;
    std::string db = (tmp / "db").string();
    REQUIRE(test::run_indexer("--quiet --db " + db + " " + (test::fixtures() / "search").string()).status == 0);
    test::TestServer server(db, fs::path(MAHDAR_SOURCE_DIR) / "web");
    auto c = server.client();
    for (const char* path : {"/", "/js/main.js", "/css/base.css", "/api.html", "/no-such-page.html"}) {
        CAPTURE(path);
        auto res = c.Get(path);
        REQUIRE(res);
        CHECK(res->get_header_value("Content-Security-Policy") == page_csp);
        CHECK(headers_named(*res, "Content-Security-Policy") == 1);
        CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(headers_named(*res, "X-Content-Type-Options") == 1);
        CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
    }
    for (const char* path : {"/api/search?q=migrant", "/api/v1/passage/none", "/api/nothing", "/metrics"}) {
        CAPTURE(path);
        auto res = c.Get(path);
        REQUIRE(res);
        CHECK_FALSE(res->has_header("Content-Security-Policy")); // data, not a page
        CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
        CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(headers_named(*res, "X-Content-Type-Options") == 1);
    }
}

TEST_CASE("The page's own files need nothing its Content-Security-Policy refuses", "[security][web]") {
    // No inline script or style, no style or on… attribute in markup (the browser tests check
    // what scripts do: a CSP refusal on the console fails them).
    std::regex refused(R"(<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:)",
                       std::regex::icase);
    int pages = 0;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(MAHDAR_SOURCE_DIR) / "web")) {
        if (entry.path().extension() != ".html" || entry.path().string().find("/tests/") != std::string::npos) continue;
        CAPTURE(entry.path().string());
        CHECK_FALSE(std::regex_search(read_text(entry.path()), refused));
        ++pages;
    }
    CHECK(pages >= 2);
}

TEST_CASE("An internal error answers a request id, never the server's paths, and the server goes on", "[security][searchd]") {
    test::TempDir tmp;
    std::string db = (tmp / "db").string();
    REQUIRE(test::run_indexer("--quiet --db " + db + " " + (test::fixtures() / "search").string()).status == 0);
    test::TestServer server(db);
    fs::rename(db, tmp / "moved"); // Xapian's errors name the index's path
    std::this_thread::sleep_for(std::chrono::milliseconds(600)); // Contexts look for new revisions
    std::vector<std::thread> clients;
    std::vector<std::pair<int, std::string>> answers(4);
    std::vector<std::string> ids(4);
    for (std::size_t i = 0; i < answers.size(); ++i) // at once: new Contexts open the index
        clients.emplace_back([&, i] {
            auto c = server.client();
            auto res = c.Get("/api/search?q=migrant");
            if (res) answers[i] = {res->status, res->body}, ids[i] = res->get_header_value("X-Request-Id");
        });
    for (auto& t : clients) t.join();
    int failed = 0;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        auto& [status, body] = answers[i];
        CAPTURE(status, body);
        CHECK(body.find(tmp.path().string()) == std::string::npos);
        CHECK(body.find("/tmp") == std::string::npos);
        if (status != 500) continue;
        ++failed;
        CHECK(json::parse(body)["error"]["code"] == "internal");
        CHECK(json::parse(body)["error"]["message"].get<std::string>().find(ids[i]) != std::string::npos);
    }
    CHECK(failed > 0);
    auto c = server.client();
    auto metrics = c.Get("/metrics"); // what monitoring sees
    REQUIRE(metrics);
    CHECK(metrics->status == 200);
    CHECK(metrics->body.find("\nmahdar_index_readable 0\n") != std::string::npos);
    fs::rename(tmp / "moved", db); // put back: served again
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    auto again = c.Get("/api/search?q=migrant");
    REQUIRE(again);
    CHECK(again->status == 200);
}

TEST_CASE("The original-document route serves indexed originals and nothing else, whatever the path", "[security][documents]") {
    test::TempDir tmp;
    fs::path in = tmp / "in";
    test::write_file(in / "review.md", "# Review\n\n1. Delegates discussed migrant workers.\n");
    test::write_file(in / "minutes.md", "# Minutes\n\n1. The Chair opened the meeting on remittances.\n");
    test::write_file(tmp / "secret.txt", "outside the indexed originals");
    fs::create_directories(in / "sub");
    std::string db = (tmp / "db").string();
    REQUIRE(test::run_indexer("--quiet --db " + db + " " + in.string()).status == 0);
    test::TestServer server(db);
    auto c = server.client();
    auto ok = c.Get("/api/original/review");
    REQUIRE(ok);
    REQUIRE(ok->status == 200);
    CHECK(ok->body.find("Delegates discussed") != std::string::npos);

    // After indexing, an indexed file is replaced by a symlink to a file outside.
    fs::remove(in / "minutes.md");
    fs::create_symlink(tmp / "secret.txt", in / "minutes.md");
    std::string secret = test::url_encode((tmp / "secret.txt").string());
    for (std::string path : std::vector<std::string>{"/api/original/minutes", "/api/original/../secret.txt", "/api/original/%2e%2e/secret.txt",
                             "/api/original/%2E%2E%2Fsecret.txt", "/api/original/..%2fsecret.txt",
                             "/api/original/review/../../secret.txt", "/api/original/review%2F..%2F..%2Fsecret.txt",
                             "/api/original//etc/passwd", "/api/original/%2Fetc%2Fpasswd", "/api/original/" + secret,
                             "/api/v1/original/" + secret, "/api/original/review%00.md", "/api/original/sub",
                             "/api/original/sub/", "/api/original/%2e%2e"}) {
        CAPTURE(path);
        auto res = c.Get(path.c_str());
        REQUIRE(res);
        CHECK(res->status >= 400);
        CHECK(res->status < 500);
        CHECK(res->body.find("outside the indexed originals") == std::string::npos);
        CHECK(res->body.find("root:") == std::string::npos);
        // No error names a path of the server (an id the client sent may be echoed).
        CHECK(res->body.find(in.string()) == std::string::npos);
        CHECK(res->body.find(db) == std::string::npos);
    }
}
