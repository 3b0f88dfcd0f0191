// read_odt (issue 14) on the ODT fixtures of tests/fixtures/documents: the same documents as
// the DOCX ones, so their blocks and numbers must match.
#include "common/strings.h"
#include "ingest/readers.h"
#include "office_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>

using namespace mahdar;
using namespace mahdar::test;

namespace {

Layout read_fixture(const std::string& name) {
    std::string bytes = document_fixture(name);
    auto layout = name.size() > 5 && name.compare(name.size() - 5, 5, ".docx") == 0
                      ? read_docx(bytes)
                      : read_odt(bytes);
    INFO(name << ": " << (layout ? "" : layout.error().message));
    REQUIRE(layout.ok());
    return layout.value();
}

// The numbered blocks as "number text-start", for comparing two readings of one document.
std::vector<std::string> numbered(const Layout& layout) {
    std::vector<std::string> out;
    for (const auto& b : layout.blocks)
        if (!b.number.empty()) out.push_back(b.number + " " + b.text.substr(0, 40));
    return out;
}

} // namespace

TEST_CASE("ODT numbering is the same as the DOCX of the same document", "[odt]") {
    for (const char* name : {"en-numbered", "fr-numbered", "ar-report"}) {
        Layout odt = read_fixture(std::string(name) + ".odt");
        Layout docx = read_fixture(std::string(name) + ".docx");
        INFO(name << "\nODT:\n" << describe(odt) << "DOCX:\n" << describe(docx));
        CHECK(numbered(odt).size() >= 7);
        CHECK(numbered(odt) == numbered(docx));
        CHECK(blocks_of(odt, BlockKind::heading).size() == blocks_of(docx, BlockKind::heading).size());
        CHECK(blocks_of(odt, BlockKind::row).size() == blocks_of(docx, BlockKind::row).size());
        CHECK(odt.title == docx.title);
    }
}

TEST_CASE("English ODT: paragraph 12, headings, table, endnote, tracked deletion", "[odt]") {
    Layout layout = read_fixture("en-numbered.odt");
    INFO(describe(layout));
    const Block* p12 = find_block(layout, "State of Qatar");
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
    const Block* p5 = find_block(layout, "Enas El Fergany");
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
    auto reason = [](const std::string& bytes) {
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
    if (const char* name = std::getenv("MAHDAR_DUMP"))
        std::cout << describe(read_fixture(name)) << "\n";
}
