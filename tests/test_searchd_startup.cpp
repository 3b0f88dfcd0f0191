// mahdar-searchd's start-up (issue 18): one process per port, and every failure to start is one
// clear line on stderr with its own exit status (README "mahdar-searchd").
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace mahdar;

namespace {

std::string build_index(const test::TempDir& tmp, const std::string& name) {
    std::string db = (tmp / name).string();
    auto r = test::run_indexer("--db " + db + " " + (test::fixtures() / "search").string());
    if (r.status != 0) FAIL(r.output);
    return db;
}

// `timeout`: a searchd that starts when it should not ends the test (exit 124) instead of hanging it.
std::string searchd(const std::string& args) { return "timeout 10 " + std::string(MAHDAR_SEARCHD) + " " + args + " 2>&1"; }

} // namespace

TEST_CASE("A second searchd on a port in use exits 5 and the first keeps every answer", "[searchd][startup]") {
    test::TempDir tmp;
    std::string first_db = build_index(tmp, "first");
    test::Daemon first(std::string(MAHDAR_SEARCHD) + " --db " + first_db + " --listen 127.0.0.1:{port}");
    REQUIRE(first.port() > 0);
    std::string other_db = (tmp / "other").string();
    test::write_file(tmp / "other" / "one.jsonl",
                     R"({"doc_id": "other.en", "doc_title": "Another index", "text": "One passage only.", "lang": "en"})" "\n");
    REQUIRE(test::run_indexer("--db " + other_db + "/db " + (tmp / "other" / "one.jsonl").string()).status == 0);
    other_db += "/db";

    auto second = test::run_command(searchd("--db " + other_db + " --listen 127.0.0.1:" + std::to_string(first.port())));
    CHECK(second.status == 5);
    CHECK(second.output.find("in use") != std::string::npos);
    CHECK(second.output.find("listening") == std::string::npos);

    httplib::Client c("127.0.0.1", first.port());
    auto health = test::get_json(c, "/api/health");
    for (int i = 0; i < 20; ++i) CHECK(test::get_json(c, "/api/health")["passages"] == health["passages"]);
}

TEST_CASE("searchd refuses to start without an index or a web folder, saying which", "[searchd][startup]") {
    test::TempDir tmp;
    std::string db = build_index(tmp, "db");

    auto missing = test::run_command(searchd("--db " + (tmp / "nowhere").string() + " --listen 127.0.0.1:0"));
    CHECK(missing.status == 3);
    CHECK(missing.output.find("no index at") != std::string::npos);
    CHECK(missing.output.find("mahdar-indexer --db") != std::string::npos);

    test::write_file(tmp / "notdb" / "readme.txt", "not an index");
    auto not_db = test::run_command(searchd("--db " + (tmp / "notdb").string() + " --listen 127.0.0.1:0"));
    CHECK(not_db.status == 3);
    CHECK(not_db.output.find("cannot open the index") != std::string::npos);

    auto no_web = test::run_command(searchd("--db " + db + " --web " + (tmp / "web").string() + " --listen 127.0.0.1:0"));
    CHECK(no_web.status == 4);
    CHECK(no_web.output.find("web folder") != std::string::npos);
    test::write_file(tmp / "web" / "style.css", "");
    auto no_page = test::run_command(searchd("--db " + db + " --web " + (tmp / "web").string() + " --listen 127.0.0.1:0"));
    CHECK(no_page.status == 4);
    CHECK(no_page.output.find("no index.html") != std::string::npos);

    auto usage = test::run_command(searchd("--db " + db + " --listen nonsense"));
    CHECK(usage.status == 2);
}
