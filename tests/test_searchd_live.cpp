// mahdar-searchd under real conditions: static files and traversal attempts, concurrent
// clients, and an indexer committing new revisions while clients search.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace mahdar;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string build_index(const test::TempDir& tmp) {
    std::string db = (tmp / "db").string();
    auto r = test::run_indexer("--db " + db + " " + (test::fixtures() / "search").string());
    if (r.status != 0) FAIL(r.output);
    return db;
}

} // namespace

TEST_CASE("Static files are served from the web root and nothing outside it", "[searchd][static]") {
    test::TempDir tmp;
    std::string db = build_index(tmp);
    test::write_file(tmp / "web" / "index.html", "<!doctype html><title>mahdar</title>");
    test::write_file(tmp / "web" / "app.js", "export const x = 1;");
    test::write_file(tmp / "web" / "empty" / "note.txt", "inside");
    test::write_file(tmp / "secret.txt", "outside the web root");
    fs::create_symlink(tmp / "secret.txt", tmp / "web" / "link.txt");
    test::TestServer server(db, tmp / "web");
    auto c = server.client();
    auto index = c.Get("/");
    REQUIRE(index);
    CHECK(index->status == 200);
    CHECK(index->get_header_value("Content-Type").find("text/html") == 0);
    auto js = c.Get("/app.js");
    REQUIRE(js);
    CHECK(js->get_header_value("Content-Type").find("text/javascript") == 0);
    for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
                             "/link.txt", "/empty/", "/empty", "//etc/passwd", "/nothing.html"}) {
        auto res = c.Get(path);
        CAPTURE(path);
        REQUIRE(res);
        CHECK(res->status == 404);
        CHECK(res->body.find("outside the web root") == std::string::npos);
        CHECK(res->body.find("note.txt") == std::string::npos);
    }
}

TEST_CASE("Concurrent clients all get complete, consistent answers", "[searchd][concurrency]") {
    test::TempDir tmp;
    test::TestServer server(build_index(tmp));
    auto c0 = server.client();
    json expected = test::get_json(c0, "/api/search?q=migrants&size=3");
    std::atomic<int> failures{0}, done{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < 8; ++t) {
        clients.emplace_back([&] {
            auto c = server.client();
            for (int i = 0; i < 40; ++i) {
                int status = 0;
                json r = test::get_json(c, "/api/search?q=migrants&size=3", &status);
                if (status != 200 || r["total"] != expected["total"] || r["facets"] != expected["facets"]) ++failures;
                ++done;
            }
        });
    }
    for (auto& t : clients) t.join();
    CHECK(done == 320);
    CHECK(failures == 0);
}

TEST_CASE("A new revision is served with no failed request meanwhile", "[searchd][live]") {
    test::TempDir tmp;
    std::string db = build_index(tmp);
    test::TestServer server(db);
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0}, requests{0};
    std::thread client([&] {
        auto c = server.client();
        while (!stop) {
            int status = 0;
            test::get_json(c, "/api/search?q=migration&size=10", &status);
            if (status != 200) ++failures;
            ++requests;
        }
    });
    struct Join {
        std::atomic<bool>& stop;
        std::thread& t;
        void now() { stop = true; if (t.joinable()) t.join(); }
        ~Join() { now(); }
    } join{stop, client};
    for (int round = 0; round < 3; ++round) {
        std::string file = (tmp / ("new" + std::to_string(round) + ".md")).string();
        test::write_file(file, "# Added meeting " + std::to_string(round) +
                                   "\n\nThe zanzibarian delegation spoke about seasonal migration.\n");
        auto r = test::run_indexer("--db " + db + " " + file);
        INFO(r.output);
        REQUIRE(r.status == 0);
    }
    // Served "within a second or two" (searcher.h); the deadline only stops a test that would
    // otherwise wait for ever, on however loaded a machine.
    auto c = server.client();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    int found = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        found = test::get_json(c, "/api/search?q=zanzibarian").value("total", -1);
        if (found == 3 && requests >= 1) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    join.now();
    CHECK(found == 3);
    CHECK(requests >= 1);
    CHECK(failures == 0);
}

TEST_CASE("An index rebuilt in place is served whole: totals and facets of the new index", "[searchd][live]") {
    // Deleting the index and indexing other files gives a database at the same revision;
    // Xapian's reopen() alone would mix the new version file with the old tables.
    test::TempDir tmp;
    std::string db = (tmp / "db").string(), other = (tmp / "other").string();
    REQUIRE(test::run_indexer("--db " + db + " " + (test::fixtures() / "reports").string()).status == 0);
    REQUIRE(test::run_indexer("--db " + other + " " + (test::fixtures() / "search").string()).status == 0);
    test::TestServer server(db);
    test::TestServer reference(other);
    auto c = server.client(), ref = reference.client();
    json want = test::get_json(ref, "/api/search?size=1");
    json before = test::get_json(c, "/api/search?size=1");
    REQUIRE(want.contains("total"));
    REQUIRE(before["total"] != want["total"]);
    REQUIRE(before["facets"] != want["facets"]);

    fs::remove_all(db);
    REQUIRE(test::run_indexer("--db " + db + " " + (test::fixtures() / "search").string()).status == 0);
    // Every answer is the old index's or the new one's, never a mix: wait (generously) for the
    // first that is not the old one's, and it must be the new one's whole.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    json got;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        got = test::get_json(c, "/api/search?size=1", &status);
        REQUIRE(status == 200);
        if (got["total"] != before["total"] || got["facets"] != before["facets"]) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK(got["total"] == want["total"]);
    CHECK(got["facets"] == want["facets"]);
    for (int i = 0; i < 8; ++i) { // and again
        json got = test::get_json(c, "/api/search?size=1");
        CHECK(got["total"] == want["total"]);
        CHECK(got["facets"] == want["facets"]);
    }
}
