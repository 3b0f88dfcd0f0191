// The query parser (search/query_parser.h) over a small in-memory index of passages in the three
// languages: which passages a query finds, the filters it names, and the syntax it refuses.
// Answers are asserted as sets of passage ids, never as query descriptions, so the way a
// phrase or a word is built may change while what it finds may not.
#include "facets/labels.h"
#include "format/document_builder.h"
#include "search/query_parser.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace mahdar;
using Ids = std::set<std::string>;

namespace {

Passage passage(std::string id, std::string doc, Lang lang, std::string text, std::string speaker,
                std::vector<std::string> countries, std::vector<int> objectives) {
    Passage p;
    p.id = std::move(id);
    p.doc_id = std::move(doc);
    p.doc_title = "Report " + p.doc_id;
    p.lang = lang;
    p.date = "2021-05-10";
    p.text = std::move(text);
    p.speaker = std::move(speaker);
    p.countries = std::move(countries);
    p.objectives = std::move(objectives);
    return p;
}

const std::vector<Passage>& passages() {
    static const std::vector<Passage> all = {
        passage("en1", "d-en", Lang::en, "The representative of Morocco said that migrants need safe and regular pathways.",
                "Sara Salman", {"MA"}, {5}),
        passage("en2", "d-en", Lang::en, "Egypt called for international cooperation on border management.",
                "Oualid Cherif", {"EG"}, {11, 23}),
        passage("en3", "d-en", Lang::en, "Statistics on migration remain scarce, the delegate of Morocco noted.",
                "", {"MA"}, {1}),
        passage("en4", "d-en", Lang::en, "The United Nations Network on Migration welcomed the report.", "", {}, {}),
        passage("fr1", "d-fr", Lang::fr, "L’objectif 23 porte sur la coopération internationale et la sécurité des migrants.",
                "Sara Salman", {"SN"}, {23}),
        passage("fr2", "d-fr", Lang::fr, "Le Maroc a présenté des données sur la main-d’œuvre.", "", {"MA"}, {1, 6}),
        passage("fr3", "d-fr", Lang::fr, "Les Nations Unies ont salué le rapport du Réseau.", "", {}, {}),
        passage("ar1", "d-ar", Lang::ar, "أكدت الأُمَم المتّحدة على حماية حقوق المهاجرين", "", {}, {}),
        passage("ar2", "d-ar", Lang::ar, "قال ممثل المغرب إن الأمـــم المتحدة تدعم اللاجئين", "", {"MA"}, {}),
        passage("ar3", "d-ar", Lang::ar, "دعا ممثل مصر إلى تعزيز التعاون في إدارة الحدود", "", {"EG"}, {11}),
    };
    return all;
}

// The index, the reference data behind the country resolver, and a parser over both.
struct Fixture {
    ReferenceData data;
    Labels labels{data};
    Analyzer analyzer{test::word_lists()};
    test::TempDir tmp; // Xapian::InMemory is deprecated: a glass database, removed with tmp
    Xapian::WritableDatabase db{(tmp / "db").string(), Xapian::DB_CREATE};
    QueryParser parser{analyzer, [this](std::string_view n) { return labels.resolve_country(n); }};

    Fixture() {
        for (const auto& p : passages()) db.add_document(build_document(p, analyzer));
        db.commit();
    }

    Result<ParsedQuery> parse(const std::string& q, std::optional<Lang> lang = std::nullopt) {
        return parser.parse(q, lang);
    }

    // Ids of the passages the text part of `pq` matches.
    Ids matching(const ParsedQuery& pq) {
        Ids out;
        if (!pq.text) return out;
        Xapian::Enquire enquire(db);
        enquire.set_query(*pq.text);
        Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        for (auto m = mset.begin(); m != mset.end(); ++m) out.insert(passages().at(*m - 1).id); // docids from 1, in order
        return out;
    }

    Ids run(const std::string& q, std::optional<Lang> lang = std::nullopt) {
        auto pq = parse(q, lang);
        if (!pq) FAIL("refused: " << pq.error().message);
        return matching(pq.value());
    }
};

struct Row {
    std::string q;
    Ids want;
    std::optional<Lang> lang = std::nullopt;
};

// Runs every row with word-pair terms unused and used: a phrase finds the same passages either way.
void check_rows(Fixture& f, const std::vector<Row>& rows) {
    for (WordPairs pairs : {WordPairs::absent, WordPairs::indexed}) {
        f.parser.set_word_pairs(pairs);
        for (const auto& row : rows) {
            INFO("q = " << row.q << (row.lang ? " with lang " + std::string(lang_code(*row.lang)) : "")
                        << (pairs == WordPairs::indexed ? " (word pairs)" : ""));
            CHECK(f.run(row.q, row.lang) == row.want);
        }
    }
}

} // namespace

