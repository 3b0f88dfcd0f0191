// The new user's folder of issue 14, end to end: an Arabic PDF, a French DOCX with automatic
// numbering and footnotes, an English DOCX and PDF — made by LibreOffice, Chromium, WeasyPrint
// and Word (tests/fixtures/documents, made by scripts/fixtures/) — indexed by the real indexer
// and searched through the real routes.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace mahdar;
using json = nlohmann::json;
using test::get_json;
using test::url_encode;

namespace {

namespace fs = std::filesystem;

struct Folder {
    test::TempDir tmp;
    fs::path in = tmp / "in";
    std::string db = (tmp / "db").string();
    test::CommandResult run;
    std::unique_ptr<test::TestServer> server;
    explicit Folder(std::initializer_list<const char*> names) {
        fs::create_directories(in);
        for (const char* n : names) fs::copy_file(test::fixtures() / "documents" / n, in / n);
        run = test::run_indexer("--db " + db + " " + in.string());
        server = std::make_unique<test::TestServer>(db);
    }
    json get(const std::string& path, int* status = nullptr) {
        auto c = server->client();
        return get_json(c, path, status);
    }
};

} // namespace

TEST_CASE("a folder of PDF and Word reports is indexed, where before nothing was", "[documents][real]") {
    Folder f({"pdf-arabic-libreoffice.pdf", "fr-numbered.docx", "en-numbered.docx", "pdf-two-columns.pdf"});
    INFO(f.run.output);
    CHECK(f.run.status == 0);
    CHECK(f.run.output.find("files 4 indexed") != std::string::npos);
    json docs = f.get("/api/health");
    CHECK(docs["documents"] == 4);
    for (const char* q : {"المهاجرين", "migrants", "migrations"}) CHECK(f.get("/api/search?q=" + url_encode(q))["total"] > 0);
}

TEST_CASE("passages from a PDF carry their page, and the hit opens the original at it", "[documents][real]") {
    Folder f({"pdf-two-columns.pdf"});
    json r = f.get("/api/search?size=100&q=" + url_encode("migration OR migrants OR workers"));
    REQUIRE(r["total"] > 3);
    std::set<int> pages;
    for (const auto& h : r["hits"]) {
        REQUIRE(h["page"].is_number());
        pages.insert(h["page"].get<int>());
    }
    CHECK(pages.size() > 1); // the hits are spread over the pages, each with its own
    json doc = f.get("/api/document/pdf-two-columns");
    CHECK(doc["format"] == "pdf");
    CHECK(doc["pages"] == 3);
    CHECK(doc["symbol"] == "E/ESCWA/SDD/2021/3"); // from the margin of its first page
    auto c = f.server->client();
    auto original = c.Get(doc["original_url"].get<std::string>().c_str());
    REQUIRE(original);
    CHECK(original->status == 200);
    CHECK(original->get_header_value("Content-Type") == "application/pdf");
    CHECK(original->body.compare(0, 5, "%PDF-") == 0);
    bool notes = false;
    for (const auto& p : doc["passages"]) notes = notes || p["note"] == true;
    CHECK(notes); // footnotes are passages of their own
}

TEST_CASE("the phrase الأمم المتحدة finds every passage of an Arabic PDF that the source text has it in", "[documents][real]") {
    // The PDFs were made from pdf-arabic-source.ar.md: the phrase must find as many passages
    // in each as in the text itself.
    Folder f({"pdf-arabic-source.ar.md", "pdf-arabic-libreoffice.pdf", "pdf-arabic-chromium.pdf",
              "pdf-arabic-xelatex.pdf"});
    std::string phrase = url_encode("\"الأمم المتحدة\"");
    auto count = [&](const char* doc) { return f.get("/api/search?q=" + phrase + "&doc=" + doc)["total"].get<int>(); };
    int in_source = count("pdf-arabic-source.ar");
    REQUIRE(in_source >= 2);
    CHECK(count("pdf-arabic-libreoffice") == in_source);
    CHECK(count("pdf-arabic-chromium") == in_source);
    CHECK(count("pdf-arabic-xelatex") == in_source);
    // And a quoted sentence of the source finds the same sentence in every PDF ("شريك" is
    // two pieces in XeLaTeX's: Amiri spaces the "ي" after the "ر").
    json cited = f.get("/api/search?q=" + url_encode("\"المؤسسات الوطنية لحقوق الإنسان شريك أساسي\""));
    std::set<std::string> docs;
    for (const auto& h : cited["hits"]) docs.insert(h["doc_id"].get<std::string>());
    CHECK(docs == std::set<std::string>{"pdf-arabic-source.ar", "pdf-arabic-libreoffice", "pdf-arabic-chromium",
                                        "pdf-arabic-xelatex"});
}

TEST_CASE("Word's automatic numbering is the paragraph number users cite", "[documents][real]") {
    Folder f({"en-numbered.docx", "fr-numbered.docx"});
    json r = f.get("/api/search?q=" + url_encode("\"exit permit\""));
    REQUIRE(r["total"] == 1);
    CHECK(r["hits"][0]["para"] == "12");
    CHECK(r["hits"][0]["text"].get<std::string>().rfind("The representative of the State of Qatar", 0) == 0);
    CHECK(r["hits"][0]["page"].is_number()); // Word's rendered page breaks give pages
    json fr = f.get("/api/document/fr-numbered");
    int notes = 0;
    for (const auto& p : fr["passages"]) notes += p["note"] == true;
    CHECK(notes == 2);
}

TEST_CASE("a scanned PDF is named and skipped, and read under --ocr", "[documents][real]") {
    Folder f({"pdf-scanned.pdf", "en-numbered.docx"});
    CHECK(f.run.status == 3);
    CHECK(f.run.output.find("pdf-scanned.pdf: no text layer: scanned? use --ocr") != std::string::npos);
    auto ocr = test::run_indexer("--ocr --db " + (f.tmp / "ocr-db").string() + " " + f.in.string());
    INFO(ocr.output);
    if (ocr.output.find("this build has no Tesseract") != std::string::npos) {
        CHECK(ocr.status == 3); // said plainly, and the page still reported
        return;
    }
    CHECK(ocr.output.find("files 2 indexed") != std::string::npos);
    test::TestServer server((f.tmp / "ocr-db").string());
    auto c = server.client();
    json scanned = get_json(c, "/api/document/pdf-scanned");
    REQUIRE(scanned["passages"].size() > 0);
    CHECK(scanned["passages"][0]["page"] == 1);
}

TEST_CASE("a document that turns bad keeps what the index had of it", "[documents][real]") {
    Folder f({"en-numbered.docx"});
    REQUIRE(f.run.status == 0);
    f.server.reset();
    fs::copy_file(test::fixtures() / "documents" / "bad-truncated.docx", f.in / "en-numbered.docx",
                  fs::copy_options::overwrite_existing);
    auto again = test::run_indexer("--db " + f.db + " " + f.in.string());
    CHECK(again.status == 1); // nothing could be indexed this time
    CHECK(again.output.find("en-numbered.docx: ") != std::string::npos);
    test::TestServer server(f.db);
    auto c = server.client();
    json r = get_json(c, "/api/search?q=" + url_encode("\"exit permit\""));
    CHECK(r["total"] == 1); // the passages of the last good version are still there
}
