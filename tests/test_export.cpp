// Exports of a whole result set (issue 16): what a spreadsheet, a script or a reference manager
// receives, through the real server over a real index.
#include "http/export_formats.h"
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace mahdar;
using json = nlohmann::json;

namespace {

struct Index {
    test::TempDir tmp;
    std::string db = (tmp / "db").string();
    explicit Index(int passages) {
        std::string lines;
        for (int i = 0; i < passages; ++i)
            lines += json{{"id", "p" + std::to_string(i)}, {"doc_id", "d" + std::to_string(i / 10)},
                          {"doc_title", "Réunion régionale, \"Pacte\" " + std::to_string(i / 10)},
                          {"lang", i % 2 ? "fr" : "ar"},
                          {"text", i % 2 ? "Le Maroc a présenté, au titre de l'objectif 5, ses voies de migration régulière.\nSuite."
                                         : "قدم ممثل المغرب عرضاً عن مسارات الهجرة النظامية، الهدف 5."},
                          {"speaker", i % 3 ? "Salma Bennani" : "=cmd|' /C calc'!A0"},
                          {"countries", {"MA"}},
                          {"objectives", {5}},
                          {"date", "2023-0" + std::to_string(1 + i % 9) + "-15"}}
                         .dump() +
                     "\n";
        test::write_file(tmp / "in" / "p.jsonl", lines);
        auto r = test::run_indexer("--quiet --db " + db + " " + (tmp / "in").string());
        if (r.status != 0) FAIL(r.output);
    }
};

// RFC 4180 rows of a CSV text (quoted fields, "" for a quote, line breaks inside quotes).
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::exchange(field, ""));
        } else if (c == '\n') {
            rows.back().push_back(std::exchange(field, ""));
            rows.emplace_back();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

} // namespace

TEST_CASE("A CSV export holds the whole result set, opens in a spreadsheet as UTF-8 and runs no formula", "[searchd][export]") {
    Index index(250);
    test::TestServer server(index.db);
    auto c = server.client();
    auto res = c.Get("/api/v1/export?format=csv&country=MA&sort=date");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").rfind("text/csv", 0) == 0);
    CHECK(res->get_header_value("Content-Disposition").find("attachment; filename=\"mahdar-") == 0);
    CHECK(res->get_header_value("Result-Total") == "250");
    CHECK(res->get_header_value("Export-Rows") == "250");
    REQUIRE(res->body.rfind("\xEF\xBB\xBF", 0) == 0); // the BOM Excel needs to read UTF-8
    auto rows = parse_csv(res->body.substr(3));
    REQUIRE(rows.size() == 251); // the header and every passage, past one page and one chunk
    CHECK(rows[0][0] == "id");
    CHECK(rows[0][13] == "text");
    for (const auto& r : rows) REQUIRE(r.size() == 15);
    CHECK(rows[1][4] <= rows[250][4]); // sorted by date, oldest first
    std::set<std::string> texts, titles, speakers;
    for (std::size_t i = 1; i < rows.size(); ++i) texts.insert(rows[i][13]), titles.insert(rows[i][3]), speakers.insert(rows[i][6]);
    CHECK(texts.count("قدم ممثل المغرب عرضاً عن مسارات الهجرة النظامية، الهدف 5.") == 1);
    CHECK(texts.count("Le Maroc a présenté, au titre de l'objectif 5, ses voies de migration régulière.\nSuite.") == 1);
    CHECK(titles.count("Réunion régionale, \"Pacte\" 3") == 1);
    CHECK(speakers.count("'=cmd|' /C calc'!A0") == 1); // a formula is written as text

    auto limited = c.Get("/api/v1/export?format=csv&country=MA&limit=20");
    REQUIRE(limited);
    CHECK(limited->get_header_value("Result-Total") == "250"); // the user sees what was left out
    CHECK(limited->get_header_value("Export-Rows") == "20");
    CHECK(parse_csv(limited->body.substr(3)).size() == 21);
}

