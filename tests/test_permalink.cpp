// A statement's permalink (/s/ID), the reader's marked words (?q= on passages and documents),
// ids that survive re-indexing, and the HTTP layer's own errors as the API's JSON errors.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace mahdar;
using json = nlohmann::json;
using test::get_json;
using test::url_encode;
namespace fs = std::filesystem;

namespace {

const fs::path web_root = fs::path(MAHDAR_SOURCE_DIR) / "web";

// The fixture reports copied to a folder of the test (so one can change), indexed.
struct Fixture {
    test::TempDir tmp;
    fs::path reports = tmp / "reports";
    std::string db = (tmp / "db").string();
    Fixture() {
        fs::create_directories(reports);
        for (const auto& f : fs::directory_iterator(test::fixtures() / "reports"))
            fs::copy_file(f.path(), reports / f.path().filename());
        index();
    }
    void index() {
        auto r = test::run_indexer("--db " + db + " --quiet " + reports.string());
        if (r.status != 0) FAIL(r.output);
    }
};

// The status and body of one raw request (for requests no HTTP client sends).
std::pair<int, std::string> raw_request(int port, const std::string& request) {
    int fd = test::connect_local(port);
    if (fd < 0) return {-1, ""};
    (void)!write(fd, request.data(), request.size());
    std::string answer;
    char buf[4096];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) answer.append(buf, static_cast<size_t>(n));
    close(fd);
    if (answer.size() < 12) return {-1, answer};
    auto body = answer.find("\r\n\r\n");
    return {std::stoi(answer.substr(9, 3)), body == std::string::npos ? "" : answer.substr(body + 4)};
}

} // namespace

TEST_CASE("A statement's permalink serves the page, and an id not in the index a 404 of the same page", "[permalink]") {
    Fixture f;
    test::TestServer server(f.db, web_root);
    auto c = server.client();
    auto page = c.Get("/s/ar-sample.ar:1?q=%D8%B3%D8%A7%D8%B1%D8%A9&ui=ar");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    // Absolute asset paths: the page's scripts and styles load from /s/… too.
    CHECK(page->body.find("src=\"/js/main.js\"") != std::string::npos);
    CHECK(page->body.find("href=\"/css/base.css\"") != std::string::npos);
    auto encoded = c.Get("/s/ar-sample.ar%3A1");
    REQUIRE(encoded);
    CHECK(encoded->status == 200);
    auto gone = c.Get("/s/ar-sample.ar:99");
    REQUIRE(gone);
    CHECK(gone->status == 404);
    CHECK(gone->body == page->body); // the page, which says so in the reader
    auto script = c.Get("/js/main.js");
    REQUIRE(script);
    CHECK(script->status == 200);
}

TEST_CASE("A statement keeps its id, and its permalink its passage, when reports are indexed again", "[permalink]") {
    Fixture f;
    auto passage = [&f](const std::string& id) {
        test::TestServer server(f.db, web_root);
        auto c = server.client();
        int status = 0;
        json p = get_json(c, "/api/passage/" + url_encode(id), &status);
        auto page = c.Get(("/s/" + url_encode(id)).c_str());
        CHECK((page && page->status == 200));
        return status == 200 ? p["text"].get<std::string>() : std::string();
    };
    const std::string id = "ar-sample.ar:1";
    std::string text = passage(id);
    REQUIRE(text.find("سارة سلمان") != std::string::npos);

    std::size_t en_passages = 0;
    {
        test::TestServer server(f.db);
        auto c = server.client();
        en_passages = get_json(c, "/api/document/en-sample.en")["passages"].size();
    }
    f.index(); // the same files again
    CHECK(passage(id) == text);

    // Another report changes (a paragraph added): this
    // one's ids stay.
    std::ofstream(f.reports / "en-sample.en.md", std::ios::app) << "\n3. A new paragraph on labour mobility.\n";
    fs::last_write_time(f.reports / "en-sample.en.md", fs::file_time_type::clock::now() + std::chrono::seconds(5));
    f.index();
    CHECK(passage(id) == text);
    CHECK(passage("en-sample.en:0").find("Sara Salman") != std::string::npos);
    CHECK(passage("en-sample.en:" + std::to_string(en_passages)).find("A new paragraph") != std::string::npos);

    // The same report copied byte for byte under a new modification time: read again, same ids.
    fs::last_write_time(f.reports / "ar-sample.ar.md", fs::file_time_type::clock::now() + std::chrono::seconds(10));
    f.index();
    CHECK(passage(id) == text);
}

TEST_CASE("The reader's passages come with the query's words marked as search marks them", "[permalink]") {
    Fixture f;
    test::TestServer server(f.db);
    auto c = server.client();
    // Without diacritics the query marks the diacritised word, and the word with a clitic.
    json p = get_json(c, "/api/passage/ar-sample.ar:0?q=" + url_encode("الامم"));
    CHECK(p["text_html"].get<std::string>().find("<mark>الأُمَم</mark>") != std::string::npos);
    CHECK(p["text"] == "رحبت الأُمَم المتّحدة بالمشاركين في الاجتماع وأكدت أهمية التعاون الإقليمي.");
    json d = get_json(c, "/api/v1/document/ar-sample.ar?q=" + url_encode("المهاجرين"));
    REQUIRE(d["passages"].size() == 4);
    CHECK(d["passages"][1]["text_html"].get<std::string>().find("<mark>والمهاجرين</mark>") != std::string::npos);
    CHECK(d["passages"][2]["text_html"].get<std::string>().find("<mark>للمهاجرين</mark>") != std::string::npos);
    CHECK(d["passages"][0]["text_html"] == d["passages"][0]["text"]); // nothing to mark: the text
    json en = get_json(c, "/api/document/en-sample.en?q=" + url_encode("migrants"));
    CHECK(en["passages"][0]["text_html"].get<std::string>().find("every <mark>migrant</mark> deserves") !=
          std::string::npos);
    // Without q, no text_html; a bad q is the search's error.
    CHECK(!get_json(c, "/api/document/en-sample.en")["passages"][0].contains("text_html"));
    int status = 0;
    json bad = get_json(c, "/api/passage/en-sample.en:0?q=%C3%28", &status);
    CHECK(status == 400);
    CHECK(bad["error"]["parameter"] == "q");
    get_json(c, "/api/passage/en-sample.en:0?q=" + std::string(1100, 'a'), &status);
    CHECK(status == 413);
    get_json(c, "/api/passage/en-sample.en:0?ui=ar", &status);
    CHECK(status == 400);
}

TEST_CASE("The HTTP layer's own refusals answer the API's JSON error with a documented code", "[permalink][http]") {
    Fixture f;
    test::TestServer server(f.db, web_root);
    auto c = server.client();
    int status = 0;
    json body = get_json(c, "/api/search?q=" + std::string(9000, 'a'), &status);
    CHECK(status == 414);
    CHECK(body["error"]["code"] == "uri_too_long");
    auto [malformed, text] = raw_request(server.port(), "NOT A REQUEST\r\n\r\n");
    CHECK(malformed == 400);
    CHECK(json::parse(text, nullptr, false)["error"]["code"] == "malformed_request");
    CHECK(get_json(c, "/api/health")["status"] == "ok"); // and it keeps serving
}
