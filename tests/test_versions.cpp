// Language versions linked and aligned by the indexer (write/version_pass.h), as the API shows
// them: real indexes built by mahdar-indexer, served by the real routes.
#include "format/versions.h"
#include "http_support.h"

#include <catch2/catch.hpp>

using namespace mahdar;
using nlohmann::json;

namespace {

const std::filesystem::path corpus = std::filesystem::path(MAHDAR_SOURCE_DIR) / "corpus";
const std::string en_1029 = "2024-10-29_summary-record-migration.en";
const std::string ar_1029 = "2024-10-29_summary-record-migration.ar";
const std::string fr_1029 = "2024-10-29_compte-rendu-analytique-migrations.fr";

// lang → {doc_id, how} of the document's versions, as /api/v1/document/{id} gives them.
std::map<std::string, std::pair<std::string, std::string>> versions_of(test::ServedIndex& idx, const std::string& id) {
    int status = 0;
    json d = idx.get("/api/v1/document/" + test::url_encode(id), &status);
    REQUIRE(status == 200);
    REQUIRE(d.contains("versions"));
    std::map<std::string, std::pair<std::string, std::string>> out;
    for (const auto& v : d["versions"])
        out[v["lang"].get<std::string>()] = {v["doc_id"].get<std::string>(), v["how"].get<std::string>()};
    return out;
}

// A short meeting report of `date` whose paragraphs are `paras`.
std::string report(const std::string& title, const std::string& date_line, const std::vector<std::string>& paras) {
    std::string out = "# " + title + "\n\n" + date_line + "\n\n";
    for (std::size_t k = 0; k < paras.size(); ++k) out += std::to_string(k + 1) + ". " + paras[k] + "\n\n";
    return out;
}

// Copies the three versions of the 29 October 2024 record into `dir`/in/<lang>/ and indexes
// them into `dir`/db, whose path it returns.
std::string index_the_1029_versions(const std::filesystem::path& dir) {
    for (const auto& [lang, id] : {std::pair{"en", en_1029}, {"ar", ar_1029}, {"fr", fr_1029}}) {
        std::filesystem::create_directories(dir / "in" / lang);
        std::filesystem::copy(corpus / lang / (id + ".md"), dir / "in" / lang / (id + ".md"));
    }
    std::string db = (dir / "db").string();
    REQUIRE(test::run_indexer("--quiet --db " + db + " " + (dir / "in").string()).status == 0);
    return db;
}

} // namespace

TEST_CASE("The corpus's versions are linked: English and Arabic by name, French by content", "[versions][http]") {
    test::ServedIndex idx({corpus / "en", corpus / "ar", corpus / "fr", corpus / "jsonl"});
    auto v = versions_of(idx, en_1029);
    CHECK(v["ar"] == std::pair<std::string, std::string>{ar_1029, "name"});
    CHECK(v["fr"] == std::pair<std::string, std::string>{fr_1029, "content"});
    CHECK(versions_of(idx, fr_1029)["en"].first == en_1029);
    CHECK(versions_of(idx, ar_1029)["fr"].first == fr_1029); // each to each
    for (const char* date : {"2024-11-14", "2024-12-17"}) {
        json hits = idx.get("/api/v1/search?q=migration&lang=en&from=" + std::string(date) + "&to=" + date);
        REQUIRE(hits["hits"].size() > 0);
        auto w = versions_of(idx, hits["hits"][0]["doc_id"].get<std::string>());
        CHECK(w.count("ar") == 1);
        CHECK(w.count("fr") == 1);
        CHECK(hits["hits"][0]["also_in"] == json::array({"ar", "fr"})); // what the results can show
    }
    // documents of other dates have no version and are linked to nothing
    CHECK(versions_of(idx, "2021-11-18_domestic-workers-dialogue.en").empty());
    CHECK(versions_of(idx, "2020-08-13_remittances-workshop.ar").empty());
    // statements of one conference and one day in English and French, but other statements
    CHECK(versions_of(idx, "rrc2023-statements-en").empty());
}

