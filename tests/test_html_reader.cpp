// read_html (issue 14) on a UN meeting coverage page (tests/fixtures/documents) and small pages.
#include "ingest/html_page.h"
#include "ingest/readers.h"
#include "office_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>

using namespace mahdar;
using namespace mahdar::test;

namespace {

Layout read_page(const std::string &html) {
    auto layout = read_html(html);
    INFO((layout.ok() ? describe(layout.value()) : layout.error().message));
    REQUIRE(layout.ok());
    return layout.value();
}

std::string failure_of(const std::string &bytes) {
    auto layout = read_html(bytes);
    REQUIRE_FALSE(layout.ok());
    CHECK(layout.error().kind == ErrorCode::bad_input);
    return std::string(failure_reason(layout.error().message));
}

} // namespace

TEST_CASE("press release: the article's text, headings, list, quote and table", "[html]") {
    Layout layout = read_page(document_fixture("press-release.html"));
    INFO(describe(layout));
    auto headings = blocks_of(layout, BlockKind::heading);
    REQUIRE(headings.size() == 3);
    CHECK(headings[0].level == 1);
    CHECK(headings[0].text ==
          "Regional Review of Global Compact for Migration Hears Calls for Fair "
          "Recruitment, Recognition of Skills");
    CHECK(headings[1].text == "Statements");
    CHECK(headings[1].level == 2);
    CHECK(headings[2].level == 3);

    // <br> is a space; inline elements do not split words or paragraphs.
    CHECK(find_block(layout, "refugees. She said that labour migration"));
    const Block *egypt = find_block(layout, "The representative of Egypt said");
    REQUIRE(egypt);
    CHECK(egypt->kind == BlockKind::paragraph);
    CHECK(find_block(layout, "flexible work permit introduced for agricultural and construction "
                             "workers. Speakers highlighted"));
    auto items = blocks_of(layout, BlockKind::item);
    REQUIRE(items.size() == 3);
    CHECK(items[1].text ==
          "objective 18, on skills development and the mutual recognition of skills;");
    CHECK(find_block(layout, "“No migrant worker should pay to get a job,”"));
    auto rows = blocks_of(layout, BlockKind::row);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].text == "Country | Agreements signed");
    CHECK(rows[1].text == "Egypt | 12");
    CHECK(find_block(layout, "The consultation will resume tomorrow")); // a div with its own text
    CHECK(find_block(layout, "SOC/4912"));
}

TEST_CASE("press release: menus, banners, cookies, scripts and footers are left out", "[html]") {
    Layout layout = read_page(document_fixture("press-release.html"));
    std::string text = all_text(layout);
    INFO(text);
    for (const char *chrome : {"cookies",
                               "Skip to main content",
                               "Welcome to the United Nations",
                               "Search",
                               "Security Council",
                               "Home",
                               "Related press releases",
                               "Commission for Social Development",
                               "Copyright",
                               "Privacy Notice",
                               "Tracking script",
                               "Structured data",
                               "dataLayer",
                               "font-family",
                               "enable JavaScript",
                               "Template text",
                               "Hidden paragraph",
                               "Decorative text",
                               "Share on",
                               "Not an official record",
                               "Français"})
        CHECK(text.find(chrome) == std::string::npos);
}

TEST_CASE("press release: title without the site's name, language from <html lang>", "[html]") {
    Layout layout = read_page(document_fixture("press-release.html"));
    CHECK(layout.title == "Regional Review of Global Compact for Migration Hears Calls for Fair "
                          "Recruitment, Recognition of Skills");
    CHECK(layout.lang == "en");
}

TEST_CASE("a windows-1252 page that says so is read as UTF-8 text", "[html]") {
    Layout layout = read_page(document_fixture("press-release-cp1252.html"));
    CHECK(layout.title == "Consultation régionale");
    CHECK(layout.lang == "fr");
    CHECK(find_block(layout, "M. Oualid Cherif (Algérie) a appuyé le format proposé ; l’examen "
                             "régional aura lieu en 2021 – « au début de l’année »."));
    CHECK(blocks_of(layout, BlockKind::heading).at(0).text == "Consultation des États membres");
}

