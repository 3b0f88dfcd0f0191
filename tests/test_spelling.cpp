// English spelling variants (issue 15): British spellings written the American way before
// stemming, so that a query in either spelling finds the other.
#include "text/spelling.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

using namespace mahdar;

namespace {

// The rows of the committed table, read from the source tree (not from the embedded copy).
std::vector<std::pair<std::string, std::string>> committed_rows() {
    std::ifstream f(std::filesystem::path(MAHDAR_SOURCE_DIR) / "core" / "reference" / "data" /
                    "spelling_uk_us.tsv");
    REQUIRE(f);
    std::vector<std::pair<std::string, std::string>> rows;
    std::string line;
    while (std::getline(f, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto tab = line.find('\t');
        rows.emplace_back(line.substr(0, tab), tab == std::string::npos ? "" : line.substr(tab + 1));
    }
    return rows;
}

bool lower_ascii(const std::string& w) {
    if (w.empty()) return false;
    for (char c : w)
        if (c < 'a' || c > 'z') return false;
    return true;
}

} // namespace

TEST_CASE("The issue's British spellings and their inflections take the American form",
          "[spelling]") {
    const std::pair<const char*, const char*> cases[] = {
        {"organisation", "organization"},     {"organisations", "organizations"},
        {"organisational", "organizational"}, {"organised", "organized"},
        {"organising", "organizing"},         {"decentralised", "decentralized"},
        {"programme", "program"},             {"programmes", "programs"},
        {"labour", "labor"},                  {"labours", "labors"},
        {"centre", "center"},                 {"centres", "centers"},
        {"centred", "centered"},              {"centring", "centering"},
        {"defence", "defense"},               {"defences", "defenses"},
        {"licence", "license"},               {"offence", "offense"},
        {"pretence", "pretense"},             {"travelled", "traveled"},
        {"travelling", "traveling"},          {"counsellor", "counselor"},
        {"catalogue", "catalog"},             {"catalogues", "catalogs"},
        {"catalogued", "cataloged"},          {"fulfil", "fulfill"},
        {"fulfilment", "fulfillment"},        {"enrol", "enroll"},
        {"skilful", "skillful"},              {"analyse", "analyze"},
        {"paediatric", "pediatric"},          {"manoeuvre", "maneuver"},
        {"manoeuvring", "maneuvering"},       {"oestrogen", "estrogen"},
        {"metre", "meter"},                   {"kilometres", "kilometers"},
        {"colourised", "colorized"},          {"neighbourhood", "neighborhood"},
        {"behaviour", "behavior"},            {"mould", "mold"},
        {"sceptical", "skeptical"},           {"prioritisation", "prioritization"},
        {"securitisation", "securitization"}, {"denuclearisation", "denuclearization"},
        {"foetus", "fetus"},                  {"diarrhoea", "diarrhea"},
        {"haemorrhagic", "hemorrhagic"},      {"anaemia", "anemia"},
    };
    for (auto [british, american] : cases) {
        CAPTURE(british);
        CHECK(american_spelling(british) == american);
    }
}

TEST_CASE("Both spellings of a word give one English stem", "[spelling]") {
    const Xapian::Stem stem("english");
    const std::pair<const char*, const char*> cases[] = {
        {"organisation", "organization"}, {"organisations", "organizations"},
        {"programmes", "programs"},       {"labour", "labor"},
        {"centres", "centers"},           {"defence", "defense"},
        {"counsellors", "counselors"},    {"catalogued", "cataloged"},
    };
    for (auto [british, american] : cases) {
        CAPTURE(british, american);
        CHECK(stem(british) != stem(american)); // why the table is needed
        CHECK(stem(std::string(american_spelling(british))) ==
              stem(std::string(american_spelling(american))));
    }
}

TEST_CASE("American words, words spelt alike and other words are unchanged", "[spelling]") {
    const char* words[] = {
        "organization", "program",  "labor",    "center",  "defense",  "traveled", "license",
        "analyze",      "catalog",  "the",      "united",  "nations",  "migration", "surprise",
        "advertise",    "morning",  "filled",   "practice", "compromise", "exercise",
        "dialogue",     "dialogues", "analyses", "rise",   "organisme", "travail", "",
        // Not lower case: the analyzer lowers words before it asks.
        "Organisation", "CENTRE",
    };
    for (const char* w : words) {
        CAPTURE(w);
        CHECK(american_spelling(w) == w);
    }
}

TEST_CASE("False pairs stay unmapped", "[spelling]") {
    // Different words, not spellings of one word: no pattern makes them, or the generator
    // leaves them out (scripts/make-spelling-table, FALSE_PAIRS and the family rule).
    const char* words[] = {
        "tyre",    "tyres",   "cheque",  "cheques", "draught",  "draughts", "kerb",
        "prise",   "prised",  "prising", "apprise", "apprised", "faerie",   "notre",
        "sempre",  "caesar",  "mourning", "pouring", "unscoured", "wisen",    "analyses",
        "surprise", "filled", "willing", "timbre",   "judgement", "ageing",
        "daemon",  "toenail", "forgoers", "whosoever", "soever",
    };
    for (const char* w : words) {
        CAPTURE(w);
        CHECK(american_spelling(w) == w);
    }
}

TEST_CASE("Rows of the committed table map once, to an American form that stays",
          "[spelling]") {
    auto rows = committed_rows();
    REQUIRE(rows.size() >= 7600); // 8000 when generated
    CHECK(embedded_spelling_table().size() == rows.size());
    std::size_t step = rows.size() / 250, checked = 0;
    for (std::size_t i = 0; i < rows.size(); i += step, ++checked) {
        const auto& [british, american] = rows[i];
        CAPTURE(british, american);
        CHECK(american_spelling(british) == american);
        CHECK(american_spelling(american) == american);
    }
    CHECK(checked >= 200);
}

TEST_CASE("Every row is two different lower-case words, and no American form is rewritten",
          "[spelling]") {
    for (const auto& [british, american] : committed_rows()) {
        CAPTURE(british, american);
        CHECK(lower_ascii(british));
        CHECK(lower_ascii(american));
        CHECK(british != american);
        CHECK(american_spelling(american) == american);
    }
}

TEST_CASE("A table from text skips comments and malformed lines", "[spelling]") {
    const SpellingTable table("#british\tamerican (a header)\ncolour\tcolor\nno tab here\n"
                              "\ncentre\tcenter");
    CHECK(table.size() == 2);
    CHECK(table.american("colour") == "color");
    CHECK(table.american("centre") == "center");
    CHECK(table.american("#british") == "#british");
    CHECK(table.american("no tab here") == "no tab here");
}
