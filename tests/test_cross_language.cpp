// Search across languages (issue 19, `langs=all`) through the real routes over a real index of
// corpus/: the English, Arabic and French versions of the 29 October 2024 summary record,
// linked and aligned by the indexer (format/versions.h).
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

using namespace mahdar;
using json = nlohmann::json;
using test::url_encode;

namespace {

namespace fs = std::filesystem;

struct Fixture : test::ServedIndex {
    Fixture()
        : ServedIndex({fs::path(MAHDAR_SOURCE_DIR) / "corpus" / "en" / "2024-10-29_summary-record-migration.en.md",
                       fs::path(MAHDAR_SOURCE_DIR) / "corpus" / "ar" / "2024-10-29_summary-record-migration.ar.md",
                       fs::path(MAHDAR_SOURCE_DIR) / "corpus" / "fr" /
                           "2024-10-29_compte-rendu-analytique-migrations.fr.md"}) {}
    json search(const std::string& q, const std::string& more = "") {
        int status = 0;
        json r = get("/api/v1/search?size=50&q=" + url_encode(q) + more, &status);
        REQUIRE(status == 200);
        return r;
    }
};

// The hits of `r` in `lang`, the versions grouped under a hit included (langs=all groups them).
std::vector<json> in_lang(const json& r, const std::string& lang) {
    std::vector<json> out;
    for (const auto& h : r["hits"]) {
        if (h["lang"] == lang) out.push_back(h);
        for (const auto& v : h.value("versions", json::array()))
            if (v["lang"] == lang) out.push_back(v);
    }
    return out;
}

// The top-level hit whose text holds `words`, or null.
json hit_with(const json& r, const std::string& words) {
    for (const auto& h : r["hits"])
        if (h["text"].get<std::string>().find(words) != std::string::npos) return h;
    return nullptr;
}

// Whether a hit says it matched `translation` (a lexicon term) of `word` in `lang`.
bool names_translation(const json& hit, const std::string& word, const std::string& translation, const std::string& lang) {
    if (!hit.contains("translated")) return false;
    for (const auto& t : hit["translated"])
        if (t["word"] == word && t["translation"] == translation && t["lang"] == lang) return true;
    return false;
}

} // namespace

TEST_CASE("An English word with langs=all finds the Arabic and French versions of its passage", "[cross_language][http]") {
    Fixture f;
    json alone = f.search("remittance");
    CHECK(in_lang(alone, "ar").empty());
    CHECK(in_lang(alone, "fr").empty());
    REQUIRE(!in_lang(alone, "en").empty());

    json all = f.search("remittance", "&langs=all");
    auto ar = in_lang(all, "ar"), fr = in_lang(all, "fr");
    REQUIRE(!ar.empty());
    REQUIRE(!fr.empty());
    // Paragraph 3 of each version: "تحويل الأموال", "envois de fonds".
    CHECK(ar.front()["text"].get<std::string>().find("تحويل الأموال") != std::string::npos);
    CHECK(fr.front()["text"].get<std::string>().find("envois de fonds") != std::string::npos);
    CHECK(names_translation(ar.front(), "remittance", "تحويل", "ar"));
    CHECK(names_translation(fr.front(), "remittance", "envois fond", "fr"));
    // The translation is marked in the passage's own words.
    CHECK(ar.front()["snippet_html"].get<std::string>().find("<mark>تحويل</mark>") != std::string::npos);
    CHECK(fr.front()["snippet_html"].get<std::string>().find("<mark>envois</mark>") != std::string::npos);
    // The English passages are still there, and say nothing of translations.
    auto en = in_lang(all, "en");
    REQUIRE(en.size() == in_lang(alone, "en").size());
    CHECK_FALSE(en.front().contains("translated"));
}

TEST_CASE("An Arabic query with langs=all restricted to English finds the English passage", "[cross_language][http]") {
    Fixture f;
    CHECK(f.search("نزوح", "&lang=en")["total"] == 0);
    json r = f.search("نزوح", "&lang=en&langs=all");
    REQUIRE(!r["hits"].empty());
    for (const auto& h : r["hits"]) CHECK(h["lang"] == "en");
    CHECK(r["hits"][0]["text"].get<std::string>().find("displaced") != std::string::npos);
    CHECK(r["hits"][0].contains("translated"));
}

