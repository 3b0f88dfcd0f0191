// The quote check: normalised word matching, alignment, the word-level diff and offsets.
#include "cite/quote_diff.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace mahdar;

namespace {

// Aligns a draft with a source; "migration" and "cooperation" are the known joined words.
struct Check {
    Analyzer analyzer{test::word_lists()};
    KnownWord known = [](std::string_view w) {
        static const std::set<std::string_view> words = {"migration", "cooperation"};
        return words.count(w) > 0;
    };
    std::vector<QuoteWord> draft_words, source_words;
    Alignment align(std::string_view draft, std::string_view source) {
        draft_words = quote_words(draft, analyzer, known);
        source_words = quote_words(source, analyzer, known);
        return align_quote(draft_words, source_words);
    }
    std::vector<DiffEntry> diff(std::string_view draft, std::string_view source) {
        return describe(align(draft, source), {draft, draft_words, source, source_words});
    }
};

std::string ops(const std::vector<DiffEntry>& diff) {
    std::string out;
    for (const auto& d : diff)
        out += std::string(out.empty() ? "" : " ") + std::string(diff_op_name(d.op));
    return out;
}

} // namespace

TEST_CASE("Words are compared after the normalisation search uses", "[cite][quote]") {
    // Each draft must be found word for word (verbatim) in its source.
    const std::pair<const char*, const char*> same[] = {
        {"EVERY MIGRANT DESERVES PROTECTION", "Every migrant deserves protection"},
        {"رحبت الامم المتحدة بالمشاركين",
         "رحبت الأُمَم المتّحدة بالمشاركين"}, // harakat, shadda, hamza
        {"وتعمل الأمم المتحدة مع الحكومات", "وتعمل الأمـــم المتحدة مع الحكومات"}, // tatweel
        {"ادارة الحدود", "إدارة الحدود"},                                          // hamza on alef
        {"تكلفتها 1234 دولارا", "تكلفتها ١٢٣٤ دولاراً"}, // digits, tanween
        {"a souligne l'objectif commun de securite", "a souligné l’objectif commun de sécurité"},
        {"“the Global Compact”, he said", "the \"Global Compact\" he said"},        // quote marks
        {"data on\nmigration   must\r\nimprove", "data on migration must improve"}, // whitespace
        {"data on migra-\ntion must improve", "data on migration must improve"},    // hyphenation
        {"la coopé-\n  ration régionale", "la coopération regionale"},
        {"a total of 1\xC2\xA0"
         "234 people",
         "a total of 1234 people"}, // no-break space
    };
    for (auto [draft, source] : same) {
        CAPTURE(draft, source);
        Check c;
        Alignment a = c.align(draft, source);
        CHECK(a.verbatim);
        CHECK(a.coverage == 1.0);
    }
}

TEST_CASE("Verbatim is never claimed for a text that differs", "[cite][quote]") {
    const std::pair<const char*, const char*> differ[] = {
        {"data on migration must improve", "data on migration should improve"},
        {"every migrant deserves protection", "every migrant truly deserves protection"},
        {"d'objectif commun", "l'objectif commun"}, // elided article kept
        {"Morocco's programmes", "Morocco programmes"},
        {"the objective … of the Compact", "the objective 23 of the Compact"},
        {"regional review meeting", "regional review: the second meeting"},
    };
    for (auto [draft, source] : differ) {
        CAPTURE(draft, source);
        Check c;
        CHECK_FALSE(c.align(draft, source).verbatim);
    }
}

TEST_CASE("A compound broken at a line end stays two words unless the joined word is known",
          "[cite][quote]") {
    Check c;
    CHECK(c.align("capacity-\nbuilding workshop", "the capacity-building workshop").verbatim);
    REQUIRE(c.draft_words.size() == 3);
    CHECK(c.draft_words[0].key == "capacity");
    // A capitalised tail after a mixed-case head starts a new name, not the end of a word.
    auto words = quote_words("Migra-\nTion", c.analyzer, c.known);
    CHECK(words.size() == 2);
    // All capitals: the tail continues the word.
    words = quote_words("MIGRA-\nTION", c.analyzer, c.known);
    REQUIRE(words.size() == 1);
    CHECK(words[0].key == "migration");
}

