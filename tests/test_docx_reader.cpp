// read_docx (issue 14) on the DOCX fixtures of tests/fixtures/documents (made by
// scripts/fixtures/make-office-fixtures), and Word's numbering rebuilt without files.
#include "common/strings.h"
#include "fuzz/fuzz_zip.h"
#include "ingest/block_text.h"
#include "ingest/docx_numbering.h"
#include "ingest/list_numbering.h"
#include "ingest/readers.h"
#include "ingest/zip_archive.h"
#include "office_support.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace mahdar;
using namespace mahdar::test;

namespace {

Layout read_fixture(const std::string &name) {
    auto layout = read_docx(document_fixture(name));
    INFO(name << ": " << (layout ? "" : layout.error().message));
    REQUIRE(layout.ok());
    return layout.value();
}

std::string failure_of(const std::string &bytes, const ReadLimits &limits = {}) {
    auto layout = read_docx(bytes, limits);
    REQUIRE_FALSE(layout.ok());
    CHECK(layout.error().kind == ErrorCode::bad_input);
    return std::string(failure_reason(layout.error().message));
}

// The numbers a WordNumberer gives a run of paragraphs (num_id, ilvl).
std::vector<std::string> numbers(const std::string &numbering_xml,
                                 const std::vector<std::pair<int, int>> &paragraphs) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(numbering_xml.c_str()));
    WordNumberer numberer(parse_word_numbering(doc.child("w:numbering")));
    std::vector<std::string> out;
    for (auto [num, ilvl] : paragraphs) {
        auto label = numberer.next(num, ilvl);
        out.push_back(!label ? "-" : label->bullet ? "*" : label->number);
    }
    return out;
}

const char *two_level_numbering = R"xml(<w:numbering xmlns:w="w">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Chapter %1"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="0"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="20"/></w:lvlOverride></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>)xml";

} // namespace

TEST_CASE("number formats as Word and LibreOffice draw them", "[docx][numbering]") {
    struct Row {
        std::uint32_t n;
        NumFormat format;
        std::string drawn;
    };
    for (const Row &r : std::vector<Row>{{12, NumFormat::decimal, "12"},
                                         {3, NumFormat::decimal_zero, "03"},
                                         {1, NumFormat::lower_letter, "a"},
                                         {26, NumFormat::lower_letter, "z"},
                                         {28, NumFormat::lower_letter, "bb"},
                                         {2, NumFormat::upper_letter, "B"},
                                         {4, NumFormat::lower_roman, "iv"},
                                         {1994, NumFormat::upper_roman, "MCMXCIV"},
                                         {4000, NumFormat::upper_roman, "4000"},
                                         {12, NumFormat::arabic_indic, "١٢"},
                                         {5, NumFormat::bullet, ""}}) {
        INFO(r.n << " → " << r.drawn);
        CHECK(format_number(r.n, r.format) == r.drawn);
    }
    CHECK(word_num_format("upperRoman") == NumFormat::upper_roman);
    CHECK(word_num_format("lowerLetter") == NumFormat::lower_letter);
    CHECK(word_num_format("ordinalTitle") == NumFormat::decimal); // not drawn: read as decimal
    CHECK(odf_num_format("i") == NumFormat::lower_roman);
    CHECK(odf_num_format("") == NumFormat::none);
}

TEST_CASE("Word numbering: levels restart under their parent, formats per level",
          "[docx][numbering]") {
    CHECK(numbers(two_level_numbering, {{1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 2}, {1, 0}, {1, 1}}) ==
          std::vector<std::string>{"1", "2", "a", "b", "i", "3", "a"});
}

TEST_CASE("Word numbering: the number is the lvlText's placeholders, not its decoration",
          "[docx][numbering]") {
    // "Chapter %1" in upper roman starting at 4; "%1.%2" with isLgl draws level 1 in decimal.
    CHECK(numbers(two_level_numbering, {{2, 0}, {2, 1}, {2, 1}, {2, 0}}) ==
          std::vector<std::string>{"IV", "4.1", "4.2", "V"});
}

