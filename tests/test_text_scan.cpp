// Tokens and phrase lookup shared by the extractors.
#include "text/text_scan.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace mahdar;

namespace {

std::vector<std::string> norms(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : scan_tokens(text))
        out.push_back(t.norm);
    return out;
}

using V = std::vector<std::string>;

} // namespace

TEST_CASE("Tokens are normalised words with their offsets", "[scan]") {
    const std::pair<const char*, V> cases[] = {
        {"l’Algérie et l'Égypte", {"l", "algerie", "et", "l", "egypte"}},
        {"COVID-19, A/RES/73/195", {"covid", "19", "a", "res", "73", "195"}},
        {"الأهداف 2 و5 و٦", {"الاهداف", "2", "و", "5", "و", "6"}},
        {"الأُمَم المتّحدة", {"الامم", "المتحده"}},
        {"10th February, 1er octobre", {"10th", "february", "1er", "octobre"}},
        {"Ms. Kristina MEJO", {"ms", "kristina", "mejo"}},
    };
    for (const auto& [text, expected] : cases) {
        CAPTURE(text);
        CHECK(norms(text) == expected);
    }
    std::string text = "Mr. Ma'an ASOUD, IOM";
    Tokens t = scan_tokens(text);
    REQUIRE(t.size() == 5);
    CHECK(text.substr(t[1].begin, t[1].end - t[1].begin) == "Ma");
    CHECK(gap_before(text, t, 2) == "'");
    CHECK(gap_before(text, t, 5) == "");
    CHECK((t[0].upper && !t[0].all_caps && t[3].all_caps && t[4].all_caps));
    CHECK(token_number(scan_tokens("١٥")[0]) == 15);
    CHECK(token_number(scan_tokens("fifteen")[0]) == -1);
}

TEST_CASE("Arabic words are looked up without their proclitics", "[scan][arabic]") {
    auto forms = arabic_forms("وللمغاربه");
    for (const char* f : {"للمغاربه", "المغاربه", "مغاربه"}) {
        CAPTURE(f);
        CHECK(std::find(forms.begin(), forms.end(), f) != forms.end());
    }
    auto kept = arabic_forms("بالمغرب", Article::keep);
    CHECK(std::find(kept.begin(), kept.end(), "المغرب") != kept.end());
    CHECK(std::find(kept.begin(), kept.end(), "مغرب") == kept.end());
    CHECK(arabic_forms("Morocco") == V{"Morocco"});
    auto short_word = arabic_forms("وفي");
    CHECK(short_word == V{"وفي"}); // too short to lose a letter
}

TEST_CASE("Phrase lookup: longest match, case as written, proclitics on the first word", "[scan]") {
    PhraseIndex index;
    index.add("Sudan", 1);
    index.add("South Sudan", 2);
    index.add("UAE", 3);
    index.add("المغرب", 4);
    index.add("twenty-third", 23);
    const std::tuple<const char*, CaseRule, int> cases[] = {
        {"South Sudan", CaseRule::as_written, 2}, {"Sudan", CaseRule::as_written, 1},
        {"sudan", CaseRule::as_written, 0},       {"sudan", CaseRule::any, 1},
        {"Uae", CaseRule::as_written, 0},         {"UAE", CaseRule::as_written, 3},
        {"وبالمغرب", CaseRule::as_written, 4},    {"twenty-third", CaseRule::any, 23},
    };
    for (auto [text, rule, payload] : cases) {
        CAPTURE(text);
        auto m = index.match(scan_tokens(text), 0, rule);
        CHECK((m ? m->payload : 0) == payload);
    }
    Tokens t = scan_tokens("the twenty-third objective");
    auto before = index.match_ending(t, 3, CaseRule::any);
    REQUIRE(before);
    CHECK((before->first == 1 && before->payload == 23));
    CHECK_FALSE(index.match_ending(t, 1, CaseRule::any));
}

TEST_CASE("Word sets match exactly or with Arabic forms", "[scan]") {
    WordSet exact, forms(WordMatch::arabic_forms);
    exact.add("على");
    forms.add("عمان");
    CHECK(exact.contains(scan_tokens("على")[0]));
    CHECK_FALSE(exact.contains(scan_tokens("العلي")[0])); // a name, not the preposition
    CHECK(forms.contains(scan_tokens("وعمان")[0]));
}
