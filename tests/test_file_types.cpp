// What a file is, from its bytes: the type that picks the reader, and the hint a user gets for
// a file mahdar cannot read. Also UN document symbols and a reader's Layout as passages.
#include "ingest/file_type.h"
#include "ingest/layout_document.h"
#include "text/un_symbol.h"

#include <catch2/catch.hpp>

using namespace mahdar;

namespace {

std::string zip_with(const std::string& member) {
    return std::string("PK\x03\x04\x14\0\0\0", 8) + member + std::string(40, 'x');
}

} // namespace

TEST_CASE("a file's type comes from its bytes, the name is only a hint", "[file_type]") {
    CHECK(detect_type("%PDF-1.7\n%\xE2\xE3\n1 0 obj", "report.pdf").type == FileType::pdf);
    CHECK(detect_type(zip_with("word/document.xml"), "statement.docx").type == FileType::docx);
    CHECK(detect_type(zip_with("mimetypeapplication/vnd.oasis.opendocument.text"), "note.odt").type == FileType::odt);
    CHECK(detect_type("<!DOCTYPE html><html lang=\"en\"><body>x</body></html>", "press.html").type == FileType::html);
    CHECK(detect_type("\xEF\xBB\xBF  <html><head><title>t</title>", "page.htm").type == FileType::html);
    CHECK(detect_type("# Meeting\n\n1. The Chair said.", "report.md").type == FileType::text);
    CHECK(detect_type("{\"id\": \"a\"}\n", "passages.jsonl").type == FileType::jsonl);
    CHECK(detect_type("<!DOCTYPE html><html>", "press.html").note.empty());
}

TEST_CASE("a file named as one type but holding another is read as what it holds, with a warning", "[file_type]") {
    DetectedType t = detect_type("<!doctype html><html><body><p>Statement</p></body></html>", "A_73_PV.60.pdf");
    CHECK(t.type == FileType::html);
    CHECK(t.note == "named .pdf but holds HTML: read as HTML");
    DetectedType pdf = detect_type("%PDF-1.4 ...", "report.docx");
    CHECK(pdf.type == FileType::pdf);
    CHECK(pdf.note.find("named .docx but holds PDF") == 0);
}