TEST_CASE("Word numbering: bullets, numbering off and unknown lists", "[docx][numbering]") {
    CHECK(numbers(two_level_numbering, {{3, 0}, {0, 0}, {99, 0}, {1, 0}}) ==
          std::vector<std::string>{"*", "-", "-", "1"});
}

TEST_CASE("Word numbering: a startOverride restarts the shared list, a plain w:num continues it",
          "[docx][numbering]") {
    CHECK(numbers(two_level_numbering, {{1, 0}, {1, 0}, {4, 0}, {4, 0}, {5, 0}}) ==
          std::vector<std::string>{"1", "2", "20", "21", "22"});
}

TEST_CASE("list counters: restart sets the next value and resets deeper levels",
          "[docx][numbering]") {
    ListCounters c;
    CHECK(c.count(0, 1) == 1);
    CHECK(c.count(1, 1) == 1);
    CHECK(c.count(1, 1) == 2);
    c.restart(0, 7);
    CHECK(c.count(0, 1) == 7);
    CHECK(c.value(1, 1) == 1); // reset: an outer paragraph restarts the inner level
    CHECK(c.count(1, 1) == 1);
    CHECK(c.count(42, 1) == 1); // out-of-range levels are clamped, not trusted
}

TEST_CASE("English DOCX: Word's automatic paragraph numbers are numbers, not text", "[docx]") {
    Layout layout = read_fixture("en-numbered.docx");
    INFO(describe(layout));
    const Block *p12 = find_block(layout, "State of Qatar");
    REQUIRE(p12);
    CHECK(p12->kind == BlockKind::paragraph);
    CHECK(p12->number == "12");
    CHECK(p12->text.rfind("The representative of the State of Qatar", 0) == 0);
    std::vector<std::string> seen;
    for (const auto &b : blocks_of(layout, BlockKind::paragraph))
        if (!b.number.empty())
            seen.push_back(b.number);
    CHECK(seen == std::vector<std::string>{"1", "2", "3", "3.1", "3.2", "4", "5", "6", "7", "8",
                                           "9", "10", "11", "12", "13", "14", "15"});
}

TEST_CASE("English DOCX: headings, table rows, endnote, tracked changes, metadata", "[docx]") {
    Layout layout = read_fixture("en-numbered.docx");
    INFO(describe(layout));
    auto headings = blocks_of(layout, BlockKind::heading);
    REQUIRE(headings.size() == 5);
    CHECK(headings[0].text == "Report of the regional consultation on labour migration governance");
    CHECK(headings[0].level == 1);
    CHECK(headings[1].text == "Introduction");
    CHECK(headings[1].level == 2);

    auto rows = blocks_of(layout, BlockKind::row);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].text == "Country | Agreements signed | Workers covered");
    CHECK(rows[1].text == "Egypt | 12 | 250,000");

    // The endnote comes right after the paragraph that calls it, numbered as Word draws
    // endnotes (lower roman); the paragraph keeps neither its text nor the mark.
    auto notes = blocks_of(layout, BlockKind::note);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].text ==
          "i The Arab Regional Consultative Process on Migration and Refugee Affairs was "
          "established by the League of Arab States in 2015.");
    const Block *p5 = find_block(layout, "Enas El Fergany");
    REQUIRE(p5);
    CHECK(p5->text.find("established by the League") == std::string::npos);
    CHECK(ends_with(p5->text, "Migration and Refugee Affairs."));
    CHECK(&p5[1] == find_block(layout, "i The Arab Regional"));

    CHECK(find_block(layout, "the single most important") == nullptr); // w:del dropped
    CHECK(find_block(layout, "was the most important safeguard"));
    CHECK(
        find_block(layout, "wage protection system covering all private sector employers in 2021"));
    CHECK(find_block(layout, "ADVANCE UNEDITED") == nullptr); // header part not read
    CHECK(find_block(layout, "PAGE") == nullptr);

    CHECK(layout.title ==
          "Regional consultation on labour migration governance in the Arab region");
    CHECK(layout.lang == "en-GB");
}

