// Speakers: statement heads in one passage (speaker_heads.h), and attribution over the passages
// of a document (extract_speakers.h), in Arabic, English and French.
#include "extract/extract_speakers.h"
#include "ingest/reports.h"

#include <catch2/catch.hpp>

using namespace mahdar;

namespace {

const ReferenceData& data() {
    static const ReferenceData d;
    return d;
}
const NameRules& rules() {
    static const NameRules r(data());
    return r;
}
const HeadFinder& finder() {
    static const HeadFinder f(data(), rules());
    return f;
}
const SpeakerExtractor& extractor() {
    static const CountryMatcher countries(data());
    static const SpeakerExtractor x(data(), countries);
    return x;
}

struct HeadCase {
    Lang lang;
    const char* text;
    std::vector<std::string> names; ///< first words of each person's name for Arabic
    HeadKind kind;
};

void check_heads(const std::vector<HeadCase>& cases) {
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto head = finder().find(c.text, c.lang);
        if (c.names.empty()) {
            CHECK_FALSE(head);
            continue;
        }
        REQUIRE(head);
        std::vector<std::string> names;
        for (const auto& p : head->people)
            names.push_back(c.lang == Lang::ar ? p.words[0] : p.name);
        CHECK(names == c.names);
        CHECK(head->kind == c.kind);
    }
}

// Speaker per passage line of a report.
std::vector<std::pair<std::uint32_t, std::string>> speakers(const std::string& text, Lang lang) {
    Document doc = split_report(text, "doc");
    doc.lang = lang;
    auto info = extractor().extract(doc);
    std::vector<std::pair<std::uint32_t, std::string>> out;
    for (std::size_t i = 0; i < info.size(); ++i)
        out.emplace_back(doc.passages[i].line, info[i].speaker);
    return out;
}

using Lines = std::vector<std::pair<std::uint32_t, std::string>>;
const auto statement = HeadKind::statement;
const auto line = HeadKind::speaker_line;

} // namespace

TEST_CASE("Statement heads in English", "[speakers][heads]") {
    check_heads({
        {Lang::en,
         "Mrs. Carmela Godeau, Regional Director, Regional Office for Middle East and North Africa "
         "(MENA), IOM: started her remarks.",
         {"Carmela Godeau"},
         line},
        {Lang::en,
         "Ms. Hanane Bouarourou, the representative of the Government of Morocco and Head of the "
         "Human Rights Unit, gave an overview.",
         {"Hanane Bouarourou"},
         statement},
        {Lang::en,
         "Mr. William Gois, Regional Coordinator, Migrant Forum in Asia",
         {"William Gois"},
         line},
        {Lang::en,
         "Summary of the stakeholder inputs by Ms. Harsheth Virk, Regional Programme Coordinator, "
         "UNODC",
         {"Harsheth Virk"},
         HeadKind::by_line},
        {Lang::en, "The session was moderated by Mr. Belbeisi.", {"Belbeisi"}, HeadKind::moderator},
        {Lang::en,
         "Moderator (Kristina Galstyan, International Partnerships Division, IOM, before the "
         "agenda, introduced the dialogue.",
         {"Kristina Galstyan"},
         HeadKind::moderator},
        {Lang::en, "Dr. Zohry introduced the stakeholders' survey.", {"Zohry"}, statement},
        {Lang::en,
         "Mr. Othman Belbeisi, Senior Regional Advisor - IOM; Ms. Enas El Fergany, Director - the "
         "League of Arab States; and Ms. Sara Salman, Regional Advisor - ESCWA, welcomed the "
         "participants.",
         {"Othman Belbeisi", "Enas El Fergany", "Sara Salman"},
         statement},
        {Lang::en,
         "In closing, Mr. Haddad and Ms. Khoury thanked the participants.",
         {"Haddad", "Khoury"},
         statement},
        {Lang::en,
         "Following a short break, Ms. Sara Salman took over from Mr. Belbeisi as moderator. Mr. "
         "Mohamed Tantoush, from the IOM Office in Libya introduced the representatives.",
         {"Mohamed Tantoush"},
         statement},
        {Lang::en,
         "Mr. Ma'an Asoud, the representative of Iraqi Ministry of Migration, spoke on behalf of "
         "Mr. Ahmed Rahim.",
         {"Ma'an Asoud"},
         statement},
        {Lang::en,
         "Ambassador Nadia El Sherbiny, Director of the Department, League of Arab States, opened "
         "the meeting.",
         {"Nadia El Sherbiny"},
         statement},
        {Lang::en,
         "The representative of the Government of Qatar, Mr. Khalid Al-Kuwari, Ministry of Labour, "
         "outlined the reforms.",
         {"Khalid Al-Kuwari"},
         statement},
        {Lang::en,
         "Participants asked whether the conference, led by the IOM Director General Antonio "
         "Vitorino, would be held in person.",
         {},
         statement},
        {Lang::en, "The GCM takes the whole-of-society approach.", {}, statement},
    });
}