TEST_CASE("The diff names the changed, missing and added words", "[cite][quote]") {
    Check c;
    auto changed = c.diff("under objective 22 of the Global Compact",
                          "discussed cooperation under objective 23 of the Global Compact.");
    REQUIRE(ops(changed) == "equal changed equal");
    CHECK(changed[1].source == "23");
    CHECK(changed[1].draft == "22");
    CHECK(changed[0].source == "under objective");
    CHECK(changed[2].draft == "of the Global Compact");

    auto missing = c.diff("every migrant deserves protection and data",
                          "every migrant deserves protection and that data");
    REQUIRE(ops(missing) == "equal missing equal");
    CHECK(missing[1].source == "that");
    CHECK(missing[1].draft.empty());
    CHECK_FALSE(missing[1].elided);

    auto added =
        c.diff("every migrant truly deserves protection", "every migrant deserves protection");
    REQUIRE(ops(added) == "equal added equal");
    CHECK(added[1].draft == "truly");
    CHECK(added[1].source.empty());

    auto two = c.diff("data on movement must always improve", "data on migration must improve");
    CHECK(ops(two) == "equal changed equal added equal");
}

TEST_CASE("An ellipsis in the middle skips source words without penalty", "[cite][quote]") {
    Check c;
    const char* source =
        "The participants discussed regional cooperation under objective 23 of the Global Compact.";
    for (const char* draft :
         {"The participants discussed … objective 23 of the Global Compact",
          "The participants discussed ... objective 23 of the Global Compact",
          "The participants discussed […] objective 23 of the Global Compact"}) {
        CAPTURE(draft);
        Alignment a = c.align(draft, source);
        CHECK(a.coverage == 1.0);
        CHECK_FALSE(a.verbatim);
        CHECK(a.elided_words == 3);
        auto d = describe(a, {draft, c.draft_words, source, c.source_words});
        REQUIRE(ops(d) == "equal missing equal");
        CHECK(d[1].elided);
        CHECK(d[1].source == "regional cooperation under");
    }
    // Leading and trailing ellipses only say the quote is cut: still verbatim.
    CHECK(c.align("… regional cooperation under objective 23 …", source).verbatim);
}

TEST_CASE("A sentence is found inside a long passage and its span is exact", "[cite][quote]") {
    Check c;
    std::string source =
        "Opening remarks were made. Ms. Sara Salman said that every migrant deserves protection "
        "and that data on migration must improve. The meeting closed at noon.";
    Alignment a = c.align(
        "every migrant deserves protection and that data on migration must improve", source);
    CHECK(a.verbatim);
    std::uint32_t b = c.source_words[a.source_first].begin,
                  e = c.source_words[a.source_last - 1].end;
    CHECK(source.substr(b, e - b) ==
          "every migrant deserves protection and that data on migration must improve");
}

TEST_CASE("Unrelated words give a low coverage", "[cite][quote]") {
    Check c;
    Alignment a =
        c.align("the weather in the mountains was cold and windy all week",
                "every migrant deserves protection and that data on migration must improve");
    CHECK(a.coverage < 0.5);
    CHECK_FALSE(a.verbatim);
}

TEST_CASE("Offsets for JavaScript count UTF-16 code units", "[cite][quote]") {
    std::string ascii = "abc def";
    CHECK(utf16_offset(ascii, 4) == 4);
    std::string arabic = "الأمم المتحدة"; // 2 bytes per letter
    CHECK(utf16_offset(arabic, 10) == 5);
    std::string astral = "\xF0\x9F\x8C\x8D migration"; // one code point, two UTF-16 units
    CHECK(utf16_offset(astral, 5) == 3);
    CHECK(utf16_offset(astral, 1000) == 2 + 1 + 9);
}

TEST_CASE("Long sources are aligned within a window around the draft's words", "[cite][quote]") {
    Check c;
    std::string filler;
    for (int i = 0; i < 3000; ++i) filler += "filler" + std::to_string(i % 50) + " ";
    std::string draft;
    for (int i = 0; i < 1500; ++i) draft += "word" + std::to_string(i) + " ";
    std::string source = filler + draft + filler;
    Alignment a = c.align(draft, source);
    CHECK(a.verbatim);
    CHECK(c.source_words[a.source_first].key == "word0");
}