TEST_CASE("The lang facet counts all three languages under langs=all", "[cross_language][http]") {
    Fixture f;
    json r = f.search("remittance", "&langs=all");
    std::map<std::string, std::size_t> counts;
    for (const auto& v : r["facets"]["lang"]) counts[v["value"]] = v["count"];
    CHECK(counts["ar"] + counts["en"] + counts["fr"] == r["total"].get<std::size_t>());
    CHECK(counts["ar"] >= in_lang(r, "ar").size());
    CHECK(counts["fr"] >= in_lang(r, "fr").size());
    CHECK(counts["en"] >= in_lang(r, "en").size());
    CHECK(counts["ar"] > 0);
    CHECK(counts["fr"] > 0);
}

TEST_CASE("A word without translation still finds its own passages under langs=all", "[cross_language][http]") {
    Fixture f;
    // "Tazi" is a name the lexicon does not translate: the English passage of Mr. Tazi is found,
    // and the word that translates still finds the Arabic passage on its own.
    json r = f.search("Tazi remittance", "&langs=all");
    bool tazi = false;
    for (const auto& h : in_lang(r, "en")) tazi |= h["text"].get<std::string>().find("Tazi") != std::string::npos;
    CHECK(tazi);
    CHECK(!in_lang(r, "ar").empty());
    // Without langs=all both words are required, as before: no passage has both.
    CHECK(f.search("Tazi remittance")["total"] == 0);
}

TEST_CASE("langs takes only all", "[cross_language][http]") {
    Fixture f;
    int status = 0;
    json r = f.get("/api/v1/search?q=remittance&langs=bogus", &status);
    CHECK(status == 400);
    CHECK(r["error"]["code"] == "bad_parameter");
    CHECK(r["error"]["message"].get<std::string>().find("langs") != std::string::npos);
    CHECK(f.search("remittance")["total"].get<int>() > 0); // and the server goes on serving
}

TEST_CASE("Under langs=all the matching versions of one paragraph are one hit with its versions", "[cross_language][http]") {
    Fixture f;
    json r = f.search("remittance", "&langs=all");
    json en = hit_with(r, "remittance");
    REQUIRE(en.is_object());
    REQUIRE(en["lang"] == "en");
    REQUIRE(en.contains("versions"));
    // The versions are the paragraph's aligned passages in Arabic and French, each with its
    // snippet and the translation it matched by.
    json passage = f.get("/api/v1/passage/" + url_encode(en["id"].get<std::string>()));
    std::map<std::string, std::string> aligned;
    for (const auto& a : passage["aligned"]) aligned[a["lang"].get<std::string>()] = a["passage_id"].get<std::string>();
    std::map<std::string, std::string> grouped;
    for (const auto& v : en["versions"]) {
        grouped[v["lang"].get<std::string>()] = v["id"].get<std::string>();
        CHECK(v["snippet_html"].get<std::string>().find("<mark>") != std::string::npos);
        CHECK(v.contains("translated"));
    }
    CHECK(grouped.count("ar") == 1);
    CHECK(grouped.count("fr") == 1);
    CHECK(grouped == aligned);
    // No passage is listed twice: a version is not also a hit of its own.
    std::set<std::string> seen;
    for (const auto& h : r["hits"]) {
        CHECK(seen.insert(h["id"].get<std::string>()).second);
        for (const auto& v : h.value("versions", json::array())) CHECK(seen.insert(v["id"].get<std::string>()).second);
    }
    // collapse=none lists the three separately, the Arabic and French passages as hits.
    json apart = f.search("remittance", "&langs=all&collapse=none");
    CHECK(apart["hits"].size() > r["hits"].size());
    bool ar_alone = false;
    for (const auto& h : apart["hits"]) {
        CHECK_FALSE(h.contains("versions"));
        ar_alone = ar_alone || h["id"] == grouped["ar"];
    }
    CHECK(ar_alone);
    CHECK(apart["total"] == r["total"]); // total counts passages either way
}

TEST_CASE("Grouped versions page like any hits", "[cross_language][http]") {
    Fixture f;
    // Page by page, one hit per page, the groups come in the order of the whole list.
    json whole = f.search("migration", "&langs=all");
    REQUIRE(whole["hits"].size() >= 3);
    for (std::size_t page = 1; page <= 3; ++page) {
        int status = 0;
        json one = f.get("/api/v1/search?size=1&page=" + std::to_string(page) + "&langs=all&q=migration", &status);
        REQUIRE(status == 200);
        REQUIRE(one["hits"].size() == 1);
        CHECK(one["hits"][0]["id"] == whole["hits"][page - 1]["id"]);
        CHECK(one["hits"][0].value("versions", json::array()).size() ==
              whole["hits"][page - 1].value("versions", json::array()).size());
    }
    int status = 0;
    json bad = f.get("/api/v1/search?q=migration&collapse=languages", &status);
    CHECK(status == 400);
    CHECK(bad["error"]["message"].get<std::string>().find("versions") != std::string::npos);
}