TEST_CASE("Statement heads in French", "[speakers][heads]") {
    check_heads({
        {Lang::fr,
         "M. Oualid Cherif, représentant du Gouvernement algérien et Directeur des affaires "
         "consulaires, a déclaré que le Pacte était essentiel.",
         {"Oualid Cherif"},
         statement},
        {Lang::fr,
         "Mme Rania Khoury, conseillère régionale pour les migrations, CESAO :",
         {"Rania Khoury"},
         line},
        {Lang::fr,
         "MM. Youssef Trabelsi (Tunisie) et Hicham Alaoui (Maroc) ont présenté conjointement les "
         "travaux.",
         {"Youssef Trabelsi", "Hicham Alaoui"},
         statement},
        {Lang::fr,
         "Mmes Rania Khoury et Nadia El Sherbiny ont clôturé la réunion.",
         {"Rania Khoury", "Nadia El Sherbiny"},
         statement},
        {Lang::fr,
         "Dr Walid Saadeh, directeur au ministère du Travail, Liban, a décrit les conséquences.",
         {"Walid Saadeh"},
         statement},
        {Lang::fr,
         "La première séance a été consacrée aux exposés. Elle a été animée par M. Belbeisi.",
         {"Belbeisi"},
         HeadKind::moderator},
        {Lang::fr, "En conclusion, Mme Khoury a remercié les participants.", {"Khoury"}, statement},
        {Lang::fr,
         "Les participants ont demandé si la conférence, sous la direction du Directeur général de "
         "l’OIM, M. Antonio Vitorino, qui est également Coordonnateur du Réseau, serait maintenue.",
         {},
         statement},
    });
}

TEST_CASE("Statement heads in Arabic", "[speakers][heads]") {
    check_heads({
        {Lang::ar,
         "قدمت السيدة حنان بوعرورو، ممثلة حكومة المغرب ورئيسة وحدة حقوق الإنسان في وزارة الشؤون "
         "الخارجية، لمحة عامة عن الموقع الجغرافي.",
         {"حنان"},
         statement},
        {Lang::ar,
         "رحب بالمشاركين في ورشة العمل عبر الإنترنت كل من السيد عثمان البلبيسي، كبير المستشارين في "
         "المنظمة الدولية للهجرة؛ والسيدة إيناس الفرجاني، مديرة الإدارة في جامعة الدول العربية؛ "
         "والسيدة سارة سلمان، المستشارة الإقليمية في الإسكوا.",
         {"عثمان", "إيناس", "سارة"},
         statement},
        {Lang::ar,
         "وفي الختام، شكرت السفيرة الشربيني والسيدة خوري المشاركين.",
         {"الشربيني", "خوري"},
         statement},
        {Lang::ar,
         "السيدة رانيا خوري، المستشارة الإقليمية لشؤون الهجرة، الإسكوا:",
         {"رانيا"},
         line},
        {Lang::ar, "وأدار الجلسة السيد البلبيسي.", {"البلبيسي"}, statement},
        {Lang::ar,
         "بعد استراحة قصيرة، تولت السيدة سارة سلمان إدارة الجلسة خلفاً للسيد البلبيسي. وقدّم السيد "
         "محمد الطنطوش، من مكتب المنظمة الدولية للهجرة في ليبيا، ممثلَيْ الحكومة.",
         {"محمد"},
         statement},
        {Lang::ar,
         "سلط السيد علي عبده، ممثل جزر القمر من وزارة الداخلية، الضوء على تغير أنماط الهجرة.",
         {"علي"},
         statement},
        {Lang::ar,
         "تساءل المشاركون: هل ستؤثر الجائحة على خطة استضافة المؤتمر الذي كان من المقرر عقده برئاسة "
         "المدير العام للمنظمة الدولية للهجرة، السيد أنطونيو فيتورينو، الذي يشغل منصب المنسق؟",
         {},
         statement},
    });
}

TEST_CASE("Statements carry on over bullets and continuations, not over other text", "[speakers]") {
    std::string report =
        "# A dialogue on migrant domestic workers in the Arab region\n\n"       // 1
        "Opening remarks\n\n"                                                   // 3
        "Ms. Maryam Al-Sayed, Coordinator, Support Network (Lebanon):\n\n"      // 5
        "- described the situation of workers;\n"                               // 7
        "- asked the Network to support shelters.\n\n"                          // 8
        "Mr. Tarek Haddad, Senior Officer, IOM, welcomed the participants.\n\n" // 10
        "He added that wages had been lost.\n\n"                                // 12
        "The discussion was guided by the following questions:\n\n"             // 14
        "- What progress has been made?\n\n"                                    // 16
        "In closing, Mr. Haddad thanked the participants.\n\n"                  // 18
        "Annex: List of speakers\n\n"                                           // 20
        "No.\tName\tAffiliation\n"                                              // 22
        "1.\tTarek Haddad\tIOM\n";                                              // 23
    CHECK(speakers(report, Lang::en) == Lines{{5, "Maryam Al-Sayed"},
                                              {7, "Maryam Al-Sayed"},
                                              {8, "Maryam Al-Sayed"},
                                              {10, "Tarek Haddad"},
                                              {12, "Tarek Haddad"},
                                              {14, ""},
                                              {16, ""},
                                              {18, "Tarek Haddad"},
                                              {22, ""},
                                              {23, ""}});
}

