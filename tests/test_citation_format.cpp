// Citations in United Nations editorial style, in English, French and Arabic, and CSL-JSON.
#include "cite/citation_format.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace mahdar;

namespace {

// U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE around a field written the
// other way from its citation.
#define FSI "\xE2\x81\xA8"
#define PDI "\xE2\x81\xA9"

Passage statement() {
    Passage p;
    p.id = "2020-08-13_workshop.en:3";
    p.doc_id = "2020-08-13_workshop.en";
    p.doc_title = "Second capacity-building workshop on the regional review";
    p.para = "4";
    p.date = "2020-08-13";
    p.lang = Lang::en;
    p.speaker = "Sara Salman";
    p.affiliation = "ESCWA";
    p.text = "Ms. Sara Salman, Regional Advisor, said that data on migration must improve.";
    return p;
}

} // namespace

TEST_CASE("Dates are written as each language writes them", "[cite][citation]") {
    CitationFormatter f;
    const std::tuple<const char*, Lang, const char*> cases[] = {
        {"2020-08-13", Lang::en, "13 August 2020"},
        {"2020-08-13", Lang::fr, "13 août 2020"},
        {"2020-08-01", Lang::fr, "1er août 2020"},
        {"2020-08-13", Lang::ar, "13 آب/أغسطس 2020"},
        {"2021-01-28", Lang::ar, "28 كانون الثاني/يناير 2021"},
        {"2022-02-10", Lang::en, "10 February 2022"},
        {"2024-02-29", Lang::en, "29 February 2024"},
    };
    for (auto [iso, lang, out] : cases) {
        CAPTURE(iso, lang_code(lang));
        CHECK(f.date(iso, lang) == out);
    }
    for (const char* bad :
         {"", "2020", "2020-13-01", "2023-02-29", "2020-8-13", "13 August 2020"}) {
        CAPTURE(bad);
        CHECK(f.date(bad, Lang::en).empty());
    }
}

TEST_CASE("A statement is cited with speaker, affiliation, title, date and paragraph",
          "[cite][citation]") {
    CitationFormatter f;
    Citation c = f.format(statement(), "");
    CHECK(c.en ==
          "Statement by Ms. Sara Salman (ESCWA), Second capacity-building workshop on the regional "
          "review, 13 August 2020, para. 4.");
    CHECK(
        c.fr ==
        "Déclaration de Mme Sara Salman (ESCWA), Second capacity-building workshop on the regional "
        "review, 13 août 2020, par. 4.");
    CHECK(c.ar == "بيان السيدة " FSI "Sara Salman" PDI " (" FSI "ESCWA" PDI ")، " FSI
                  "Second capacity-building workshop on the regional review" PDI "، "
                  "13 آب/أغسطس 2020، الفقرة 4.");
}

TEST_CASE("A report paragraph is cited by title, missing parts left out", "[cite][citation]") {
    CitationFormatter f;
    Passage p = statement();
    p.speaker.clear();
    p.affiliation.clear();
    CHECK(f.format(p, "").en ==
          "Second capacity-building workshop on the regional review, 13 August 2020, para. 4.");
    CHECK(f.format(p, "A/73/PV.6").fr == "Second capacity-building workshop on the regional review "
                                         "(A/73/PV.6), 13 août 2020, par. 4.");
    p.date.clear();
    p.para.clear();
    CHECK(f.format(p, "").ar == FSI "Second capacity-building workshop on the regional review" PDI ".");
}

TEST_CASE("A passage of a PDF is cited with its page before its paragraph", "[cite][citation]") {
    CitationFormatter f;
    Passage p = statement();
    p.page = 12;
    Citation c = f.format(p, "A/73/PV.60");
    CHECK(c.en == "Statement by Ms. Sara Salman (ESCWA), Second capacity-building workshop on the regional "
                  "review (A/73/PV.60), 13 August 2020, p. 12, para. 4.");
    CHECK(c.fr.find("13 août 2020, p. 12, par. 4.") != std::string::npos);
    CHECK(c.ar.find("، الصفحة 12، الفقرة 4.") != std::string::npos);
    CHECK(c.csl_json["locator"] == "4"); // the paragraph, when there is one
    p.para.clear();
    Citation by_page = f.format(p, "");
    CHECK(by_page.csl_json["locator"] == "12");
    CHECK(by_page.csl_json["label"] == "page");
}

TEST_CASE("Arabic and French passages are cited in the three languages", "[cite][citation]") {
    CitationFormatter f;
    Passage ar;
    ar.id = "ar:1";
    ar.doc_title = "اجتماع تجريبي بشأن الهجرة";
    ar.lang = Lang::ar;
    ar.date = "2021-01-28";
    ar.para = "2";
    ar.speaker = "سارة سلمان";
    ar.affiliation = "الإسكوا";
    ar.text = "قدمت السيدة سارة سلمان، الإسكوا، عرضاً عن دعم المهاجرين.";
    Citation c = f.format(ar, "");
    CHECK(c.ar == "بيان السيدة سارة سلمان (الإسكوا)، اجتماع تجريبي بشأن الهجرة، 28 كانون "
                  "الثاني/يناير 2021، الفقرة 2.");
    CHECK(c.en == "Statement by Ms. " FSI "سارة سلمان" PDI " (" FSI "الإسكوا" PDI "), " FSI
                  "اجتماع تجريبي بشأن الهجرة" PDI ", 28 January 2021, para. 2.");

    Passage fr;
    fr.id = "fr:0";
    fr.doc_title = "Atelier régional 2022";
    fr.lang = Lang::fr;
    fr.date = "2022-06-01";
    fr.speaker = "Oualid Cherif";
    fr.affiliation = "Gouvernement de l’Algérie";
    fr.text = "M. Oualid Cherif a présenté la gestion des frontières.";
    c = f.format(fr, "");
    CHECK(c.fr == "Déclaration de M. Oualid Cherif (Gouvernement de l’Algérie), Atelier régional "
                  "2022, 1er juin 2022.");
    CHECK(c.en == "Statement by Mr. Oualid Cherif (Gouvernement de l’Algérie), Atelier régional "
                  "2022, 1 June 2022.");
    CHECK(c.ar == "بيان السيد " FSI "Oualid Cherif" PDI " (" FSI "Gouvernement de l’Algérie" PDI ")، " FSI
                  "Atelier régional 2022" PDI "، 1 حزيران/يونيو 2022.");
}

