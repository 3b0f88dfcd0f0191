// The Extractor over whole documents, through enrich(): what it fills, what it never overrides,
// and that one Extractor can serve several threads.
#include "extract/enrich.h"
#include "extract/extract.h"
#include "ingest/reports.h"
#include "text/normalise.h"

#include <catch2/catch.hpp>

#include <thread>

using namespace mahdar;

namespace {

const Extractor& extractor() {
    static const ReferenceData data;
    static const Extractor x(data);
    return x;
}

const char* const report =
    "# Report of the regional consultation on labour mobility\n\n"
    "Thursday, 9 June 2022\n\n"
    "## Opening\n\n"
    "1. Ms. Salma Bennani, Head of Division, Ministry of Foreign Affairs, Morocco, said that the "
    "national strategy covers objectives 5–7 and cooperation with Spain.\n\n"
    "2. She added that Moroccan workers abroad need better data.\n\n"
    "3. In the discussion, delegates from Bahrain asked for guidance on paragraph 48.\n";

} // namespace

TEST_CASE("Extraction fills date, speakers, countries and objectives", "[extract]") {
    Document doc = split_report(report, "doc");
    enrich(doc, &extractor());
    CHECK(doc.date == "2022-06-09");
    REQUIRE(doc.passages.size() == 3);
    const Passage& a = doc.passages[0];
    CHECK(a.date == "2022-06-09");
    CHECK(a.speaker == "Salma Bennani");
    CHECK(a.role == "Head of Division");
    CHECK(a.affiliation == "Ministry of Foreign Affairs, Morocco");
    CHECK(a.countries == std::vector<std::string>{"ES", "MA"});
    CHECK(a.objectives == std::vector<int>{5, 6, 7});
    const Passage& b = doc.passages[1];
    CHECK(b.speaker == "Salma Bennani");
    CHECK(b.countries == std::vector<std::string>{"MA"});
    const Passage& c = doc.passages[2];
    CHECK(c.speaker.empty());
    CHECK(c.countries == std::vector<std::string>{"BH"});
    CHECK(c.objectives.empty());
}

TEST_CASE("Fields the source gave are never overridden", "[extract]") {
    Document doc = split_report(report, "doc");
    doc.date = "2022-06-10";
    doc.given.date = true;
    doc.passage_given.assign(doc.passages.size(), GivenFields{});
    doc.passages[0].speaker = "Salma Bennani-Alaoui";
    doc.passages[0].countries = {"MA"};
    doc.passages[0].objectives = {6};
    doc.passage_given[0].speaker = doc.passage_given[0].countries =
        doc.passage_given[0].objectives = true;
    doc.passages[2].date = "2022-06-11";
    doc.passage_given[2].date = true;
    enrich(doc, &extractor());
    CHECK(doc.date == "2022-06-10");
    CHECK(doc.passages[0].speaker == "Salma Bennani-Alaoui");
    CHECK(doc.passages[0].countries == std::vector<std::string>{"MA"});
    CHECK(doc.passages[0].objectives == std::vector<int>{6});
    CHECK(doc.passages[1].speaker == "Salma Bennani-Alaoui"); // a given speaker carries on
    CHECK(doc.passages[1].date == "2022-06-10");
    CHECK(doc.passages[2].date == "2022-06-11");
}

TEST_CASE("Without an extractor, enrich only detects languages and passes the date on",
          "[extract]") {
    Document doc = split_report(report, "doc");
    enrich(doc);
    CHECK(doc.lang == Lang::en);
    CHECK(doc.date.empty());
    CHECK(doc.passages[0].speaker.empty());
}

TEST_CASE("One Extractor serves several threads", "[extract][threads]") {
    Document expected = split_report(report, "doc");
    enrich(expected, &extractor());
    std::vector<Document> docs(8, split_report(report, "doc"));
    std::vector<std::thread> threads;
    for (auto& d : docs)
        threads.emplace_back([&d] { enrich(d, &extractor()); });
    for (auto& t : threads)
        t.join();
    for (const auto& d : docs) {
        CHECK(d.date == expected.date);
        for (std::size_t i = 0; i < d.passages.size(); ++i) {
            CHECK(d.passages[i].speaker == expected.passages[i].speaker);
            CHECK(d.passages[i].countries == expected.passages[i].countries);
            CHECK(d.passages[i].objectives == expected.passages[i].objectives);
        }
    }
}

TEST_CASE("Arabic roles and affiliations are cut at characters, not bytes", "[extract][arabic]") {
    Document doc = split_report(
        "# الاجتماع التحضيري للاستعراض الإقليمي الثاني في المنطقة العربية\n\n"
        "الأربعاء، ١٣ أيلول/سبتمبر ٢٠٢٣\n\n"
        "السيد حيدر الجبوري، وزارة الهجرة والمهجرين، العراق:\n\n"
        "- أفاد بأن العراق بصدد تحديث استعراضه الطوعي، مع التركيز على الهدفين 8 و21.\n",
        "doc");
    enrich(doc, &extractor());
    CHECK(doc.date == "2023-09-13");
    REQUIRE(doc.passages.size() == 2);
    for (const auto& p : doc.passages) {
        CHECK(p.speaker == "حيدر الجبوري");
        CHECK(p.role.empty());
        CHECK(p.affiliation == "وزارة الهجرة والمهجرين، العراق");
        CHECK((is_valid_utf8(p.speaker) && is_valid_utf8(p.role) && is_valid_utf8(p.affiliation)));
        CHECK(p.countries == std::vector<std::string>{"IQ"});
    }
    CHECK(doc.passages[1].objectives == std::vector<int>{8, 21});
}
