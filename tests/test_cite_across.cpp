// Citation across languages (issue 19 item 5) through the real route over a real index of
// corpus/: a quote drafted in French or English whose source exists only in Arabic is found as a
// translation of the Arabic passage — never as verbatim — with that passage's citation.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace mahdar;
using json = nlohmann::json;

namespace {

namespace fs = std::filesystem;

const std::string workshop_ar = "2020-08-13_remittances-workshop.ar"; // only in Arabic

struct Fixture : test::ServedIndex {
    Fixture() : ServedIndex({fs::path(MAHDAR_SOURCE_DIR) / "corpus"}) {}
    json cite(const std::string& text, const std::string& lang = "") {
        auto c = server->client();
        json body = {{"text", text}};
        if (!lang.empty()) body["lang"] = lang;
        auto res = c.Post("/api/v1/cite", body.dump(), "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        return json::parse(res->body);
    }
};

} // namespace

TEST_CASE("A French draft of an Arabic statement is found as its translation, with the Arabic citation", "[cite][cross_language][http]") {
    Fixture f;
    // Ms. Rania Khoury's findings, ESCWA, 13 August 2020: in the index only in Arabic.
    for (auto [text, lang] : {std::pair<std::string, std::string>{
                                  "Mme Rania Khoury, conseillère régionale pour les migrations à la CESAO, a présenté les "
                                  "résultats préliminaires d'une étude sur les contributions des expatriés dans les pays du "
                                  "Maghreb.", "fr"},
                              {"Ms. Rania Khoury, Regional Advisor on Migration at ESCWA, presented preliminary results of "
                               "a study on the contributions of expatriates in the countries of the Maghreb.", ""}}) {
        CAPTURE(text);
        json r = f.cite(text, lang);
        REQUIRE(!r["matches"].empty());
        const json& m = r["matches"][0];
        CHECK(m["doc_id"] == workshop_ar);
        CHECK(m["lang"] == "ar");
        CHECK(m["text"].get<std::string>().find("رانيا خوري") != std::string::npos);
        CHECK(m["relation"] == "translation");
        CHECK(m["verbatim"] == false);
        CHECK(!m["translated"].empty());
        CHECK(m["diff"].empty());
        // The citation is the Arabic passage's: its document and date.
        CHECK(m["citation"]["en"].get<std::string>().find("2020") != std::string::npos);
        CHECK(m["citation"]["ar"].is_string());
    }
}

TEST_CASE("A quote in its own language stays verbatim, and an unrelated French sentence finds nothing", "[cite][cross_language][http]") {
    Fixture f;
    json own = f.cite("La Présidente dit que la Commission va commencer l’examen de la question subsidiaire", "fr");
    REQUIRE(!own["matches"].empty());
    CHECK(own["matches"][0]["relation"] == "verbatim");
    CHECK(own["matches"][0]["lang"] == "fr");
    CHECK_FALSE(own["matches"][0].contains("translated"));

    json none = f.cite("Le chat du voisin dort toute la journée sur le canapé rouge du salon.", "fr");
    CHECK(none["matches"].empty());
    CHECK(none["reason"].is_string());
}
