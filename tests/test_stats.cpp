// `mahdar-indexer stats DB`: an index built by the real indexer from files written here, its
// statistics read back as a process would (JSON and the table).
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace mahdar;
using json = nlohmann::json;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

// One JSON Lines passage with every field the extraction could otherwise fill in given.
std::string line(const std::string& doc, const std::string& lang, const std::string& date,
                 const std::string& speaker, const std::string& countries, const std::string& text) {
    return json{{"doc_id", doc},       {"doc_title", "Statements " + doc},
                {"text", text},        {"lang", lang},
                {"date", date},        {"speaker", speaker},
                {"countries", json::parse(countries)}, {"objectives", json::array()}}
               .dump() +
           "\n";
}

// Passages: en 3 + 2 (the report), fr 2, ar 1; 2021: 3, 2022: 3, undated: 2 (the report).
// Amina Haddad speaks 3 times, Pierre Martin twice; Morocco (MA) is named 3 times.
void write_sources(const fs::path& dir) {
    test::write_file(dir / "statements.jsonl",
                     line("s-en", "en", "2021-03-04", "Amina Haddad", R"(["MA"])", "Labour mobility was discussed at length.") +
                     line("s-en", "en", "2021-03-04", "Amina Haddad", R"(["MA"])", "Remittance costs remain too high.") +
                     line("s-en", "en", "2021-03-04", "Pierre Martin", "[]", "Data on return should be shared.") +
                     line("s-fr", "fr", "2022-05-06", "Amina Haddad", R"(["MA", "FR"])", "La mobilité de la main-d'oeuvre.") +
                     line("s-fr", "fr", "2022-05-06", "Youssef Karim", "[]", "Les envois de fonds coûtent cher.") +
                     line("s-ar", "ar", "2022-01-01", "Pierre Martin", "[]", "نوقشت تكاليف التحويلات المالية."));
    test::write_file(dir / "workshop.en.md",
                     "# Workshop on labour mobility\n\n"
                     "1. The participants discussed skills partnerships between regions.\n\n"
                     "2. The workshop closed with a discussion of recruitment fees.\n");
    test::write_file(dir / "workshop.en.md.meta.json", R"({"type": "meeting summary"})");
}

struct Built {
    TempDir tmp;
    std::string db = (tmp / "db").string();
};

// Builds the index once per test case.
void build(const Built& b) {
    write_sources(b.tmp / "in");
    auto r = test::run_indexer("--quiet --db " + b.db + " " + (b.tmp / "in").string());
    INFO(r.output);
    REQUIRE(r.status == 0);
}

// `stats` with --json: its exit status and its standard output alone, parsed.
json stats_json(const Built& b, const std::string& db) {
    fs::path out = b.tmp / "stats.json";
    auto r = test::run_indexer("stats " + db + " --json > " + out.string());
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    INFO(text.str());
    return json::parse(text.str());
}

// The row of `rows` whose `key` is `value` (null: the row of none).
json row(const json& rows, const char* key, const json& value) {
    for (const auto& r : rows)
        if (r[key] == value) return r;
    return json();
}

// True when one line of `table` has exactly these words.
bool has_line(const std::string& table, const std::vector<std::string>& words) {
    std::istringstream lines(table);
    for (std::string l; std::getline(lines, l);) {
        std::istringstream in(l);
        std::vector<std::string> got;
        for (std::string w; in >> w;) got.push_back(w);
        if (got == words) return true;
    }
    return false;
}

} // namespace

TEST_CASE("stats --json counts passages and documents by language, year, type and format", "[stats]") {
    Built b;
    build(b);
    json st = stats_json(b, b.db);
    CHECK(st["passages"] == 8);
    CHECK(st["documents"] == 4);
    CHECK(st["files"] == 2);
    CHECK(row(st["languages"], "lang", "en") == json{{"lang", "en"}, {"passages", 5}, {"documents", 2}});
    CHECK(row(st["languages"], "lang", "fr") == json{{"lang", "fr"}, {"passages", 2}, {"documents", 1}});
    CHECK(row(st["languages"], "lang", "ar") == json{{"lang", "ar"}, {"passages", 1}, {"documents", 1}});
    CHECK(row(st["years"], "year", "2021") == json{{"year", "2021"}, {"passages", 3}, {"documents", 1}});
    CHECK(row(st["years"], "year", "2022") == json{{"year", "2022"}, {"passages", 3}, {"documents", 2}});
    CHECK(row(st["years"], "year", nullptr) == json{{"year", nullptr}, {"passages", 2}, {"documents", 1}});
    CHECK(st["years"].back()["year"].is_null()); // undated last
    CHECK(row(st["types"], "type", "meeting summary") == json{{"type", "meeting summary"}, {"passages", 2}, {"documents", 1}});
    CHECK(row(st["types"], "type", nullptr) == json{{"type", nullptr}, {"passages", 6}, {"documents", 3}});
    CHECK(row(st["formats"], "format", "jsonl") ==
          json{{"format", "jsonl"}, {"files", 1}, {"documents", 3}, {"passages", 6}});
    CHECK(row(st["formats"], "format", "md") == json{{"format", "md"}, {"files", 1}, {"documents", 1}, {"passages", 2}});
}