TEST_CASE("A passage names its aligned passages, and the side-by-side view pairs them", "[versions][http]") {
    test::ServedIndex idx({corpus / "en", corpus / "ar", corpus / "fr"});
    json doc = idx.get("/api/v1/document/" + test::url_encode(en_1029));
    json para4;
    for (const auto& p : doc["passages"])
        if (p["para"] == "4") para4 = p;
    REQUIRE(para4.is_object());
    json p = idx.get("/api/v1/passage/" + test::url_encode(para4["id"].get<std::string>()));
    REQUIRE(p["aligned"].size() == 2);
    for (const auto& a : p["aligned"]) {
        json other = idx.get("/api/v1/passage/" + test::url_encode(a["passage_id"].get<std::string>()));
        CHECK(other["para"] == "4"); // paragraph 4 in Arabic and in French
        CHECK(other["lang"] == a["lang"]);
        CHECK(a["score"].get<double>() > 0.5);
        // and back
        bool back = false;
        for (const auto& b : other["aligned"]) back = back || b["passage_id"] == para4["id"];
        CHECK(back);
    }
    int status = 0;
    json side = idx.get("/api/v1/document/" + test::url_encode(en_1029) + "/parallel?lang=ar", &status);
    REQUIRE(status == 200);
    CHECK(side["version"]["doc_id"] == ar_1029);
    std::size_t numbered = 0, paired = 0;
    for (const auto& x : doc["passages"]) numbered += !x["para"].is_null();
    for (const auto& row : side["rows"])
        if (row["a"].size() == 1 && row["b"].size() == 1 && !row["a"][0]["para"].is_null())
            paired += row["a"][0]["para"] == row["b"][0]["para"];
    CHECK(numbered >= 5);
    CHECK(paired == numbered); // every numbered paragraph beside its Arabic
    idx.get("/api/v1/document/" + test::url_encode(en_1029) + "/parallel?lang=de", &status);
    CHECK(status == 400);
    idx.get("/api/v1/document/2021-11-18_domestic-workers-dialogue.en/parallel?lang=fr", &status);
    CHECK(status == 404);
}

TEST_CASE("Two different meetings of the same date are not linked, the true version is", "[versions][http]") {
    test::TempDir dir;
    // The Third Committee met the same day: as many paragraphs, other people, other numbers.
    const std::vector<std::string> third_en = {
        "The Chair said that the Third Committee would hear the report of the Special Rapporteur on the rights of "
        "the child, document A/79/160.",
        "Ms. Lindqvist (Sweden) said that 41 States had answered the questionnaire on child protection.",
        "Mr. Okafor (Nigeria) asked how the 2 new regional offices would be funded.",
        "Ms. Dubois (Belgium) said that her country had pledged 750,000 euros for 2025.",
        "Mr. Tanaka (Japan) recalled resolution 78/187 and the 9 recommendations it made.",
        "Ms. Mbeki (South Africa) said that 63 per cent of children in the region lacked birth registration.",
        "Mr. Ruiz (Chile) proposed an expert meeting in Santiago in March 2025.",
        "The Special Rapporteur replied that 17 country visits were planned.",
        "The Chair said that the Committee had concluded its general discussion of item 68.",
        "The meeting rose at 5.55 p.m."};
    const std::vector<std::string> third_fr = {
        "La Présidente dit que la Troisième Commission entendra le rapport de la Rapporteuse spéciale sur les droits "
        "de l’enfant, document A/79/160.",
        "Mme Lindqvist (Suède) dit que 41 États ont répondu au questionnaire sur la protection de l’enfance.",
        "M. Okafor (Nigéria) demande comment les 2 nouveaux bureaux régionaux seront financés.",
        "Mme Dubois (Belgique) dit que son pays a promis 750 000 euros pour 2025.",
        "M. Tanaka (Japon) rappelle la résolution 78/187 et les 9 recommandations qu’elle formule.",
        "Mme Mbeki (Afrique du Sud) dit que 63 % des enfants de la région ne sont pas enregistrés à la naissance.",
        "M. Ruiz (Chili) propose une réunion d’experts à Santiago en mars 2025.",
        "La Rapporteuse spéciale répond que 17 visites de pays sont prévues.",
        "La Présidente dit que la Commission a achevé son débat général sur le point 68.",
        "La séance est levée à 17 h 55."};
    test::write_file(dir / "in" / "2024-10-29_third-committee.en.md",
                     report("Third Committee: summary record of the 30th meeting", "Held on Tuesday, 29 October 2024", third_en));
    test::write_file(dir / "in" / "2024-10-29_troisieme-commission.fr.md",
                     report("Troisième Commission : compte rendu de la 30e séance", "Tenue le mardi 29 octobre 2024", third_fr));
    std::filesystem::copy(corpus / "fr" / (fr_1029 + ".md"), dir / "in" / (fr_1029 + ".md"));
    std::filesystem::copy(corpus / "en" / (en_1029 + ".md"), dir / "in" / (en_1029 + ".md"));
    test::ServedIndex idx({dir / "in"});
    CHECK(versions_of(idx, en_1029)["fr"].first == fr_1029);
    json third_doc = idx.get("/api/v1/document/2024-10-29_third-committee.en");
    REQUIRE(third_doc["date"] == "2024-10-29"); // same date: only the content tells them apart
    auto third = versions_of(idx, "2024-10-29_third-committee.en");
    CHECK(third["fr"].first == "2024-10-29_troisieme-commission.fr");
    CHECK(versions_of(idx, fr_1029)["en"].first == en_1029); // not the Third Committee's
}