TEST_CASE("Words are ANDed, OR and NOT combine them, stopwords drop out", "[query_parser]") {
    Fixture f;
    check_rows(f, {
        {"Morocco", {"en1", "en3"}},
        {"Morocco migrants", {"en1"}},                   // implicit AND
        {"Morocco AND statistics", {"en3"}},             // explicit AND
        {"Morocco OR Egypt", {"en1", "en2", "en3"}},
        {"Maroc OR مصر", {"fr2", "ar3"}},                // across scripts
        {"Morocco OR Egypt border", {"en2"}},            // OR binds its two terms, then AND
        {"Morocco -migrants", {"en3"}},
        {"Morocco NOT migrants", {"en3"}},
        {"-Morocco statistics", {}},
        {"-Morocco", {"en2", "en4", "fr1", "fr2", "fr3", "ar1", "ar2", "ar3"}},
        {"migrants", {"en1", "fr1"}},                    // one word, both Latin languages
        {"migrant", {"en1", "fr1"}},                     // by the English stem
        {"statistic", {"en3"}},
        {"coopération", {"en2", "fr1"}},                 // accents folded: "cooperation" too
        {"securite", {"fr1"}},
        {"Morocco's", {"en1", "en3"}},                   // English possessive
        {"the migrants", {"en1", "fr1"}},                // "the" dropped
        {"la sécurité", {"fr1"}},                        // "la" dropped
        {"في الحدود", {"ar3"}},                          // "في" dropped
        {"the", {"en1", "en3", "en4"}},                  // a stopword alone is searched
        {"مهاجرين", {"ar1"}},                           // the article is a proclitic: المهاجرين
        {"الامم", {"ar1", "ar2"}},                       // harakat, tatweel and hamza ignored
        {"لاجئين", {"ar2"}},                            // and of اللاجئين
        {"statist*", {"en3"}},                           // prefix
        {"coop*", {"en2", "fr1"}},
        {"pathw* Morocco", {"en1"}},
        {"المتح*", {"ar1", "ar2"}},
        {"zebra", {}},
        {"Morocco zebra", {}},
    });
}

TEST_CASE("Phrases keep word order across quote styles, diacritics and elision", "[query_parser]") {
    Fixture f;
    check_rows(f, {
        {"\"United Nations\"", {"en4"}},
        {"“United Nations”", {"en4"}},
        {"«Nations Unies»", {"fr3"}},
        {"« Nations Unies »", {"fr3"}},
        {"„Nations Unies“", {"fr3"}},
        {"\"Nations United\"", {}},                      // order matters, in every quote style
        {"“Nations United”", {}},
        {"«Unies Nations»", {}},
        {"„Unies Nations“", {}},
        {"\"regular pathways\"", {"en1"}},
        {"\"safe regular pathways\"", {}},               // "and" stands between them
        {"\"need safe and regular pathways\"", {"en1"}},
        {"\"United Nations\" Migration", {"en4"}},
        {"\"United Nations\" -network", {}},
        {"\"United Nations", {"en4"}},                   // an unclosed quote runs to the end of q
        {"\"الامم المتحده\"", {"ar1", "ar2"}},           // no harakat, no hamza, ه for ة
        {"\"الأُمَم المتّحدة\"", {"ar1", "ar2"}},         // harakat and shadda
        {"\"الأمـــم المتحدة\"", {"ar1", "ar2"}},         // tatweel
        {"«الأمم المتحدة»", {"ar1", "ar2"}},
        {"\"المتحدة الأمم\"", {}},
        {"\"ادارة الحدود\"", {"ar3"}},                   // إ written as ا
        {"\"l’objectif 23\"", {"fr1"}},
        {"\"l'objectif 23\"", {"fr1"}},
        {"«l’objectif 23»", {"fr1"}},
        {"\"objectif 23\"", {"fr1"}},
        {"\"l’objectif 23\"", {"fr1"}, Lang::fr},
        {"\"objectif 24\"", {}},
        {"\"securite des migrants\"", {"fr1"}},          // accents
        {"\"la sécurité des migrants\"", {"fr1"}},       // stopwords stay inside a phrase
        {"\"sécurité la\"", {}},
        {"main-d’œuvre", {"fr2"}},                        // a hyphenated word is a phrase
        {"\"main d'oeuvre\"", {"fr2"}},
        {"l'objectif", {"fr1"}},
        {"l'objectif", {"fr1"}, Lang::fr},
        {"Morocco's", {"en1", "en3"}, Lang::en},
        {"\"الامم المتحده\"", {"ar1", "ar2"}, Lang::ar},
    });
}

