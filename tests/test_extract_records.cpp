// Speakers and countries in the styles of UN records (record_heads.h): summary records,
// verbatim records and press releases, in Arabic, English and French.
#include "extract/enrich.h"
#include "extract/extract.h"
#include "ingest/reports.h"

#include <catch2/catch.hpp>

using namespace mahdar;

namespace {

const ReferenceData& data() {
    static const ReferenceData d;
    return d;
}
const Extractor& extractor() {
    static const Extractor x(data());
    return x;
}

using Codes = std::vector<std::string>;

struct Case {
    Lang lang;
    const char* text;
    const char* speaker; ///< "" when the passage names no speaker
    Codes countries;     ///< the passage's countries (named, plus the speaker's)
    const char* role = "";
};

// One passage, extracted as the indexer does.
Passage extract_one(Lang lang, const std::string& text) {
    Document doc = split_report(text + "\n", "doc");
    doc.lang = lang;
    doc.given.lang = true;
    enrich(doc, &extractor());
    return doc.passages.empty() ? Passage{} : doc.passages.front();
}

void check(const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        CAPTURE(c.text);
        Passage p = extract_one(c.lang, c.text);
        CHECK(p.speaker == c.speaker);
        CHECK(p.countries == c.countries);
        CHECK(p.role == c.role);
    }
}

// Speaker and countries per passage line of a report, one "line: speaker [codes]" per passage.
using Lines = std::vector<std::tuple<std::uint32_t, std::string, Codes>>;
std::string show(const Lines& lines) {
    std::string out;
    for (const auto& [line, speaker, codes] : lines) {
        out += std::to_string(line) + ": " + speaker + " [";
        for (const auto& c : codes)
            out += c + (&c == &codes.back() ? "" : " ");
        out += "]\n";
    }
    return out;
}
std::string speakers(const std::string& text, Lang lang) {
    Document doc = split_report(text, "doc");
    doc.lang = lang;
    doc.given.lang = true;
    enrich(doc, &extractor());
    Lines out;
    for (const auto& p : doc.passages)
        out.emplace_back(p.line, p.speaker, p.countries);
    return show(out);
}

} // namespace

TEST_CASE("Summary and verbatim records: a delegate and their country", "[speakers][records]") {
    check({
        {Lang::en, "Mr. Hilale (Morocco) said that the Compact had been adopted in Marrakech.",
         "Hilale", {"MA"}},
        {Lang::en, "Ms. Smith (United Kingdom) asked whether data would be shared.", "Smith",
         {"GB"}},
        {Lang::en, "Mr. Al-Thani (Qatar), speaking on behalf of the Group of Arab States, said "
                   "that labour reforms were under way.",
         "Al-Thani", {"QA"}},
        {Lang::en, "Mr. Hilale (Morocco) (spoke in Arabic): I have the honour to speak.",
         "Hilale", {"MA"}},
        {Lang::en, "Mr. Hilale (Morocco): We welcome the report.", "Hilale", {"MA"}},
        {Lang::en, "Mr. Mansour (Observer for the State of Palestine) said that refugees waited.",
         "Mansour", {"PS"}},
        {Lang::fr, "M. Hilale (Maroc) dit que le Pacte a été adopté à Marrakech.", "Hilale",
         {"MA"}},
        {Lang::fr, "Mme Dupont (France) demande si les données seront publiées.", "Dupont",
         {"FR"}},
        {Lang::fr, "M. Hilale (Maroc) (parle en arabe) : J’ai l’honneur de prendre la parole.",
         "Hilale", {"MA"}},
        {Lang::ar, "السيد هلال (المغرب): قال إن الاتفاق اعتمد في مراكش.", "هلال", {"MA"}},
        {Lang::ar, "السيدة سميث (المملكة المتحدة) سألت عما إذا كانت البيانات ستنشر.", "سميث",
         {"GB"}},
        {Lang::ar, "السيد هلال (المغرب) (تكلم بالعربية): يشرفني أن أتكلم.", "هلال", {"MA"}},
    });
}