TEST_CASE("English DOCX: pages estimated from Word's rendered page breaks", "[docx]") {
    Layout layout = read_fixture("en-numbered.docx");
    INFO(describe(layout));
    // The fixture marks page breaks before paragraphs 8 and 14.
    CHECK(layout.pages == 3);
    CHECK(find_block(layout, "ESCWA), the International")->page == 1);
    CHECK(find_block(layout, "representative of Bahrain")->page == 2);
    CHECK(find_block(layout, "representative of Jordan described")->page == 2);
    CHECK(find_block(layout, "organizers undertook")->page == 3);
}

TEST_CASE("French DOCX from LibreOffice: numbering, sub-items, footnotes, word recall", "[docx]") {
    Layout layout = read_fixture("fr-numbered.docx");
    INFO(describe(layout));
    const Block *p5 = find_block(layout, "Oualid Cherif");
    REQUIRE(p5);
    CHECK(p5->number == "5");
    CHECK(p5->text.rfind("M. Oualid Cherif (Algérie)", 0) == 0);
    const Block *b = find_block(layout, "les migrants en situation de vulnérabilité");
    REQUIRE(b);
    CHECK(b->number == "b");
    CHECK(b->kind == BlockKind::paragraph);
    CHECK(find_block(layout, "Le secrétariat diffusera")->number == "10");

    auto notes = blocks_of(layout, BlockKind::note);
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].text == "1 Voir la résolution A/RES/73/195 de l'Assemblée générale.");
    CHECK(notes[1].text.rfind("2 Le secrétariat a confirmé", 0) == 0);
    const Block *p1 = find_block(layout, "La Commission économique");
    REQUIRE(p1);
    CHECK(p1->text.find("A/RES/73/195") == std::string::npos);
    CHECK(ends_with(p1->text, "sûres, ordonnées et régulières."));

    CHECK(blocks_of(layout, BlockKind::heading).size() == 5);
    CHECK(layout.lang.rfind("fr", 0) == 0);
    std::string source = document_fixture("sources/fr-numbered.txt");
    CHECK(word_recall(source, all_text(layout)) >= 0.98);
}

TEST_CASE("Arabic DOCX: right-to-left paragraphs in logical order", "[docx]") {
    Layout layout = read_fixture("ar-report.docx");
    INFO(describe(layout));
    // As many blocks with "الأمم المتحدة", written as in the source, as the source has lines.
    std::string source = document_fixture("sources/ar-report.txt");
    std::istringstream lines(source);
    int in_source = 0, in_blocks = 0;
    for (std::string line; std::getline(lines, line);)
        if (line.find("الأمم المتحدة") != std::string::npos)
            ++in_source;
    for (const auto &b : layout.blocks)
        if (b.text.find("الأمم المتحدة") != std::string::npos)
            ++in_blocks;
    CHECK(in_source == 5);
    CHECK(in_blocks == in_source);
    const Block *p3 = find_block(layout, "السيدة سارة سلمان، الإسكوا");
    REQUIRE(p3);
    CHECK(p3->number == "3");
    CHECK(p3->text.rfind("رحبت السيدة سارة سلمان", 0) == 0);
    CHECK(blocks_of(layout, BlockKind::note).size() == 1);
    CHECK(layout.lang.rfind("ar", 0) == 0);
    CHECK(word_recall(source, all_text(layout)) >= 0.98);
}

