// Query words to their translations (searchd/search/translate.h, issue 19 `langs=all`): which
// lexicon rows a typed word reaches, how many, and which of them a passage holds.
#include "search/translate.h"

#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace mahdar;

namespace {

Analyzer& analyzer() {
    static Analyzer a(test::word_lists());
    return a;
}

std::string stem(const std::string& word, Lang lang) { return analyzer().analyse_word(word, lang).stem; }

std::string row(Lang from, const std::string& term, Lang to, const std::string& target, double weight) {
    return std::string(lang_code(from)) + "\t" + term + "\t" + std::string(lang_code(to)) + "\t" + target + "\t" +
           std::to_string(weight) + "\n";
}

std::vector<std::string> names(const std::vector<TranslatedTerm>& list, Lang lang) {
    std::vector<std::string> out;
    for (const auto& t : list)
        if (t.lang == lang) out.push_back(t.translation);
    return out;
}

const std::vector<Lang> all = {Lang::ar, Lang::en, Lang::fr};

} // namespace

TEST_CASE("A Latin word is translated as English and as French, at most 4 per language, heaviest first", "[translate]") {
    // "migrants": English stem "migrant", French stem "migr"; five Arabic candidates in all.
    std::string en = stem("migrants", Lang::en), fr = stem("migrants", Lang::fr);
    REQUIRE(en != fr);
    Lexicon lexicon(row(Lang::en, en, Lang::ar, "مهاجر", 1.0) + row(Lang::en, en, Lang::ar, "وافد", 0.3) +
                    row(Lang::en, en, Lang::ar, "نازح", 0.2) + row(Lang::fr, fr, Lang::ar, "هجره", 0.9) +
                    row(Lang::fr, fr, Lang::ar, "مغترب", 0.1) + row(Lang::en, en, Lang::fr, "migrant", 0.8));
    auto found = translations_of("migrants", analyzer(), {lexicon, all}, {});
    CHECK(names(found, Lang::ar) == std::vector<std::string>{"مهاجر", "هجره", "وافد", "نازح"});
    CHECK(names(found, Lang::fr) == std::vector<std::string>{"migrant"});
    CHECK(names(found, Lang::en).empty()); // never into the word's own language
    for (const auto& t : found) CHECK(t.word == "migrants");

    SECTION("only into the languages searched") {
        auto fr_only = translations_of("migrants", analyzer(), {lexicon, {Lang::fr}}, {});
        CHECK(names(fr_only, Lang::ar).empty());
        CHECK(names(fr_only, Lang::fr) == std::vector<std::string>{"migrant"});
    }
    SECTION("not a term the word already asks for (a cognate)") {
        auto own = translations_of("migrants", analyzer(), {lexicon, all}, {"Zmigrant"});
        CHECK(names(own, Lang::fr).empty());
        CHECK(names(own, Lang::ar).size() == 4);
    }
}

TEST_CASE("An Arabic word is translated by its light stem, whatever its clitics", "[translate]") {
    Lexicon lexicon(row(Lang::ar, stem("مهاجر", Lang::ar), Lang::en, "migrant", 1.0));
    for (const char* written : {"المهاجرين", "والمهاجرون", "مهاجر"})
        CHECK(names(translations_of(written, analyzer(), {lexicon, all}, {}), Lang::en) == std::vector<std::string>{"migrant"});
}

TEST_CASE("Function words and unknown words get no translation", "[translate]") {
    Lexicon lexicon(row(Lang::en, "the", Lang::fr, "le", 1.0) + row(Lang::fr, "de", Lang::en, "of", 1.0));
    CHECK(translations_of("the", analyzer(), {lexicon, all}, {}).empty());
    CHECK(translations_of("de", analyzer(), {lexicon, all}, {}).empty());
    CHECK(translations_of("Guterres", analyzer(), {lexicon, all}, {}).empty());
}

TEST_CASE("A phrase translation needs all its stems near one another", "[translate]") {
    TranslatedTerm t{"remittances", "envois fond", Lang::fr, 1.0};
    CHECK(translation_terms(t) == std::vector<std::string>{"Zenvois", "Zfond"});
    CHECK(translation_query(t).get_type() == Xapian::Query::OP_NEAR);
    CHECK(translation_query({"migrants", "migr", Lang::fr, 1.0}).get_description() == "Query(Zmigr)");

    Xapian::Document envois, both;
    envois.add_term("Zenvois");
    both.add_term("Zenvois");
    both.add_term("Zfond");
    both.add_term("Zmigr");
    both.add_term("Zمهاجر");
    std::vector<TranslatedTerm> query = {t, {"migrants", "migr", Lang::fr, 1.0}, {"migrants", "مهاجر", Lang::ar, 1.0}};
    CHECK(matched_translations(envois, Lang::fr, query).empty());
    auto matched = matched_translations(both, Lang::fr, query);
    REQUIRE(matched.size() == 2);
    CHECK(matched[0].translation == "envois fond");
    CHECK(matched[1].translation == "migr");
    // Each translation is looked for in passages of its own language only.
    auto arabic = matched_translations(both, Lang::ar, query);
    REQUIRE(arabic.size() == 1);
    CHECK(arabic[0].translation == "مهاجر");
}