TEST_CASE("French elides 'de' before a name that starts with a vowel", "[cite][citation]") {
    CitationFormatter f;
    Passage p = statement();
    p.speaker = "Enas El Fergany";
    p.affiliation = "League of Arab States";
    p.text = "The representative of the League, Enas El Fergany, spoke.";
    Citation c = f.format(p, "");
    CHECK(c.fr.rfind("Déclaration d’Enas El Fergany (League of Arab States), ", 0) == 0);
    CHECK(c.en.rfind("Statement by Enas El Fergany (League of Arab States), ", 0) == 0);
}

TEST_CASE("The honorific is the one written before the speaker's name", "[cite][citation]") {
    CHECK(honorific("Ms. Sara Salman said", "Sara Salman", Lang::fr) == "Mme");
    CHECK(honorific("Then Mrs Salman said", "Sara Salman", Lang::en) == "Ms.");
    CHECK(honorific("M. Oualid Cherif a présenté", "Oualid Cherif", Lang::ar) == "السيد");
    CHECK(honorific("قدمت السيدة سارة سلمان عرضا", "سارة سلمان", Lang::en) == "Ms.");
    CHECK(honorific("وقال السيد وليد شريف", "وليد شريف", Lang::fr) == "M.");
    CHECK(honorific("Dr. Sara Salman said", "Sara Salman", Lang::en).empty());
    CHECK(honorific("Sara Salman said", "Sara Salman", Lang::en).empty());
    CHECK(honorific("Ms. Sara Salman said", "", Lang::en).empty());
}

TEST_CASE("The CSL-JSON item is a speech with a speaker, else a report", "[cite][citation]") {
    CitationFormatter f;
    auto item = f.format(statement(), "A/75/1").csl_json;
    CHECK(item["type"] == "speech");
    CHECK(item["id"] == "2020-08-13_workshop.en:3");
    CHECK(item["title"] == "Second capacity-building workshop on the regional review");
    CHECK(item["author"] == nlohmann::json::parse(R"([{"literal": "Sara Salman"}])"));
    CHECK(item["issued"] == nlohmann::json::parse(R"({"date-parts": [[2020, 8, 13]]})"));
    CHECK(item["locator"] == "4");
    CHECK(item["label"] == "paragraph");
    CHECK(item["language"] == "en");
    CHECK(item["number"] == "A/75/1");
    Passage report = statement();
    report.speaker.clear();
    report.date.clear();
    report.para.clear();
    item = f.format(report, "").csl_json;
    CHECK(item["type"] == "report");
    CHECK_FALSE(item.contains("author"));
    CHECK_FALSE(item.contains("issued"));
    CHECK_FALSE(item.contains("locator"));
}

TEST_CASE("One formatter serves several threads", "[cite][citation]") {
    const CitationFormatter f;
    const std::string expected = f.format(statement(), "").ar;
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i)
                if (f.format(statement(), "").ar != expected) ++wrong;
        });
    for (auto& t : threads) t.join();
    CHECK(wrong == 0);
}

TEST_CASE("Fields written the other way are isolated so they keep their order", "[cite][citation]") {
    const std::tuple<const char*, Lang, const char*> cases[] = {
        {"سارة سلمان", Lang::en, FSI "سارة سلمان" PDI},
        {"سارة سلمان", Lang::fr, FSI "سارة سلمان" PDI},
        {"سارة سلمان", Lang::ar, "سارة سلمان"},
        {"A/RES/73/195", Lang::ar, FSI "A/RES/73/195" PDI},
        {"A/RES/73/195", Lang::en, "A/RES/73/195"},
        {"2021 review", Lang::ar, FSI "2021 review" PDI}, // the first strong letter decides
        {"2021/3", Lang::ar, "2021/3"},                   // digits only: nothing to isolate
        {"", Lang::en, ""},
    };
    for (auto [field, lang, out] : cases) {
        CAPTURE(field, lang_code(lang));
        CHECK(bidi_isolated(field, lang) == out);
    }
    // An Arabic speaker in an English citation: the name pastes as one run, the comma after it
    // stays in the English sentence.
    CitationFormatter f;
    Passage p = statement();
    p.speaker = "سارة سلمان";
    p.affiliation = "ESCWA";
    p.text = "قالت السيدة سارة سلمان إن البيانات مهمة.";
    CHECK(f.format(p, "E/ESCWA/2020/1").en ==
          "Statement by Ms. " FSI "سارة سلمان" PDI " (ESCWA), Second capacity-building workshop on the regional "
          "review (E/ESCWA/2020/1), 13 August 2020, para. 4.");
    CHECK(f.format(p, "E/ESCWA/2020/1").ar ==
          "بيان السيدة سارة سلمان (" FSI "ESCWA" PDI ")، " FSI "Second capacity-building workshop on the regional review" PDI
          " (" FSI "E/ESCWA/2020/1" PDI ")، 13 آب/أغسطس 2020، الفقرة 4.");
}