TEST_CASE("JSON Lines, RIS and CSL-JSON exports give every passage in the search's order", "[searchd][export]") {
    Index index(30);
    test::TestServer server(index.db);
    auto c = server.client();
    auto lines = c.Get("/api/export?format=jsonl&q=objectif&lang=fr");
    REQUIRE(lines);
    std::istringstream in(lines->body);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        json j = json::parse(line);
        CHECK(j["lang"] == "fr");
        CHECK(j["link"].get<std::string>().find("/s/p") != std::string::npos);
        ++n;
    }
    CHECK(n == 15);
    auto ris = c.Get("/api/export?format=ris&lang=ar");
    REQUIRE(ris);
    std::size_t records = 0;
    for (std::size_t at = 0; (at = ris->body.find("TY  - RPRT\r\n", at)) != std::string::npos; ++at) ++records;
    CHECK(records == 15);
    CHECK(ris->body.find("ER  - ") != std::string::npos);
    CHECK(ris->body.find("AB  - Le Maroc") == std::string::npos); // only what the search found
    auto csl = c.Get("/api/export?format=csl&country=MA");
    REQUIRE(csl);
    json items = json::parse(csl->body);
    REQUIRE(items.is_array());
    CHECK(items.size() == 30);
    CHECK(items[0].contains("title"));
    CHECK(items[0].contains("issued"));
}

TEST_CASE("A bad export request is a 400 naming the parameter", "[searchd][export]") {
    Index index(3);
    test::TestServer server(index.db);
    auto c = server.client();
    int status = 0;
    json r = test::get_json(c, "/api/export?format=xlsx", &status);
    CHECK(status == 400);
    CHECK(r["error"]["parameter"] == "format");
    r = test::get_json(c, "/api/export?limit=1000000", &status);
    CHECK(status == 400);
    CHECK(r["error"]["parameter"] == "limit");
    r = test::get_json(c, "/api/export?page=2", &status);
    CHECK(status == 400);
    CHECK(r["error"]["parameter"] == "page");
}

TEST_CASE("CSV fields are quoted as RFC 4180 says", "[export]") {
    CHECK(csv_field("plain") == "\"plain\"");
    CHECK(csv_field("say \"yes\", then") == "\"say \"\"yes\"\", then\"");
    CHECK(csv_field("-5") == "\"'-5\"");
    CHECK(csv_field("@SUM(A1)") == "\"'@SUM(A1)\"");
}

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A client that asks for `path` and reads nothing: its export stays open on the server.
int stalled_request(int port, const std::string& path) {
    int fd = test::connect_local(port, 4096);
    REQUIRE(fd >= 0);
    std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    REQUIRE(send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
    return fd;
}

} // namespace

TEST_CASE("Exports beyond those the server streams at once are told to come back (503, Retry-After), and can then", "[searchd][export]") {
    test::TempDir tmp;
    std::string db = (tmp / "db").string(), lines;
    std::string long_text;
    for (int i = 0; i < 60; ++i) long_text += "Delegates reviewed regular pathways for migrant workers in the region. ";
    for (int i = 0; i < 1500; ++i)
        lines += json{{"id", "p" + std::to_string(i)}, {"doc_id", "d" + std::to_string(i / 50)}, {"doc_title", "T"},
                      {"lang", "en"}, {"text", long_text + std::to_string(i)}}
                     .dump() +
                 "\n";
    test::write_file(tmp / "in" / "p.jsonl", lines); // ~6 MB of CSV: more than the sockets hold
    REQUIRE(test::run_indexer("--quiet --db " + db + " " + (tmp / "in").string()).status == 0);
    test::TestServer server(db);
    int a = stalled_request(server.port(), "/api/export?format=csv");
    int b = stalled_request(server.port(), "/api/export?format=jsonl");
    auto c = server.client();
    int status = 0;
    std::string retry, body;
    for (int i = 0; i < 300 && status != 503; ++i) { // until both stalled exports hold their place (a loaded machine: up to 30 s)
        auto third = c.Get("/api/export?format=csv&limit=1");
        REQUIRE(third);
        status = third->status, retry = third->get_header_value("Retry-After"), body = third->body;
        if (status != 503) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(status == 503);
    CHECK(retry == "5");
    CHECK(json::parse(body)["error"]["code"] == "overloaded");
    CHECK(c.Get("/api/search?q=migrant")->status == 200); // searches are not held up
    close(a);
    close(b);
    bool served = false;
    for (int i = 0; i < 300 && !served; ++i) { // the stalled exports end when their clients go (within the 5 s write timeout)
        auto again = c.Get("/api/export?format=csv&limit=1");
        REQUIRE(again);
        served = again->status == 200;
        if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(served);
}