TEST_CASE("bad DOCX files give the reason, never an exception", "[docx]") {
    CHECK(failure_of("") == "not a zip archive");
    CHECK(failure_of(document_fixture("bad-empty.docx")) == "not a zip archive");
    CHECK(failure_of(document_fixture("bad-not-zip.docx")) == "not a zip archive");
    CHECK(failure_of(document_fixture("bad-truncated.docx")) == "not a zip archive");
    CHECK(failure_of(document_fixture("bad-malformed.docx")) == "malformed DOCX");
    auto missing = read_docx(document_fixture("bad-no-document.docx"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "malformed DOCX: no word/document.xml");
    CHECK(failure_of(document_fixture("bad-zip-bomb.docx")) == "too large");
    // Its headers declare 1,000 bytes; 16 MB come out: counting while inflating refuses it.
    ReadLimits limits;
    limits.max_unpacked = 1 << 20;
    CHECK(failure_of(document_fixture("bad-zip-bomb-lying.docx"), limits) == "too large");
    // A good file under a cap smaller than its document.xml.
    limits.max_unpacked = 1000;
    CHECK(failure_of(document_fixture("en-numbered.docx"), limits) == "too large");
}

TEST_CASE("DOCX throughput (prints MB/s, set MAHDAR_BENCH_DOCX)", "[.bench][docx]") {
    const char *path = std::getenv("MAHDAR_BENCH_DOCX");
    if (!path) {
        WARN("MAHDAR_BENCH_DOCX is not set: make one with scripts/fixtures/make-office-fixtures "
             "--bench");
        return;
    }
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    auto first = read_docx(bytes);
    REQUIRE(first.ok());
    std::size_t text = all_text(first.value()).size();
    auto zip = ZipArchive::open(bytes);
    REQUIRE(zip.ok());
    std::size_t xml = zip.value().read("word/document.xml", 1u << 30).value().size();
    const int rounds = 20;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < rounds; ++i)
        REQUIRE(read_docx(bytes).ok());
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << path << ": " << bytes.size() << " bytes, " << first->blocks.size() << " blocks, "
              << xml << " bytes of document.xml, " << text << " bytes of text; " << rounds
              << " reads in " << seconds << " s: " << (seconds / rounds * 1000) << " ms a read, "
              << (xml * rounds / seconds / 1e6) << " MB/s of document.xml, "
              << (text * rounds / seconds / 1e6) << " MB/s of text\n";
}

TEST_CASE("dump a document's blocks (set MAHDAR_DUMP to a fixture name)", "[.dump]") {
    const char *name = std::getenv("MAHDAR_DUMP");
    if (!name)
        return;
    auto layout = read_docx(document_fixture(name));
    std::cout << (layout ? describe(layout.value()) : layout.error().message) << "\n";
}

TEST_CASE("XML nested a hundred thousand deep is cut, not a stack overflow", "[docx]") {
    std::string deep =
        "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Before.</w:t></w:r></w:p><w:p>";
    for (int i = 0; i < 100000; ++i)
        deep += "<w:hyperlink>";
    deep += "<w:r><w:t>deep</w:t></w:r>";
    for (int i = 0; i < 100000; ++i)
        deep += "</w:hyperlink>";
    deep += "</w:p><w:p><w:r><w:t>After.</w:t></w:r></w:p></w:body></w:document>";
    std::string docx = mahdar::fuzz::make_zip({"word/document.xml"}, {deep});
    REQUIRE_FALSE(docx.empty());
    auto layout = read_docx(docx);
    REQUIRE(layout.ok());
    CHECK(all_text(layout.value()) == "Before.\nAfter.\n");
    CHECK(layout->warnings.size() == 1);
}

TEST_CASE("block text: white space, soft hyphens, NFC, bad UTF-8, language choice",
          "[docx][block_text]") {
    CHECK(clean_block_text("  The\tChair\r\n  said\u00ADthat  ") == "The Chair saidthat");
    CHECK(clean_block_text("1\u00A0234 ; « oui »") == "1\u00A0234 ; « oui »"); // no-break kept
    CHECK(clean_block_text("E\u0301gypte") == "\u00C9gypte");                  // NFC
    CHECK(clean_block_text("bad \xFF byte") == "bad \uFFFD byte");
    CHECK(number_of_label("12.") == "12");
    CHECK(number_of_label("(a)") == "a");
    CHECK(number_of_label("\u2022").empty());
    std::vector<Block> arabic(1), english(1);
    arabic[0].text = "قالت ممثلة مصر إن الأمم المتحدة (UN)";
    english[0].text = "The representative of Egypt (مصر) said";
    CHECK(choose_lang("en-US", "ar-SA", arabic) == "ar-SA");
    CHECK(choose_lang("en-US", "ar-SA", english) == "en-US");
    CHECK(choose_lang("fr-FR", "", arabic) == "fr-FR");
}