TEST_CASE("By-lines, moderators, session titles and speaker headings", "[speakers]") {
    std::string report = "UN Network Dialogue with Stakeholders\n\n"                          // 1
                         "Summary of the stakeholder inputs to the regional review\n\n"       // 3
                         "by Dr. Ayman Zohry, Expert on Population and Migration Studies\n\n" // 5
                         "Survey findings are the following:\n\n"                             // 7
                         "- Respondents identified priorities.\n\n"                           // 9
                         "Open Discussion 1: Emerging priority issues for stakeholders and the way "
                         "forward\n\n" // 11
                         "Moderated by Dr. Ibrahim Awad, Professor, discussions were held on these "
                         "questions:\n\n"                      // 13
                         "- What are the emerging issues?\n\n" // 15
                         "Mr. Joost Klarenbeek, Special Envoy for Migration, EU: He expressed "
                         "interest.\n\n"                                                     // 17
                         "- The moderator welcomed the commitment of the EU delegation.\n\n" // 19
                         "## Mr. Salim Korkmaz, UCLG-MEWA\n\n"                               // 21
                         "Representing the UCLG-MEWA, I want to explain our work.\n";        // 23
    CHECK(speakers(report, Lang::en) == Lines{{3, "Ayman Zohry"},
                                              {7, "Ayman Zohry"},
                                              {9, "Ayman Zohry"},
                                              {11, ""},
                                              {13, "Ibrahim Awad"},
                                              {15, ""},
                                              {17, "Joost Klarenbeek"},
                                              {19, "Ibrahim Awad"},
                                              {23, "Salim Korkmaz"}});
}

TEST_CASE("French and Arabic continuations, names resolved within the document", "[speakers]") {
    std::string fr = "# Réunion d’experts sur le climat et la mobilité humaine\n\n"
                     "Mme Rania Khoury, conseillère régionale pour les migrations, CESAO, a ouvert "
                     "la réunion.\n\n"                                           // 3
                     "Elle a ajouté que la région devait préparer l’examen.\n\n" // 5
                     "Il a été souligné que les données manquent.\n\n"           // 7
                     "En conclusion, Mme Khoury a remercié les participants.\n"; // 9
    CHECK(speakers(fr, Lang::fr) ==
          Lines{{3, "Rania Khoury"}, {5, "Rania Khoury"}, {7, ""}, {9, "Rania Khoury"}});
    std::string ar = "# الاجتماع التشاوري مع المؤسسات الوطنية لحقوق الإنسان\n\n"
                     "4. وقدّمت السيدة رانيا خوري، المستشارة الإقليمية لشؤون الهجرة في الإسكوا، "
                     "عرضاً حول مسار الاستعراض.\n\n"                                     // 3
                     "5. وأضافت السيدة خوري أن الاستعراضات الطوعية كشفت عن فجوات.\n\n"  // 5
                     "وأضافت أن المؤسسات مدعوة إلى المساهمة.\n\n"                       // 7
                     "وفي باب النقاش، تساءل عدد من المشاركين عن السبل الكفيلة بذلك.\n"; // 9
    CHECK(speakers(ar, Lang::ar) ==
          Lines{{3, "رانيا خوري"}, {5, "رانيا خوري"}, {7, "رانيا خوري"}, {9, ""}});
}

TEST_CASE("The speaker's country when they represent a government", "[speakers][countries]") {
    std::string report =
        "# Dialogue with inter-state consultation mechanisms\n\n"
        "Mr. Rolliansyah Soemirat, Director, Ministry of Foreign Affairs, Indonesia, Co-chair of "
        "the Bali Process: introduced the process.\n\n"                                     // 3
        "He stressed the need to set priorities.\n\n"                                       // 5
        "Mr. Fawzi Al-Zioud, Head of Office for IOM Lebanon, highlighted achievements.\n\n" // 7
        "Ms. Ghada Hammouda, member of business advisory group in Egypt\n\n"                // 9
        "We want to emphasize the role of the private sector.\n";                           // 11
    Document doc = split_report(report, "doc");
    doc.lang = Lang::en;
    auto info = extractor().extract(doc);
    REQUIRE(info.size() == 5);
    CHECK(info[0].countries == std::vector<std::string>{"ID"});
    CHECK(info[1].countries == std::vector<std::string>{"ID"});
    CHECK(info[2].countries.empty());
    CHECK(info[3].countries.empty());
    CHECK(info[4].speaker == "Ghada Hammouda");
    CHECK(info[0].role == "Director");
    CHECK(info[2].affiliation == "Head of Office for IOM Lebanon");
}
