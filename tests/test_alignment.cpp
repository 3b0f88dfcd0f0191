// Paragraph alignment between language versions (text/alignment.h) and the content check of
// version linking (text/version_match.h): pure functions, no index.
#include "text/alignment.h"
#include "text/version_match.h"

#include <catch2/catch.hpp>

using namespace mahdar;

namespace {

// "0-0 1-1 6+7-5": each bead's paragraphs of the first version, then of the second.
std::string pairs_of(const std::vector<Bead>& beads) {
    std::string out;
    auto side = [](const std::vector<std::uint32_t>& v) {
        std::string s;
        for (auto i : v) s += (s.empty() ? "" : "+") + std::to_string(i);
        return s;
    };
    for (const auto& b : beads) out += (out.empty() ? "" : " ") + side(b.a) + "-" + side(b.b);
    return out;
}

// English paragraphs of varied length, each with its own numbers and names, and their French.
const std::vector<std::pair<std::string, std::string>> texts = {
    {"The Chair opened the meeting at 10.05 a.m.", "La Présidente ouvre la séance à 10 h 5."},
    {"Mr. Tazi said that Arab States had submitted 14 voluntary national reviews ahead of the review held in Beirut, "
     "and that the Group expected the remaining reviews before the end of the year.",
     "M. Tazi dit que les États arabes ont présenté 14 examens nationaux volontaires avant l'examen tenu à Beyrouth, "
     "et que le Groupe attend les examens restants avant la fin de l'année."},
    {"Ms. Salih said that 3 million people had been displaced.", "Mme Salih dit que 3 millions de personnes ont été déplacées."},
    {"The representative of Jordan noted that remittance costs stood at 6.2 per cent in 2023, well above the target of 3 "
     "per cent set by the Sustainable Development Goals, and asked the Secretariat to publish corridor data every quarter.",
     "Le représentant de la Jordanie note que le coût des envois de fonds s'élevait à 6,2 % en 2023, bien au-dessus de "
     "la cible de 3 % fixée par les objectifs de développement durable, et demande au Secrétariat de publier chaque "
     "trimestre les données par couloir."},
    {"Mr. Haddad asked about document A/78/215.", "M. Haddad pose une question sur le document A/78/215."},
    {"The Committee took note of the report.", "La Commission prend note du rapport."},
    {"Ms. Karam said that 27 delegations had asked for the floor and that the list would close at 1 p.m. on Thursday.",
     "Mme Karam dit que 27 délégations ont demandé la parole et que la liste sera close jeudi à 13 heures."},
    {"She added that statements should not exceed 5 minutes.", "Elle ajoute que les déclarations ne doivent pas dépasser 5 minutes."},
    {"The meeting rose at 12.40 p.m.", "La séance est levée à 12 h 40."},
};

} // namespace

TEST_CASE("Anchors are numbers of any script, symbols and capitalised Latin words", "[align]") {
    auto a = anchors_of("Mr. Tazi cited A/78/215 and 1,500 migrants on 05 May");
    CHECK(a.count("tazi"));
    CHECK(a.count("#A/78/215"));
    CHECK(a.count("1"));
    CHECK(a.count("500"));
    CHECK(a.count("5")); // leading zero dropped
    CHECK_FALSE(a.count("migrants")); // not capitalised
    CHECK(anchors_of("قدمت ١٤ دولة").count("14"));
    CHECK(anchor_agreement(anchors_of("Tazi 14"), anchors_of("M. Tazi, 14 examens")) > 0.6);
}

TEST_CASE("Numbered paragraphs are paired by their number even when one version lacks one", "[align]") {
    std::vector<AlignItem> en, fr;
    for (std::size_t k = 0; k < texts.size(); ++k) {
        std::string n = std::to_string(k + 1);
        en.push_back({n + ". " + texts[k].first, n});
        if (k != 4) fr.push_back({n + ". " + texts[k].second, n}); // paragraph 5 missing in French
    }
    auto beads = align_paragraphs(en, fr);
    CHECK(pairs_of(beads) == "0-0 1-1 2-2 3-3 5-4 6-5 7-6 8-7");
    for (const auto& b : beads) {
        CHECK(b.how == Bead::numbered);
        CHECK(b.score >= 0.6);
    }
}

TEST_CASE("Unnumbered paragraphs are aligned by length and anchors, with a dropped and a merged one", "[align]") {
    std::vector<AlignItem> en, fr;
    for (const auto& [e, f] : texts) en.push_back({e, ""});
    for (std::size_t k = 0; k < texts.size(); ++k) {
        if (k == 4) continue;                                      // dropped in French
        if (k == 7) { fr.back().text += " " + texts[k].second; continue; } // 7 merged into 6
        fr.push_back({texts[k].second, ""});
    }
    auto beads = align_paragraphs(en, fr);
    CHECK(pairs_of(beads) == "0-0 1-1 2-2 3-3 5-4 6+7-5 8-6");
    for (const auto& b : beads) CHECK(b.how == Bead::length);
}

TEST_CASE("Arabic and English of one text agree more than two texts of one date", "[align][versions]") {
    ContentSketch en{"2024-10-29", {}, 0}, ar{"2024-10-29", {}, 0}, other{"2024-10-29", {}, 0};
    for (const char* p : {"Mr. Tazi said 14 reviews were held in 2023.", "Ms. Salih said 3 million were displaced.",
                          "Remittance costs were 6.2 per cent.", "The meeting rose at 12.40 p.m. on 29 October 2024."})
        add_to_sketch(en, p);
    for (const char* p : {"قال السيد تازي إن 14 استعراضاً عقدت في 2023.", "قالت السيدة صالح إن 3 ملايين نزحوا.",
                          "بلغت تكاليف التحويلات 6.2 في المائة.", "رفعت الجلسة الساعة 12:40 يوم 29 تشرين الأول/أكتوبر 2024."})
        add_to_sketch(ar, p);
    for (const char* p : {"La séance de la Troisième Commission est ouverte à 15 heures le 29 octobre 2024.",
                          "M. Okafor présente le rapport A/79/160 sur les droits des enfants.",
                          "Mme Lindqvist dit que 41 États ont répondu.", "La séance est levée à 17 h 55."})
        add_to_sketch(other, p);
    CHECK(content_score(en, ar) >= content_link_threshold);
    CHECK(content_score(en, other) < content_link_threshold);
    ContentSketch undated = ar;
    undated.date.clear();
    CHECK(content_score(en, undated) == 0);
}

TEST_CASE("Language versions share a name without their language suffix", "[versions]") {
    CHECK(version_name_key("/c/en/2024-10-29_record.en.md") == version_name_key("/c/ar/2024-10-29_record.ar.md"));
    CHECK(version_name_key("/c/report-EN.pdf") == version_name_key("/c/report-FR.pdf"));
    CHECK(version_name_key("/c/report_fr.docx") == version_name_key("/c/report_ar.docx"));
    CHECK(version_name_key("/c/en/x.en.md") != version_name_key("/d/en/x.fr.md")); // other folders
    CHECK(version_name_key("/c/report.md").empty());
    CHECK(version_name_key("/c/agenda.pdf").empty());
}