TEST_CASE("Records: presiding officers speak as their role, for no country",
          "[speakers][records]") {
    check({
        {Lang::en, "The Chair said that the Committee would continue its work.", "Chair", {},
         "Chair"},
        {Lang::en, "The President: I now give the floor to the representative of Egypt.",
         "President", {"EG"}, "President"},
        {Lang::en, "The Chair (Ms. Dupont) said that the list of speakers was closed.", "Dupont",
         {}, "Chair"},
        {Lang::en, "The Acting President (spoke in French): The meeting is resumed.",
         "Acting President", {}, "Acting President"},
        {Lang::fr, "Le Président dit que la Commission poursuivra ses travaux.", "Président", {},
         "Président"},
        {Lang::fr, "La Présidente : Je donne la parole au représentant du Maroc.", "Présidente",
         {"MA"}, "Présidente"},
        {Lang::ar, "الرئيس: قال إن اللجنة ستواصل عملها.", "الرئيس", {}, "الرئيس"},
        {Lang::ar, "قال الرئيس إن اللجنة ستواصل عملها.", "الرئيس", {}, "الرئيس"},
        {Lang::ar, "الرئيس (تكلم بالإنكليزية): أعطي الكلمة الآن لممثل مصر.", "الرئيس", {"EG"},
         "الرئيس"},
    });
}

TEST_CASE("Press releases: the representative of a country", "[speakers][records]") {
    check({
        {Lang::en, "The representative of Egypt said that remittances had fallen.",
         "Representative of Egypt", {"EG"}},
        {Lang::en, "The representative of the United Arab Emirates, speaking on behalf of the "
                   "Arab Group, said that cooperation was essential.",
         "Representative of the United Arab Emirates", {"AE"}},
        {Lang::en, "Speaking on behalf of the Group of 77 and China, the representative of "
                   "Jordan called for funding.",
         "Representative of Jordan", {"JO"}},
        {Lang::en, "The observer for the State of Palestine said that refugees waited.",
         "Observer for the State of Palestine", {"PS"}},
        {Lang::fr, "Le représentant de l’Égypte a dit que les envois de fonds avaient baissé.",
         "Représentant de l’Égypte", {"EG"}},
        {Lang::fr, "La représentante du Maroc a déclaré que la coopération était essentielle.",
         "Représentante du Maroc", {"MA"}},
        {Lang::ar, "وقال ممثل مصر إن التحويلات المالية تراجعت.", "ممثل مصر", {"EG"}},
        {Lang::ar, "وقالت ممثلة المغرب إن التعاون ضروري.", "ممثلة المغرب", {"MA"}},
    });
}

TEST_CASE("Records: what is not a speaker or not a country", "[speakers][records]") {
    check({
        // Not a country: the private sector, the language of a speech, a year.
        {Lang::en, "The representative of the private sector said that recruitment fees must go.",
         "", {}},
        {Lang::en, "Mr. Hilale (spoke in French): I thank the Chair.", "Hilale", {}},
        {Lang::ar, "السيد هلال (تكلم بالفرنسية): أشكر الرئيس.", "هلال", {}},
        {Lang::fr, "M. Hilale (parle en français) : Je remercie la Présidente.", "Hilale", {}},
        {Lang::en, "Mr. Smith (2019) argued that wages had stagnated.", "Smith", {}},
        // A parenthesis that is not a country: the apposition, no country.
        {Lang::en, "Ms. Bas (Director, Division for Social Development) introduced the report.",
         "Bas", {}, "Director"},
        // Other roles and other presidents.
        {Lang::en, "The President of Egypt said that the summit had been a success.", "", {"EG"}},
        {Lang::en, "The Chair’s proposal was adopted without a vote.", "", {}},
        {Lang::ar, "قال الرئيس الفلسطيني إن اللاجئين ينتظرون.", "", {"PS"}},
        // A titled name before "the representative of": the notes style's head and apposition.
        {Lang::ar, "سلط السيد علي عبده، ممثل جزر القمر من وزارة الداخلية، الضوء على الهجرة.",
         "علي عبده", {"KM"}},
        {Lang::en, "The meeting rose at 1 p.m.", "", {}},
        {Lang::fr, "La séance est levée à 13 heures.", "", {}},
    });
}

