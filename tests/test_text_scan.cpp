// Tokens and phrase lookup shared by the extractors.
#include "support.h"
#include "text/analyzer.h"
#include "text/text_scan.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

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

namespace {

// Why the tokens of `text` are not a refinement of its search words, or "" when they are:
// every token inside one search word, every search word holding at least one token.
std::string refinement_problem(std::string_view text, Analyzer& analyzer) {
    auto words = analyzer.word_spans(text);
    Tokens tokens = scan_tokens(text);
    std::size_t t = 0;
    auto show = [&text](std::uint32_t b, std::uint32_t e) { return "\"" + std::string(text.substr(b, e - b)) + "\""; };
    for (auto [b, e] : words) {
        if (t < tokens.size() && tokens[t].begin < b) return "token " + show(tokens[t].begin, tokens[t].end) + " is in no search word";
        std::size_t first = t;
        for (; t < tokens.size() && tokens[t].begin < e; ++t)
            if (tokens[t].end > e) return "token " + show(tokens[t].begin, tokens[t].end) + " crosses the search word " + show(b, e);
        if (t == first) return "the search word " + show(b, e) + " holds no token";
    }
    if (t < tokens.size()) return "token " + show(tokens[t].begin, tokens[t].end) + " is in no search word";
    return "";
}

} // namespace

TEST_CASE("Extraction tokens are the search words cut finer", "[scan][analysis]") {
    Analyzer analyzer{test::word_lists()};
    const char* cases[] = {
        "l’Algérie et l'Égypte, aujourd’hui", "COVID-19, A/RES/73/195 and A/75/L.1",
        "الأهداف 2 و5 و٦", "مؤتمر\u200cالقمة", "1\u00a0234,5 migrants; 3.5 %",
        "whole-of-government e-mail", "ﺍﻟﺴﻼﻡ عليكم", "Cœur naïf — « citation »", "O'Brien's report",
    };
    for (const char* text : cases) {
        INFO(text);
        CHECK(refinement_problem(text, analyzer) == "");
    }
    std::size_t files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::filesystem::path(MAHDAR_SOURCE_DIR) / "corpus")) {
        if (!e.is_regular_file()) continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        INFO(e.path().string());
        CHECK(refinement_problem(text.str(), analyzer) == "");
        ++files;
    }
    CHECK(files >= 9);
}
