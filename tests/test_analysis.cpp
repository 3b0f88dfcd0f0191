// Analysis: normalisation, Arabic light stemming, French elision and stemming, word breaking,
// language identification. Vectors from shared/LANGUAGE.md.
#include "text/analyzer.h"
#include "text/arabic.h"
#include "text/langid.h"
#include "text/normalise.h"

#include <catch2/catch.hpp>

using namespace mahdar;

namespace {

const WordLists& lists() {
    static const WordLists l = WordLists::embedded();
    return l;
}

} // namespace

TEST_CASE("Arabic normalisation follows the Lucene vectors", "[analysis][arabic]") {
    const std::pair<const char*, const char*> cases[] = {
        {"آجن", "اجن"},   {"أحمد", "احمد"}, {"إعاذ", "اعاذ"},     {"بنى", "بني"},
        {"فاطمة", "فاطمه"}, {"روبرـــــت", "روبرت"}, {"مَبنا", "مبنا"}, {"علِي", "علي"},
        {"بُوات", "بوات"},  {"ولداً", "ولدا"}, {"ولدٍ", "ولد"},       {"ولدٌ", "ولد"},
        {"نلْسون", "نلسون"}, {"هتميّ", "هتمي"}, {"١٢٣٤", "1234"},     {"۱۲۳۴", "1234"},
        {"ﺍﻟﺴﻼﻡ", "السلام"}, {"ٱلله", "الله"},  {"مسؤول", "مسوول"},    {"لاجئ", "لاجي"},
    };
    for (auto [in, out] : cases) {
        CAPTURE(in);
        CHECK(normalise_word(in) == out);
    }
}

TEST_CASE("Arabic light stemming follows light10", "[analysis][arabic]") {
    const std::pair<const char*, const char*> cases[] = {
        {"الحسن", "حسن"},     {"والحسن", "حسن"},  {"بالحسن", "حسن"},   {"كالحسن", "حسن"},
        {"فالحسن", "حسن"},    {"للاخر", "اخر"},    {"وحسن", "حسن"},     {"زوجها", "زوج"},
        {"ساهدان", "ساهد"},   {"ساهدات", "ساهد"},  {"ساهدون", "ساهد"},  {"ساهدين", "ساهد"},
        {"ساهديه", "ساهد"},   {"ساهدية", "ساهد"},  {"ساهده", "ساهد"},   {"ساهدة", "ساهد"},
        {"ساهدي", "ساهد"},    {"وساهدون", "ساهد"}, {"ساهدهات", "ساهد"}, {"الو", "الو"},
        {"كبيرة", "كبير"}, {"مشروبات", "مشروب"}, {"أمريكيين", "امريك"},
        {"امريكي", "امريك"},  {"الكتاب", "كتاب"},  {"والمهاجرين", "مهاجر"}, {"للمهاجرين", "مهاجر"},
        {"فلسطين", "فلسط"},
    };
    for (auto [in, out] : cases) {
        CAPTURE(in);
        CHECK(arabic_light_stem(normalise_word(in)) == out);
    }
    CHECK(arabic_light_stem("English") == "English");
}

TEST_CASE("French: elision, stem the accented word then fold", "[analysis][french]") {
    Analyzer a(lists());
    const std::pair<const char*, const char*> words[] = {
        {"l'objectif", "objectif"}, {"L’Objectif", "objectif"}, {"d’Arabie", "arabie"},
        {"qu'il", "il"},            {"jusqu'au", "au"},          {"aujourd'hui", "aujourd'hui"},
        {"d'aujourd'hui", "aujourd'hui"}, {"presqu'île", "presqu'ile"}, {"sécurité", "securite"},
        {"Cœlacanthe", "coelacanthe"}, {"ÉTATS", "etats"},
    };
    for (auto [in, out] : words) {
        CAPTURE(in);
        CHECK(a.analyse_word(in, Lang::fr).word == out);
    }
    const std::pair<const char*, const char*> stems[] = {
        {"continuellement", "continuel"}, {"continuation", "continu"}, {"continuons", "continuon"},
        {"contournait", "contourn"}, {"maintenant", "mainten"}, {"maintenue", "maintenu"},
        {"majestueusement", "majestu"}, {"majesté", "majest"}, {"maladroitement", "maladroit"},
        {"maitre", "maitr"}, {"sécurité", "secur"}, {"l'embrouille", "embrouill"},
    };
    for (auto [in, out] : stems) {
        CAPTURE(in);
        CHECK(a.analyse_word(in, Lang::fr).stem == out);
    }
}

TEST_CASE("English: Snowball stems, possessives", "[analysis][english]") {
    Analyzer a(lists());
    CHECK(a.analyse_word("migrants", Lang::en).stem == a.analyse_word("migrant", Lang::en).stem);
    CHECK(a.analyse_word("Morocco's", Lang::en).word == "morocco");
    CHECK(a.analyse_word("Governments", Lang::en).stem == "govern");
    CHECK(a.analyse_word("2020", Lang::en).stem.empty());
}

namespace {
std::vector<std::string> words_of(Analyzer& a, const std::string& text, Lang lang) {
    std::vector<std::string> out;
    for (const auto& t : a.analyse(text, lang)) out.push_back(t.word);
    return out;
}
} // namespace

TEST_CASE("Word breaking keeps offsets into the original text", "[analysis]") {
    Analyzer a(lists());
    std::string text = "قال: الأُمَم المتّحدة والمهاجرين";
    auto tokens = a.analyse(text, Lang::ar);
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[1].word == "الامم");
    CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "الأُمَم");
    CHECK(tokens[2].word == "المتحده");
    CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "المتّحدة");
    CHECK(tokens[3].stem == "مهاجر");
}

TEST_CASE("Word breaking: tatweel, ZWNJ, numbers with no-break spaces", "[analysis]") {
    Analyzer a(lists());
    CHECK(words_of(a, "الأمـــم المتحدة", Lang::ar) == std::vector<std::string>{"الامم", "المتحده"});
    CHECK(words_of(a, "مؤتمر\u200cالقمة", Lang::ar) == std::vector<std::string>{"موتمر", "القمه"});
    CHECK(words_of(a, "soit 1\u202f234,5 migrants", Lang::fr) ==
          std::vector<std::string>{"soit", "1234,5", "migrants"});
    CHECK(words_of(a, "in 2020 15 countries", Lang::en) ==
          std::vector<std::string>{"in", "2020", "15", "countries"});
    CHECK(words_of(a, "عام ٢٠٢١", Lang::ar) == std::vector<std::string>{"عام", "2021"});
}

TEST_CASE("Language identification", "[analysis][langid]") {
    CHECK(detect_language("قدمت السيدة سارة سلمان لمحة عامة عن الاستعراض") == Lang::ar);
    CHECK(detect_language("The representative of Morocco said that the review was progressing") == Lang::en);
    CHECK(detect_language("La représentante du Maroc a déclaré que l’examen progressait") == Lang::fr);
    CHECK(detect_language("Mme Sara Salman a présenté les objectifs du Pacte mondial") == Lang::fr);
    CHECK(detect_language("Ms. Sara Salman presented the objectives of the Global Compact") == Lang::en);
}