TEST_CASE("A verbatim speech runs over the following paragraphs until the next speaker",
          "[speakers][records]") {
    std::string record =
        "# Seventy-third session, 60th plenary meeting\n\n"                          // 1
        "Agenda item 14\n\n"                                                         // 3
        "The President: I now give the floor to the representative of Morocco.\n\n" // 5
        "Mr. Hilale (Morocco) (spoke in Arabic): I have the honour to speak.\n\n"    // 7
        "Mr. Guterres has shown leadership on this Compact, and we thank him.\n\n"   // 9
        "We call on all States to join it.\n\n"                                      // 11
        "The President: I give the floor to the representative of Tunisia.\n\n"      // 13
        "Ms. Trabelsi (Tunisia): Tunisia supports the Compact.\n\n"                  // 15
        "Our national strategy follows it.\n\n"                                      // 17
        "The meeting rose at 1 p.m.\n";                                              // 19
    CHECK(speakers(record, Lang::en) == show(Lines{{5, "President", {"MA"}},
                                              {7, "Hilale", {"MA"}},
                                              {9, "Hilale", {"MA"}},
                                              {11, "Hilale", {"MA"}},
                                              {13, "President", {"TN"}},
                                              {15, "Trabelsi", {"TN"}},
                                              {17, "Trabelsi", {"TN"}},
                                              {19, "", {}}}));
}

TEST_CASE("The record names the Chair, and summary paragraphs continue the speaker",
          "[speakers][records]") {
    std::string record =
        "# Summary record of the 5th meeting\n\n"                                       // 1
        "Chair: Mr. Omar Hilale (Morocco)\n\n"                                          // 3
        "The meeting was called to order at 10.05 a.m.\n\n"                             // 5
        "1. The Chair said that the Committee would hear the Arab Group first.\n\n"     // 7
        "2. Mr. Al-Sayed (Egypt) said that remittances had fallen.\n\n"                 // 9
        "3. His Government had nevertheless created a fund for returnees.\n\n"          // 11
        "4. Mr. Hilale (Morocco) said that Morocco would host the review.\n\n"          // 13
        "5. The Chair thanked the delegations.\n";                                      // 15
    CHECK(speakers(record, Lang::en) == show(Lines{{3, "", {"MA"}},
                                              {5, "", {}},
                                              {7, "Omar Hilale", {}},
                                              {9, "Al-Sayed", {"EG"}},
                                              {11, "Al-Sayed", {"EG"}},
                                              {13, "Omar Hilale", {"MA"}},
                                              {15, "Omar Hilale", {}}}));
}

TEST_CASE("Who holds a role, from a heading", "[speakers][records]") {
    std::string record = "## Présidente : Mme Leila Benali (Maroc)\n\n"               // 1
                         "La Présidente dit que la Commission examinera le rapport.\n\n" // 3
                         "M. Dupont (France) demande si le rapport sera traduit.\n\n"    // 5
                         "La Présidente : La séance est levée.\n";                       // 7
    CHECK(speakers(record, Lang::fr) == show(Lines{{3, "Leila Benali", {}},
                                                   {5, "Dupont", {"FR"}},
                                                   {7, "Leila Benali", {}}}));
}

TEST_CASE("Press releases continue a representative only by pronouns and verbs",
          "[speakers][records]") {
    std::string fr = "# Deuxième Commission : migrations internationales\n\n"             // 1
                     "Le représentant de l’Égypte a dit que les envois de fonds avaient "
                     "baissé.\n\n"                                                     // 3
                     "Il a ajouté que son pays avait créé un fonds.\n\n"                // 5
                     "Les délégations ont ensuite examiné le projet de résolution.\n"; // 7
    CHECK(speakers(fr, Lang::fr) == show(Lines{{3, "Représentant de l’Égypte", {"EG"}},
                                          {5, "Représentant de l’Égypte", {"EG"}},
                                          {7, "", {}}}));
    std::string ar = "# اللجنة الثانية: الهجرة الدولية\n\n"                          // 1
                     "وقالت ممثلة أوغندا إن البيانات ناقصة.\n\n"                       // 3
                     "وأضافت أن بلدها يحتاج إلى الدعم.\n\n"                            // 5
                     "وقالت ممثلة عن المنظمة الدولية للهجرة إن الاستعراضات مفيدة.\n"; // 7
    CHECK(speakers(ar, Lang::ar) == show(Lines{{3, "ممثلة أوغندا", {"UG"}},
                                          {5, "ممثلة أوغندا", {"UG"}},
                                          {7, "", {}}}));
}
