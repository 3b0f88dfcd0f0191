// read_odt (issue 14) on the ODT fixtures of tests/fixtures/documents: the same documents as
// the DOCX ones, so their blocks and numbers must match.
#include "common/strings.h"
#include "ingest/odt_lists.h"
#include "ingest/readers.h"
#include "office_support.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <cstdlib>
#include <iostream>

using namespace mahdar;
using namespace mahdar::test;

namespace {

Layout read_fixture(const std::string &name) {
    std::string bytes = document_fixture(name);
    auto layout = name.size() > 5 && name.compare(name.size() - 5, 5, ".docx") == 0
                      ? read_docx(bytes)
                      : read_odt(bytes);
    INFO(name << ": " << (layout ? "" : layout.error().message));
    REQUIRE(layout.ok());
    return layout.value();
}

// The numbered blocks as "number text-start", for comparing two readings of one document.
std::vector<std::string> numbered(const Layout &layout) {
    std::vector<std::string> out;
    for (const auto &b : layout.blocks)
        if (!b.number.empty())
            out.push_back(b.number + " " + b.text.substr(0, 40));
    return out;
}

} // namespace

TEST_CASE("ODF list numbering: styles, continuation, start values, outline", "[odt][numbering]") {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(R"xml(<office:styles>
      <text:list-style style:name="L1">
        <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
        <text:list-level-style-number text:level="2" style:num-format="1" text:display-levels="2"/>
        <text:list-level-style-number text:level="3" style:num-format="i" text:start-value="2"/>
      </text:list-style>
      <text:list-style style:name="B"><text:list-level-style-bullet text:level="1"/></text:list-style>
      <text:outline-style style:name="Outline">
        <text:outline-level-style text:level="1" style:num-format="I"/>
        <text:outline-level-style text:level="2" style:num-format=""/>
      </text:outline-style>
      <lists>
        <text:list xml:id="a" text:style-name="L1"/>
        <text:list text:style-name="L1" text:continue-numbering="true"/>
        <text:list text:style-name="L1"/>
        <text:list text:style-name="L1" text:continue-list="a"/>
      </lists>
    </office:styles>)xml"));
    OdtLists lists;
    lists.add_styles(doc.child("office:styles"));
    auto list_nodes = doc.child("office:styles").child("lists").children("text:list");
    std::vector<pugi::xml_node> l(list_nodes.begin(), list_nodes.end());
    bool bullet = false;
    auto first = lists.open(l[0], "L1");
    CHECK(OdtLists::count(*first, 0, bullet) == "1");
    CHECK(OdtLists::count(*first, 1, bullet) == "1.1");
    CHECK(OdtLists::count(*first, 1, bullet) == "1.2");
    CHECK(OdtLists::count(*first, 2, bullet) == "ii"); // start-value 2, lower roman
    auto continued = lists.open(l[1], "L1");           // continue-numbering: same counters
    CHECK(OdtLists::count(*continued, 0, bullet) == "2");
    auto fresh = lists.open(l[2], "L1");
    CHECK(OdtLists::count(*fresh, 0, bullet) == "1");
    auto by_id = lists.open(l[3], "L1"); // continue-list="a": after "2", not after the fresh list
    CHECK(OdtLists::count(*by_id, 0, bullet) == "3");
    auto bullets = lists.open(l[2], "B");
    CHECK(OdtLists::count(*bullets, 0, bullet).empty());
    CHECK(bullet);
    CHECK(lists.count_heading(0) == "I");
    CHECK(lists.count_heading(1).empty()); // num-format "": the level draws no number
    CHECK(lists.count_heading(0) == "II");
}

TEST_CASE("ODT numbering is the same as the DOCX of the same document", "[odt]") {
    for (const char *name : {"en-numbered", "fr-numbered", "ar-report"}) {
        Layout odt = read_fixture(std::string(name) + ".odt");
        Layout docx = read_fixture(std::string(name) + ".docx");
        INFO(name << "\nODT:\n" << describe(odt) << "DOCX:\n" << describe(docx));
        CHECK(numbered(odt).size() >= 7);
        CHECK(numbered(odt) == numbered(docx));
        CHECK(blocks_of(odt, BlockKind::heading).size() ==
              blocks_of(docx, BlockKind::heading).size());
        CHECK(blocks_of(odt, BlockKind::row).size() == blocks_of(docx, BlockKind::row).size());
        CHECK(odt.title == docx.title);
    }
}