TEST_CASE("pages without <main>: the article, else the body without its chrome", "[html]") {
    Layout article = read_page(
        "<html><body><header><a>Site name</a></header><nav>Menu</nav>"
        "<article><header><h1>Headline</h1></header><p>Body text.</p>"
        "<footer>Article footer</footer></article><footer>Site footer</footer></body></html>");
    CHECK(all_text(article) == "Headline\nBody text.\n");
    CHECK(article.title == "Headline"); // no <title>: the first h1

    Layout body = read_page("<body><div role=\"banner\">Banner</div><div>Direct text<div>Inner "
                            "text</div>tail</div><ol start=\"4\" type=\"a\"><li>fourth</li><li "
                            "value=\"9\">ninth</li></ol><ul><li>bullet</li></ul></body>");
    INFO(describe(body));
    CHECK(all_text(body) == "Direct text\nInner text\ntail\nfourth\nninth\nbullet\n");
    CHECK(body.blocks[3].number == "d");
    CHECK(body.blocks[3].kind == BlockKind::paragraph);
    CHECK(body.blocks[4].number == "i");
    CHECK(body.blocks[5].kind == BlockKind::item);
    CHECK(body.blocks[5].number.empty());
}

TEST_CASE("Arabic page: text in logical order, charset from the meta tag", "[html]") {
    Layout layout = read_page("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta "
                              "charset=\"utf-8\"><title>بيان صحفي - الأمم المتحدة</title></head>"
                              "<body><main><p>قالت السيدة سارة سلمان، الإسكوا، إن الأمم المتحدة "
                              "تدعم الدول.</p></main></body></html>");
    CHECK(layout.title == "بيان صحفي");
    CHECK(layout.lang == "ar");
    CHECK(layout.blocks.at(0).text ==
          "قالت السيدة سارة سلمان، الإسكوا، إن الأمم المتحدة تدعم الدول.");
}

TEST_CASE("bad HTML: empty, garbage, nothing but chrome", "[html]") {
    CHECK(failure_of("") == "no text");
    CHECK(failure_of(" \n ") == "no text");
    CHECK(failure_of(document_fixture("bad-garbage.html")) == "no text");
    CHECK(failure_of(document_fixture("bad-zip-bomb.docx")) == "no text");
    CHECK(
        failure_of("<html><head><script>var x = 1;</script></head><body><nav>Menu</nav></body>") ==
        "no text");
    // Broken markup is recovered, not refused.
    Layout broken = read_page("<p>Unclosed <b>bold <i>and italic<p>Next paragraph");
    CHECK(all_text(broken) == "Unclosed bold and italic\nNext paragraph\n");
}

TEST_CASE("dump a page's blocks (set MAHDAR_DUMP to a fixture name)", "[.dump]") {
    if (const char *name = std::getenv("MAHDAR_DUMP"))
        std::cout << describe(read_page(document_fixture(name))) << "\n";
}

TEST_CASE("HTML nested a hundred thousand deep does not overflow the stack", "[html]") {
    std::string deep = "<p>Before.</p>";
    for (int i = 0; i < 100000; ++i)
        deep += "<div>";
    deep += "deep";
    auto layout = read_html(deep);
    REQUIRE(layout.ok());
    CHECK(layout->blocks.at(0).text == "Before.");
}

TEST_CASE("page rules: site names off the title, encodings, binary bytes", "[html]") {
    CHECK(page_title("Speakers Call for Fair Recruitment | Meetings Coverage and Press Releases") ==
          "Speakers Call for Fair Recruitment");
    CHECK(page_title("Migrants - Egypt and Jordan | UN News") == "Migrants - Egypt and Jordan");
    CHECK(page_title("Rapport – Nations Unies") == "Rapport");
    CHECK(page_title("Objective 6 | Fair Recruitment") == "Objective 6 | Fair Recruitment");
    CHECK(page_title("United Nations") == "United Nations");

    CHECK(sniff_encoding("\xEF\xBB\xBF<p>x") == "UTF-8");
    CHECK(sniff_encoding("\xFF\xFE<\0p\0") == "UTF-16LE");
    CHECK(sniff_encoding("<meta charset=\"ISO-8859-1\"><p>caf\xE9") == "windows-1252");
    CHECK(sniff_encoding("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=Shift_JIS'>") ==
          "shift_jis");
    CHECK(sniff_encoding("<meta charset=\"no-such-charset\"><p>caf\xC3\xA9") == "UTF-8");
    CHECK(sniff_encoding("<p>caf\xE9</p>") == "windows-1252");

    CHECK(looks_binary(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)));
    CHECK_FALSE(looks_binary("<p>Text\twith\r\nwhite space</p>"));
}