TEST_CASE("stats --json lists the top speakers and countries, and the index's size and revision", "[stats]") {
    Built b;
    build(b);
    json st = stats_json(b, b.db);
    REQUIRE(st["speakers"].size() >= 2);
    CHECK(st["speakers"][0] == json{{"key", "amina_haddad"}, {"name", "Amina Haddad"}, {"passages", 3}});
    CHECK(st["speakers"][1]["name"] == "Pierre Martin");
    CHECK(st["speakers"][1]["passages"] == 2);
    REQUIRE(!st["countries"].empty());
    CHECK(st["countries"][0] == json{{"code", "MA"}, {"name", "Morocco"}, {"passages", 3}});
    CHECK(row(st["countries"], "code", "FR")["passages"] == 1);
    CHECK(st["bytes"].get<std::uint64_t>() > 10000);
    CHECK(st["revision"].get<int>() >= 1);
    CHECK(st["schema"] == "3");
    CHECK(st["uuid"].get<std::string>().size() == 36);
    CHECK(st["modified"].get<std::string>().size() == 20); // 2025-01-31T12:00:00Z

    SECTION("a re-index adds a revision") {
        test::write_file(b.tmp / "in" / "more.fr.md", "# Atelier\n\n1. Les participants ont parlé.\n");
        REQUIRE(test::run_indexer("--quiet --db " + b.db + " " + (b.tmp / "in").string()).status == 0);
        json after = stats_json(b, b.db);
        CHECK(after["revision"].get<int>() > st["revision"].get<int>());
        CHECK(after["passages"] == 9);
        CHECK(row(after["languages"], "lang", "fr")["documents"] == 2);
    }
}

TEST_CASE("stats lists a person written in two scripts once", "[stats]") {
    Built b;
    test::write_file(b.tmp / "in" / "two-scripts.jsonl",
                     line("t-en", "en", "2023-11-15", "Rania Khoury", "[]", "Regular pathways are narrowing.") +
                     line("t-en", "en", "2023-11-15", "Rania Khoury", "[]", "Data must be disaggregated.") +
                     line("t-ar", "ar", "2023-11-15", "رانيا خوري", "[]", "المسارات النظامية تضيق.") +
                     line("t-en", "en", "2023-11-15", "Salma Bennani", "[]", "The strategy was updated."));
    REQUIRE(test::run_indexer("--quiet --db " + b.db + " " + (b.tmp / "in").string()).status == 0);
    json st = stats_json(b, b.db);
    REQUIRE(st["speakers"].size() == 2); // not a third row for the Arabic spelling
    CHECK(st["speakers"][0] == json{{"key", "rania_khoury"}, {"name", "Rania Khoury (رانيا خوري)"}, {"passages", 3}});
    CHECK(st["speakers"][1]["name"] == "Salma Bennani");
}

TEST_CASE("stats prints the same figures as a table", "[stats]") {
    Built b;
    build(b);
    auto r = test::run_indexer("stats " + b.db);
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find("passages      8 in 4 documents from 2 files") != std::string::npos);
    CHECK(has_line(r.output, {"passages", "documents", "language"}));
    CHECK(has_line(r.output, {"5", "2", "en"}));
    CHECK(has_line(r.output, {"2", "1", "fr"}));
    CHECK(has_line(r.output, {"3", "2", "2022"}));
    CHECK(has_line(r.output, {"2", "1", "undated"}));
    CHECK(has_line(r.output, {"6", "3", "(no", "type)"}));
    CHECK(has_line(r.output, {"6", "3", "1", "jsonl"}));
    CHECK(has_line(r.output, {"2", "1", "1", "md"}));
    CHECK(has_line(r.output, {"3", "Amina", "Haddad"}));
    CHECK(has_line(r.output, {"3", "MA", "Morocco"}));
}

TEST_CASE("stats over a stub file adds up its shards", "[stats]") {
    Built b;
    build(b);
    std::string other = (b.tmp / "other").string();
    test::write_file(b.tmp / "in2" / "note.fr.md", "# Note\n\n1. Une note sur les migrations.\n");
    REQUIRE(test::run_indexer("--quiet --db " + other + " " + (b.tmp / "in2").string()).status == 0);
    test::write_file(b.tmp / "all.stub", "auto db\nauto " + other + "\n"); // relative to the stub's folder
    json st = stats_json(b, (b.tmp / "all.stub").string());
    CHECK(st["passages"] == 9);
    CHECK(st["documents"] == 5);
    CHECK(st["files"] == 3);
    CHECK(row(st["languages"], "lang", "fr") == json{{"lang", "fr"}, {"passages", 3}, {"documents", 2}});
    REQUIRE(st["shards"].size() == 2);
    CHECK(st["shards"][1]["location"] == other);
    CHECK(st["revision"].is_null()); // no one revision for two databases
    CHECK(st["bytes"] == st["shards"][0]["bytes"].get<std::uint64_t>() + st["shards"][1]["bytes"].get<std::uint64_t>());
}

TEST_CASE("stats names a missing or unreadable index and exits 1, bad usage exits 2", "[stats]") {
    TempDir tmp;
    std::string missing = (tmp / "no-such-db").string();
    auto r = test::run_indexer("stats " + missing);
    CHECK(r.status == 1);
    CHECK(r.output.find(missing + ": no such index") != std::string::npos);

    fs::create_directories(tmp / "empty");
    r = test::run_indexer("stats " + (tmp / "empty").string());
    CHECK(r.status == 1);
    CHECK(r.output.find((tmp / "empty").string() + ": not a Xapian index") != std::string::npos);

    test::write_file(tmp / "notes.txt", "not a stub\n");
    r = test::run_indexer("stats " + (tmp / "notes.txt").string());
    CHECK(r.status == 1);
    CHECK(r.output.find((tmp / "notes.txt").string() + ": not a Xapian index") != std::string::npos);

    r = test::run_indexer("stats");
    CHECK(r.status == 2);
    CHECK(r.output.find("usage: mahdar-indexer stats DB [--json]") != std::string::npos);
    CHECK(test::run_indexer("stats " + missing + " --bogus").status == 2);
}