TEST_CASE("English ODT: paragraph 12, headings, table, endnote, tracked deletion", "[odt]") {
    Layout layout = read_fixture("en-numbered.odt");
    INFO(describe(layout));
    const Block *p12 = find_block(layout, "State of Qatar");
    REQUIRE(p12);
    CHECK(p12->number == "12");
    CHECK(p12->kind == BlockKind::paragraph);
    CHECK(find_block(layout, "How skills can be recognized")->number == "3.2");

    auto headings = blocks_of(layout, BlockKind::heading);
    REQUIRE(headings.size() == 5);
    CHECK(headings[0].level == 1);
    CHECK(headings[2].text == "Opening session");
    CHECK(headings[2].level == 2);
    CHECK(blocks_of(layout, BlockKind::row)[1].text == "Egypt | 12 | 250,000");

    auto notes = blocks_of(layout, BlockKind::note);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].text.rfind("i The Arab Regional Consultative Process", 0) == 0);
    const Block *p5 = find_block(layout, "Enas El Fergany");
    CHECK(ends_with(p5->text, "Migration and Refugee Affairs."));
    CHECK(&p5[1] == find_block(layout, "i The Arab Regional"));

    // The tracked-changes log holds the deleted "single "; it is not the document's text.
    CHECK(find_block(layout, "single") == nullptr);
    CHECK(find_block(layout, "covering all private sector employers"));
    CHECK(layout.lang == "en-GB");
    // Pages from LibreOffice's soft page breaks: this file broke once, before the table.
    CHECK(layout.pages == 2);
    CHECK(find_block(layout, "organizers undertook")->page == 1);
    CHECK(blocks_of(layout, BlockKind::row)[0].page == 2);
}

TEST_CASE("French ODT: footnotes apart, sub-items lettered, word recall", "[odt]") {
    Layout layout = read_fixture("fr-numbered.odt");
    INFO(describe(layout));
    CHECK(find_block(layout, "coopération internationale")->number == "c");
    auto notes = blocks_of(layout, BlockKind::note);
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].text == "1 Voir la résolution A/RES/73/195 de l'Assemblée générale.");
    CHECK(find_block(layout, "La Commission économique")->text.find("A/RES") == std::string::npos);
    CHECK(word_recall(document_fixture("sources/fr-numbered.txt"), all_text(layout)) >= 0.98);
    CHECK(layout.lang.rfind("fr", 0) == 0);
}

TEST_CASE("Arabic ODT: logical order and the language", "[odt]") {
    Layout layout = read_fixture("ar-report.odt");
    INFO(describe(layout));
    CHECK(find_block(layout, "بدعم من شبكة الأمم المتحدة المعنية بالهجرة"));
    CHECK(word_recall(document_fixture("sources/ar-report.txt"), all_text(layout)) >= 0.98);
    CHECK(layout.lang.rfind("ar", 0) == 0);
}

TEST_CASE("bad ODT files give the reason", "[odt]") {
    auto reason = [](const std::string &bytes) {
        auto layout = read_odt(bytes);
        REQUIRE_FALSE(layout.ok());
        return std::string(failure_reason(layout.error().message));
    };
    CHECK(reason("") == "not a zip archive");
    CHECK(reason(document_fixture("bad-not-zip.docx")) == "not a zip archive");
    CHECK(reason(document_fixture("bad-malformed.odt")) == "malformed ODT");
    CHECK(reason(document_fixture("en-numbered.docx")) == "malformed ODT"); // no content.xml
    CHECK(reason(document_fixture("bad-zip-bomb.docx")) == "malformed ODT");
}

TEST_CASE("dump an ODT's blocks (set MAHDAR_DUMP to a fixture name)", "[.dump]") {
    if (const char *name = std::getenv("MAHDAR_DUMP"))
        std::cout << describe(read_fixture(name)) << "\n";
}