TEST_CASE("Field filters in q are lifted out of the text", "[query_parser]") {
    Fixture f;
    struct FilterRow {
        std::string q;
        FieldFilters want;
        std::optional<Ids> text; ///< nullopt: no text left, the query browses by its filters
    };
    auto speakers = [](std::vector<std::string> v) { FieldFilters x; x.speaker = std::move(v); return x; };
    auto countries = [](std::vector<std::string> v) { FieldFilters x; x.country = std::move(v); return x; };
    auto objectives = [](std::vector<int> v) { FieldFilters x; x.objective = std::move(v); return x; };
    auto langs = [](std::vector<std::string> v) { FieldFilters x; x.lang = std::move(v); return x; };
    auto docs = [](std::vector<std::string> v) { FieldFilters x; x.doc = std::move(v); return x; };
    const std::vector<FilterRow> rows = {
        {"speaker:\"Sara Salman\" migrants", speakers({"Sara Salman"}), Ids{"en1", "fr1"}},
        {"speaker:“Sara Salman”", speakers({"Sara Salman"}), std::nullopt},
        {"speaker:Salman", speakers({"Salman"}), std::nullopt},
        {"country:Maroc", countries({"MA"}), std::nullopt},
        {"country:Morocco", countries({"MA"}), std::nullopt},
        {"country:المغرب", countries({"MA"}), std::nullopt},
        {"country:ma", countries({"MA"}), std::nullopt},
        {"country:Égypte", countries({"EG"}), std::nullopt},
        {"country:EG country:Maroc", countries({"EG", "MA"}), std::nullopt},
        {"country:Egypt Morocco", countries({"EG"}), Ids{"en1", "en3"}},
        {"objective:23 cooperation", objectives({23}), Ids{"en2", "fr1"}},
        {"objective:1 objective:6", objectives({1, 6}), std::nullopt},
        {"lang:fr", langs({"fr"}), std::nullopt},
        {"lang:AR الامم", langs({"ar"}), Ids{"ar1", "ar2"}},
        {"doc:d-en statistics", docs({"d-en"}), Ids{"en3"}},
    };
    for (const auto& row : rows) {
        INFO("q = " << row.q);
        auto pq = f.parse(row.q);
        CHECK(pq.ok());
        if (!pq.ok()) continue;
        const FieldFilters& got = pq->filters;
        CHECK(got.speaker == row.want.speaker);
        CHECK(got.country == row.want.country);
        CHECK(got.objective == row.want.objective);
        CHECK(got.lang == row.want.lang);
        CHECK(got.doc == row.want.doc);
        CHECK(pq->text.has_value() == row.text.has_value());
        if (row.text) CHECK(f.matching(pq.value()) == *row.text);
    }
}

TEST_CASE("Bad query syntax is refused with a message that says what is wrong", "[query_parser]") {
    Fixture f;
    struct BadRow {
        std::string q, fragment;
    };
    const std::vector<BadRow> rows = {
        {"\"", "quotes"},
        {"\"\"", "quotes"},
        {"migrants “ ”", "quotes"},
        {"« »", "quotes"},
        {"speaker:", "\"speaker:\" needs a value"},
        {"migrants country:", "\"country:\" needs a value"},
        {"speaker:\"\"", "quotes"},
        {"objective:0", "1 to 23"},
        {"objective:24", "1 to 23"},
        {"objective:x", "1 to 23"},
        {"objective:99999999999", "1 to 23"},
        {"lang:de", "ar, en or fr"},
        {"country:Atlantis", "\"Atlantis\" is not a known country"},
        {"migrants -country:Atlantis", "\"Atlantis\" is not a known country"},
    };
    for (const auto& row : rows) {
        INFO("q = " << row.q);
        auto pq = f.parse(row.q);
        CHECK_FALSE(pq.ok());
        if (pq.ok()) continue;
        CHECK(pq.error().code() == "bad_parameter");
        CHECK(pq.error().status == 400);
        CHECK_THAT(pq.error().message, Catch::Contains(row.fragment));
    }
}

TEST_CASE("A quote left at the end of the words opens nothing, as a quote at the start runs to the end", "[query_parser]") {
    Fixture f;
    // `"migrant workers` is a phrase to the end; `migrant workers"` (or a phrase just begun while
    // typing) is the words without it, not an error.
    for (std::string q : {"migrant workers\"", "migrant workers \"", "migrant workers «", "migrant workers “ "}) {
        INFO("q = " << q);
        auto with_quote = f.parse(q);
        auto without = f.parse("migrant workers");
        REQUIRE(with_quote.ok());
        REQUIRE(without.ok());
        CHECK(with_quote.value().text->get_description() == without.value().text->get_description());
    }
    CHECK_FALSE(f.parse("\"").ok()); // nothing but a quote: still said to be unbalanced
    CHECK(f.parse("\"migrant workers").ok());
}

TEST_CASE("A negated filter in q excludes its value instead of keeping it", "[query_parser]") {
    Fixture f;
    struct Row {
        std::string q;
        std::vector<std::string> included, excluded; ///< countries
        std::vector<std::string> excluded_speakers;
        bool text;
    };
    const std::vector<Row> rows = {
        {"migrants -country:MA", {}, {"MA"}, {}, true},
        {"NOT country:Maroc", {}, {"MA"}, {}, false},
        {"country:EG -country:المغرب", {"EG"}, {"MA"}, {}, false},
        {"NOT speaker:Salman migrants", {}, {}, {"Salman"}, true},
    };
    for (const auto& row : rows) {
        INFO("q = " << row.q);
        auto pq = f.parse(row.q);
        REQUIRE(pq.ok());
        CHECK(pq->filters.country == row.included);
        CHECK(pq->excluded.country == row.excluded);
        CHECK(pq->excluded.speaker == row.excluded_speakers);
        CHECK(pq->filters.speaker.empty());
        CHECK(pq->text.has_value() == row.text);
    }
}