TEST_CASE("A JSON Lines version_of field links versions", "[versions][http]") {
    test::TempDir dir;
    test::write_file(dir / "s.jsonl",
                     R"({"doc_id":"st-en","doc_title":"Statements","text":"Ms. Khoury urged States to report.","lang":"en"})" "\n"
                     R"({"doc_id":"st-fr","doc_title":"Déclarations","text":"Mme Khoury exhorte les États à faire rapport.","lang":"fr","version_of":"st-en"})" "\n"
                     R"({"doc_id":"st-ar","doc_title":"بيانات","text":"حثت السيدة خوري الدول على تقديم التقارير.","lang":"ar","version_of":"st-en"})" "\n");
    test::ServedIndex idx({dir / "s.jsonl"});
    auto v = versions_of(idx, "st-fr");
    CHECK(v["en"] == std::pair<std::string, std::string>{"st-en", "field"});
    CHECK(v["ar"].first == "st-ar"); // through their original
    json p = idx.get("/api/v1/passage/st-ar:0");
    REQUIRE(p["aligned"].size() == 2);
}

TEST_CASE("Removing a version removes its links and alignments", "[versions][index]") {
    test::TempDir dir;
    std::string db = index_the_1029_versions(dir.path());
    {
        Xapian::Database x(db);
        CHECK(read_versions(x, en_1029).size() == 2);
        CHECK_FALSE(read_alignment(x, en_1029, ar_1029).empty());
    }
    REQUIRE(test::run_indexer("remove " + db + " --json " + ar_1029).status == 0);
    {
        Xapian::Database x(db);
        auto v = read_versions(x, en_1029);
        REQUIRE(v.size() == 1);
        CHECK(v[0].doc_id == fr_1029);
        CHECK(read_alignment(x, en_1029, ar_1029).empty());
        CHECK(read_versions(x, ar_1029).empty());
    }
    std::filesystem::remove(dir / "in" / "ar" / (ar_1029 + ".md"));
    std::filesystem::remove(dir / "in" / "fr" / (fr_1029 + ".md"));
    REQUIRE(test::run_indexer("--quiet --prune --db " + db + " " + (dir / "in").string()).status == 0);
    Xapian::Database x(db);
    CHECK(read_versions(x, en_1029).empty());
    for (const auto& key : version_metadata_keys(x)) // only the remaining document's stamp
        CHECK(key == version_stamp_key(en_1029));
}

TEST_CASE("Re-indexing a changed version updates its links, unchanged ones stay", "[versions][index]") {
    test::TempDir dir;
    std::string db = index_the_1029_versions(dir.path());
    {
        Xapian::Database x(db);
        REQUIRE(read_versions(x, fr_1029).size() == 2); // by content
    }
    // The French file now holds another meeting of that day: no longer a version.
    test::write_file(dir / "in" / "fr" / (fr_1029 + ".md"),
                     report("Troisième Commission : compte rendu analytique", "Tenue le mardi 29 octobre 2024",
                            {"La Présidente dit que la Commission entendra le rapport A/79/160.",
                             "Mme Lindqvist (Suède) dit que 41 États ont répondu.",
                             "M. Okafor (Nigéria) demande comment les 2 bureaux seront financés.",
                             "Mme Dubois (Belgique) annonce 750 000 euros pour 2025.",
                             "M. Tanaka (Japon) rappelle la résolution 78/187.",
                             "Mme Mbeki (Afrique du Sud) cite 63 % d’enfants non enregistrés.",
                             "M. Ruiz (Chili) propose une réunion à Santiago en mars 2025.",
                             "La séance est levée à 17 h 55."}));
    REQUIRE(test::run_indexer("--quiet --db " + db + " " + (dir / "in").string()).status == 0);
    Xapian::Database x(db);
    auto en = read_versions(x, en_1029);
    REQUIRE(en.size() == 1);
    CHECK(en[0].doc_id == ar_1029); // the link by name stays
    CHECK_FALSE(read_alignment(x, en_1029, ar_1029).empty());
    CHECK(read_versions(x, fr_1029).empty());
    CHECK(read_alignment(x, en_1029, fr_1029).empty());
}

TEST_CASE("An index made before versions were linked gets its links at the next run, no file changed", "[versions][index]") {
    test::TempDir dir;
    std::string db = index_the_1029_versions(dir.path());
    {
        // What an indexer from before the version pass left: no version metadata at all.
        Xapian::WritableDatabase x(db);
        for (const auto& key : version_metadata_keys(x)) x.set_metadata(key, "");
        x.set_metadata("mahdar_versions_linked", "");
        x.commit();
        REQUIRE(read_versions(x, en_1029).empty());
    }
    auto again = test::run_indexer("--db " + db + " " + (dir / "in").string());
    REQUIRE(again.status == 0);
    CHECK(again.output.find("3 unchanged") != std::string::npos);
    Xapian::Database x(db);
    CHECK(read_versions(x, en_1029).size() == 2);
    CHECK_FALSE(read_alignment(x, en_1029, fr_1029).empty());
}