TEST_CASE("files mahdar cannot read are named with what to do about them", "[file_type]") {
    auto hint = [](std::string bytes, const char* name) {
        DetectedType t = detect_type(bytes, name);
        CHECK(t.type == FileType::unsupported);
        return t.note;
    };
    CHECK(hint(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0'), "old.doc").find("convert to .docx or PDF") != std::string::npos);
    CHECK(hint("{\\rtf1\\ansi The Chair", "minutes.rtf").find("RTF") == 0);
    CHECK(hint("\x89PNG\r\n\x1a\n....", "scan.png").find("--ocr") != std::string::npos);
    CHECK(hint(zip_with("xl/workbook.xml"), "figures.xlsx").find("spreadsheet") == 0);
    CHECK(hint(zip_with("photos/1.jpg"), "bundle.zip").find("zip archive") == 0);
    CHECK(hint("country,count\nMA,3\n", "table.csv").find("(.csv)") != std::string::npos);
    CHECK(hint(std::string("MZ\0\0\0\0", 6), "tool.txt").find("binary") == 0);
    CHECK(hint("The Chair said", "notes.doc").find("legacy document (.doc)") == 0);
}

TEST_CASE("UN document symbols are recognised and written one way", "[symbol]") {
    CHECK(canonical_symbol("A/RES/73/195") == "A/RES/73/195");
    CHECK(canonical_symbol("a/res/73/195") == "A/RES/73/195");
    CHECK(canonical_symbol("E / ESCWA / SDD / 2021 / 3") == "E/ESCWA/SDD/2021/3");
    CHECK(canonical_symbol("A/73/PV.60") == "A/73/PV.60");
    CHECK(canonical_symbol("CMW/C/GC/5") == "CMW/C/GC/5");
    CHECK_FALSE(canonical_symbol("and/or"));
    CHECK_FALSE(canonical_symbol("A/B"));        // no number
    CHECK_FALSE(canonical_symbol("2021/3"));     // no series
    CHECK_FALSE(canonical_symbol("XYZ/2021/3")); // not a series
    CHECK_FALSE(canonical_symbol("A//73"));
    CHECK_FALSE(canonical_symbol("A/73/"));

    CHECK(find_symbol("Distr.: General 12 March 2021\nE/ESCWA/SDD/2021/3\nOriginal: English") == "E/ESCWA/SDD/2021/3");
    CHECK(find_symbol("as the General Assembly decided (A/RES/73/195).") == "A/RES/73/195");
    CHECK(find_symbol("see document A/73/PV.60, para. 4") == "A/73/PV.60");
    CHECK_FALSE(find_symbol("migrants and/or refugees in 2021/22"));

    CHECK(symbol_from_file_name("A_RES_73_195-EN") == "A/RES/73/195");
    CHECK(symbol_from_file_name("A_73_PV.60") == "A/73/PV.60");
    CHECK_FALSE(symbol_from_file_name("2023-09-13_review-preparatory-meeting.ar"));
}

TEST_CASE("a reader's blocks become passages with their page, section, number and notes", "[layout]") {
    Layout l;
    l.title = "Report of the regional review";
    l.blocks = {
        {BlockKind::heading, "Opening of the meeting", 1, "", 1},
        {BlockKind::paragraph, "12. The Chair opened the meeting.", 1, "", 0},
        {BlockKind::paragraph, "Ms. Enas El Fergany, League of Arab States, welcomed participants.", 2, "13", 0},
        {BlockKind::note, "1 See A/RES/73/195, annex.", 2, "", 0},
        {BlockKind::heading, "Discussion", 3, "", 2},
        {BlockKind::item, "first point", 3, "", 0},
        {BlockKind::item, "second point", 3, "", 0},
        {BlockKind::row, "Morocco | 3", 3, "", 0},
        {BlockKind::paragraph, "   ", 3, "", 0},
    };
    Document d = layout_document(l, "review");
    REQUIRE(d.passages.size() == 6);
    CHECK(d.title == "Report of the regional review");
    CHECK(d.passages[0].para == "12");
    CHECK(d.passages[0].text == "The Chair opened the meeting.");
    CHECK(d.passages[0].section == "Opening of the meeting");
    CHECK(d.passages[0].page == 1);
    CHECK(d.passages[1].para == "13");
    CHECK(d.passages[1].page == 2);
    CHECK(d.passages[2].note);
    CHECK(d.passages[2].para.empty());
    CHECK_FALSE(d.passages[1].note);
    CHECK(d.passages[3].section == "Discussion");
    CHECK(d.passages[4].line == d.passages[3].line + 1); // one list
    CHECK(d.passages[5].line == d.passages[4].line + 2); // a table after it
    CHECK(d.passages[5].id == "review:5");
    REQUIRE(d.headings.size() == 2);
    CHECK(d.headings[1].text == "Discussion");
}

TEST_CASE("without metadata the title is the first top heading, else the first long heading", "[layout]") {
    Layout l;
    l.blocks = {{BlockKind::heading, "Summary", 1, "", 2},
                {BlockKind::heading, "Regional review of the Global Compact", 1, "", 2},
                {BlockKind::paragraph, "Text.", 1, "", 0}};
    CHECK(layout_document(l, "x").title == "Regional review of the Global Compact");
    l.blocks.insert(l.blocks.begin() + 1, {BlockKind::heading, "Annual report", 1, "", 1});
    CHECK(layout_document(l, "x").title == "Annual report");
    l.title = "untitled";
    CHECK(layout_document(l, "x").title == "Annual report"); // one word of metadata is not a title
}
