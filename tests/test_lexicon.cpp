// The bilingual lexicon (issue 19): the committed lexicon, as the query parser will use it,
// gives each analysed word the analysed forms of its translations, a handful at most.
#include "text/lexicon.h"

#include "text/analyzer.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace mahdar;

namespace {

// The stem the index holds for `word` in a passage of `lang`.
std::string stem(const std::string& word, Lang lang) {
    static const WordLists lists = WordLists::embedded();
    static Analyzer analyzer(lists);
    return analyzer.analyse_word(word, lang).stem;
}

bool translates(const Lexicon& lexicon, const std::string& word, Lang from,
                const std::string& translation, Lang to) {
    const auto& list = lexicon.translations(stem(word, from), from, to);
    return std::any_of(list.begin(), list.end(),
                       [&](const Translation& t) { return t.term == stem(translation, to); });
}

} // namespace

TEST_CASE("The committed lexicon translates UN migration words into the other two languages",
          "[lexicon]") {
    const Lexicon lexicon = Lexicon::embedded();
    REQUIRE(lexicon.size() > 10000);
    CHECK(translates(lexicon, "migrants", Lang::en, "مهاجر", Lang::ar));
    CHECK(translates(lexicon, "migrants", Lang::en, "migrant", Lang::fr));
    CHECK(translates(lexicon, "المهاجرين", Lang::ar, "migrants", Lang::en));
    CHECK(translates(lexicon, "réfugiés", Lang::fr, "refugees", Lang::en));
    CHECK(translates(lexicon, "refugees", Lang::en, "اللاجئين", Lang::ar));
    // Arabic and French meet directly, not only through English.
    CHECK(translates(lexicon, "migrants", Lang::fr, "المهاجرين", Lang::ar));
}

TEST_CASE("Objective titles and glossary names translate with the top weight", "[lexicon]") {
    const Lexicon lexicon = Lexicon::embedded();
    // Objective 20, "Remittances": a one-word title whose Arabic is one word.
    const auto& ar = lexicon.translations(stem("remittances", Lang::en), Lang::en, Lang::ar);
    REQUIRE_FALSE(ar.empty());
    CHECK(ar.front().weight == Approx(1.0));
    CHECK(std::any_of(ar.begin(), ar.end(),
                      [](const Translation& t) { return t.term == stem("التحويلات", Lang::ar); }));
    // An acronym becomes the other language's full name, as a phrase of stems.
    const auto& iom = lexicon.translations(stem("IOM", Lang::en), Lang::en, Lang::fr);
    CHECK(std::any_of(iom.begin(), iom.end(),
                      [](const Translation& t) { return t.term == stem("OIM", Lang::fr); }));
    CHECK(std::any_of(iom.begin(), iom.end(),
                      [](const Translation& t) { return t.term.find(' ') != std::string::npos; }));
}

TEST_CASE("A word with no translation gets none, and no language translates into itself",
          "[lexicon]") {
    const Lexicon lexicon = Lexicon::embedded();
    CHECK(lexicon.translations("qzxwvj", Lang::en, Lang::ar).empty());
    CHECK(lexicon.translations(stem("migrants", Lang::en), Lang::en, Lang::en).empty());
}

TEST_CASE("At most four translations per word and language, heaviest first", "[lexicon]") {
    const Lexicon lexicon(
        "#source_lang\tsource_term\ttarget_lang\ttarget_term\tweight\n"
        "en\tmigrant\tfr\ta\t0.10\nen\tmigrant\tfr\tb\t0.90\nen\tmigrant\tfr\tc\t0.50\n"
        "en\tmigrant\tfr\td\t0.20\nen\tmigrant\tfr\te\t0.70\nen\tmigrant\tar\tf\t0.30\n");
    const auto& fr = lexicon.translations("migrant", Lang::en, Lang::fr);
    REQUIRE(fr.size() == Lexicon::max_translations);
    CHECK(fr[0].term == "b");
    CHECK(fr[1].term == "e");
    CHECK(fr[3].term == "d");
    CHECK(lexicon.translations("migrant", Lang::en, Lang::ar).size() == 1);
    CHECK(lexicon.size() == 5);
    CHECK(stem("migrant", Lang::en) == "migrant");
    for (const auto& row :
         {"en\tmigrant\tfr\ta\t1.5\n", "en\tmigrant\txx\ta\t0.5\n", "en\tmigrant\tfr\t0.5\n"})
        CHECK_THROWS_WITH(Lexicon(std::string("# header\n") + row),
                          Catch::Contains("lexicon line 2"));
}
