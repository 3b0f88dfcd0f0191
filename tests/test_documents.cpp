// Real documents in, as a user meets them: a folder of mixed files where each bad one is named
// with its reason and the rest is indexed; UN symbols found and searchable; originals served.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace mahdar;
using json = nlohmann::json;
using test::get_json;
using test::url_encode;

namespace {

const char* report_with_symbol =
    "# Regional review of the Global Compact for Migration in the Arab region\n\n"
    "E/ESCWA/SDD/2021/3\n\n"
    "1. Ms. Enas El Fergany, League of Arab States, said that labour mobility corridors between "
    "Egypt and Jordan needed fair recruitment.\n\n"
    "2. The meeting recalled resolution A/RES/73/195 on safe, orderly and regular migration.\n";

const char* press_release =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Migration review closes</title></head><body>"
    "<main><h1>Migration review closes</h1><p>The representative of Egypt said that remittance "
    "costs remained too high for seasonal workers.</p></main></body></html>";

std::string bytes_of(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A folder holding good documents and one of each kind of bad file.
struct MixedFolder {
    test::TempDir tmp;
    std::filesystem::path in = tmp / "in";
    std::string db = (tmp / "db").string();
    MixedFolder() {
        test::write_file(in / "review.md", report_with_symbol);
        test::write_file(in / "press.pdf", press_release); // HTML named .pdf: read as what it is
        test::write_file(in / "old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
        test::write_file(in / "minutes.rtf", "{\\rtf1\\ansi The Chair opened the meeting.}");
        test::write_file(in / "empty.pdf", "");
        test::write_file(in / "broken.docx", "this was never a zip archive");
        test::write_file(in / "truncated.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R");
        test::write_file(in / "scan.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        for (const char* made : {"pdf-encrypted.pdf", "bad-zip-bomb.docx"}) // by scripts/fixtures/
            std::filesystem::copy_file(test::fixtures() / "documents" / made, in / made);
        test::write_file(in / "statements.jsonl",
                         "{\"id\": \"s1\", \"doc_id\": \"statements\", \"doc_title\": \"Statements\", \"text\": \"Morocco spoke on objective 21.\", \"lang\": \"en\"}\n");
    }
};

} // namespace

TEST_CASE("each bad file is named with its reason, the rest is indexed, and the run ends with a summary", "[documents]") {
    MixedFolder f;
    auto r = test::run_indexer("--db " + f.db + " " + f.in.string());
    INFO(r.output);
    CHECK(r.status == 3);
    auto said = [&](const std::string& s) { return r.output.find(s) != std::string::npos; };
    CHECK(said("old.doc: unsupported format: legacy Word"));
    CHECK(said("minutes.rtf: unsupported format: RTF document"));
    CHECK(said("scan.png: unsupported format: image"));
    CHECK(said("empty.pdf: the file is empty"));
    CHECK(said("broken.docx: not a zip archive"));
    CHECK(said("truncated.pdf: malformed PDF"));
    CHECK(said("note: " + (f.in / "press.pdf").string() + ": named .pdf but holds HTML: read as HTML"));
    CHECK(said("pdf-encrypted.pdf: encrypted PDF: needs a password"));
    CHECK(said("bad-zip-bomb.docx: too large"));
    CHECK(said("skipped by reason:"));
    CHECK(said("  unsupported format: 3 ("));
    CHECK(said("files 3 indexed"));

    test::TestServer server(f.db);
    auto c = server.client();
    CHECK(get_json(c, "/api/search?q=remittance")["total"] == 1);
    CHECK(get_json(c, "/api/search?q=" + url_encode("fair recruitment"))["total"] == 1);
}

TEST_CASE("a file named on the command line that is gone is reported, the others indexed", "[documents]") {
    test::TempDir tmp;
    test::write_file(tmp / "here.md", report_with_symbol);
    auto r = test::run_indexer("--db " + (tmp / "db").string() + " " + (tmp / "here.md").string() + " " +
                               (tmp / "gone.pdf").string());
    CHECK(r.status == 3);
    CHECK(r.output.find("gone.pdf: the file is gone; skipped") != std::string::npos);
    CHECK(r.output.find("files 1 indexed") != std::string::npos);
}

TEST_CASE("a FIFO named on the command line is refused at once, not waited on", "[documents]") {
    test::TempDir tmp;
    test::write_file(tmp / "here.md", report_with_symbol);
    REQUIRE(test::run_command("mkfifo " + (tmp / "pipe.txt").string()).status == 0);
    // timeout: before, the indexer blocked in open() for ever, deaf to signals.
    auto r = test::run_command("timeout -s KILL 20 " + std::string(MAHDAR_INDEXER) + " --db " + (tmp / "db").string() +
                               " " + (tmp / "pipe.txt").string() + " " + (tmp / "here.md").string() + " 2>&1");
    CHECK(r.status == 3);
    CHECK(r.output.find("pipe.txt: not a regular file (a FIFO, socket or device)") != std::string::npos);
    CHECK(r.output.find("files 1 indexed") != std::string::npos);
}

TEST_CASE("a run that can index nothing says so and fails", "[documents]") {
    test::TempDir tmp;
    test::write_file(tmp / "in" / "old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(64, '\0'));
    auto r = test::run_indexer("--db " + (tmp / "db").string() + " " + (tmp / "in").string());
    CHECK(r.status == 1);
    CHECK(r.output.find("nothing could be indexed") != std::string::npos);

    std::filesystem::create_directories(tmp / "empty");
    auto none = test::run_indexer("--db " + (tmp / "db2").string() + " " + (tmp / "empty").string());
    CHECK(none.status == 1);
    CHECK(none.output.find("no files to index") != std::string::npos);
}

TEST_CASE("a UN symbol is found on the first page, filters, facets, and finds its document when typed", "[documents]") {
    MixedFolder f;
    REQUIRE(test::run_indexer("--db " + f.db + " " + f.in.string()).status == 3);
    test::TestServer server(f.db);
    auto c = server.client();

    json hits = get_json(c, "/api/search?q=" + url_encode("e/escwa/sdd/2021/3"));
    REQUIRE(hits["total"] >= 2);
    CHECK(hits["hits"][0]["doc_id"] == "review");
    CHECK(hits["hits"][0]["symbol"] == "E/ESCWA/SDD/2021/3");

    // A symbol only cited in a passage finds that passage, not a document of its own.
    json cited = get_json(c, "/api/search?q=" + url_encode("A/RES/73/195"));
    REQUIRE(cited["total"] == 1);
    CHECK(cited["hits"][0]["text"].get<std::string>().find("A/RES/73/195") != std::string::npos);

    json filtered = get_json(c, "/api/search?q=migration&symbol=" + url_encode("E/ESCWA/SDD/2021/3"));
    REQUIRE(filtered["total"] >= 1);
    for (const auto& h : filtered["hits"]) CHECK(h["doc_id"] == "review");
    json facet = get_json(c, "/api/search?q=" + url_encode("labour OR remittance"))["facets"]["symbol"];
    REQUIRE(facet.size() == 1);
    CHECK(facet[0]["value"] == "E/ESCWA/SDD/2021/3");
    CHECK(get_json(c, "/api/search?q=" + url_encode("symbol:E/ESCWA/SDD/2021/3"))["total"] == 2);

    int status = 0;
    json docs = get_json(c, "/api/documents?symbol=" + url_encode("E/ESCWA/SDD/2021/3"), &status);
    CHECK(status == 200);
    REQUIRE(docs["documents"].size() == 1);
    CHECK(docs["documents"][0]["doc_id"] == "review");
    CHECK(docs["documents"][0]["format"] == "text");
    CHECK(docs["documents"][0]["original_url"] == "/api/original/review");
    CHECK(get_json(c, "/api/documents?symbol=" + url_encode("A/RES/1/1"))["documents"].empty());
    get_json(c, "/api/documents?symbol=hello", &status);
    CHECK(status == 400);
    get_json(c, "/api/search?q=x&symbol=hello", &status);
    CHECK(status == 400);
}

TEST_CASE("a symbol cited in a report's opening paragraph is not the report's symbol", "[documents]") {
    test::TempDir tmp;
    test::write_file(tmp / "in" / "note.md",
                     "# Background note on the regional review\n\n"
                     "1. The General Assembly adopted the Global Compact in resolution A/RES/73/195 "
                     "and decided that regional reviews would take place every four years.\n");
    test::write_file(tmp / "in" / "A_73_PV.60-EN.md", "# Seventy-third session, 60th plenary meeting\n\n"
                                                       "The President: I give the floor to the representative of Morocco.\n");
    REQUIRE(test::run_indexer("--db " + (tmp / "db").string() + " " + (tmp / "in").string()).status == 0);
    test::TestServer server((tmp / "db").string());
    auto c = server.client();
    CHECK(get_json(c, "/api/documents?symbol=" + url_encode("A/RES/73/195"))["documents"].empty());
    CHECK(get_json(c, "/api/document/note")["symbol"] == "");
    json pv = get_json(c, "/api/documents?symbol=" + url_encode("A/73/PV.60")); // from the file name
    REQUIRE(pv["documents"].size() == 1);
    CHECK(pv["documents"][0]["doc_id"] == "A_73_PV.60-EN");
}

TEST_CASE("the original file of a document is served read-only, and nothing else is", "[documents]") {
    MixedFolder f;
    REQUIRE(test::run_indexer("--db " + f.db + " " + f.in.string()).status == 3);
    test::TestServer server(f.db);
    auto c = server.client();

    json doc = get_json(c, "/api/document/press");
    REQUIRE(doc["original_url"] == "/api/original/press");
    CHECK(doc["format"] == "html");
    auto res = c.Get("/api/original/press");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body == bytes_of(f.in / "press.pdf"));
    CHECK(res->get_header_value("Content-Type").find("text/html") == 0);
    CHECK(res->get_header_value("Content-Security-Policy") == "sandbox"); // its scripts cannot run here

    auto review = c.Get("/api/original/review");
    REQUIRE(review);
    CHECK(review->body == report_with_symbol);

    CHECK(get_json(c, "/api/document/statements")["original_url"].is_null());
    int status = 0;
    get_json(c, "/api/original/statements", &status);
    CHECK(status == 404); // a JSON Lines document has no file of its own
    get_json(c, "/api/original/" + url_encode("../../etc/passwd"), &status);
    CHECK(status == 404);
    get_json(c, "/api/original/old", &status);
    CHECK(status == 404); // skipped files were never indexed

    std::filesystem::remove(f.in / "review.md");
    get_json(c, "/api/original/review", &status);
    CHECK(status == 404);
}
