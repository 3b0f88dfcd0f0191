// Search as you type (LastWord::partial): the half-typed last word of q matches the indexed words
// it begins, in English, French and Arabic, and only when it is a plain word still being typed.
#include "format/document_builder.h"
#include "search/query_parser.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <set>
#include <string>
#include <vector>

using namespace mahdar;
using Ids = std::set<std::string>;

namespace {

Passage passage(std::string id, Lang lang, std::string text) {
    Passage p;
    p.id = std::move(id);
    p.doc_id = "d-" + p.id;
    p.doc_title = "Report";
    p.lang = lang;
    p.date = "2021-05-10";
    p.text = std::move(text);
    return p;
}

const std::vector<Passage>& passages() {
    static const std::vector<Passage> all = {
        passage("en1", Lang::en, "Migrants need safe and regular pathways."),
        passage("en2", Lang::en, "Border management was discussed at length."),
        passage("en3", Lang::en, "Migration statistics remain scarce."),
        passage("fr1", Lang::fr, "La coopération régionale sur les frontières progresse."),
        passage("fr2", Lang::fr, "Les régularisations ont été discutées."),
        passage("ar1", Lang::ar, "أكد الممثل أهمية حماية حقوق والمُهاجِرين في المنطقة"),
        passage("ar2", Lang::ar, "دعا ممثل مصر إلى تعزيز التعاون في إدارة الحدود"),
    };
    return all;
}

struct Fixture {
    Analyzer analyzer{test::word_lists()};
    test::TempDir tmp;
    Xapian::WritableDatabase db{(tmp / "db").string(), Xapian::DB_CREATE};
    QueryParser parser{analyzer, nullptr};

    Fixture() {
        for (const auto& p : passages()) db.add_document(build_document(p, analyzer));
        db.commit();
    }

    ParsedQuery parse(const std::string& q, LastWord last) {
        auto pq = parser.parse(q, std::nullopt, last);
        if (!pq) FAIL("refused: " << pq.error().message);
        return pq.value();
    }

    Ids run(const std::string& q, LastWord last = LastWord::partial) {
        ParsedQuery pq = parse(q, last);
        Ids out;
        if (!pq.text) return out;
        Xapian::Enquire enquire(db);
        enquire.set_query(*pq.text);
        Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        for (auto m = mset.begin(); m != mset.end(); ++m) out.insert(passages().at(*m - 1).id);
        return out;
    }
};

struct Row {
    std::string q;
    Ids partial, complete;
};

} // namespace

TEST_CASE("A half-typed last word finds the words it begins, in the three languages", "[query_parser][partial]") {
    Fixture f;
    const std::vector<Row> rows = {
        {"migra", {"en1", "en3"}, {}},                  // migrants, migration
        {"Migr", {"en1", "en3"}, {}},                   // case folded
        {"safe regu", {"en1"}, {}},                      // only the last word is a prefix
        {"regu safe", {}, {}},                          // ... not the first
        {"bord", {"en2"}, {}},
        {"border", {"en2"}, {"en2"}},                   // a whole word still matches as written
        {"coopérati", {"fr1"}, {}},                     // accented as typed
        {"cooperati", {"fr1"}, {}},                     // or without its accents
        {"régularisatio", {"fr2"}, {}},                 // régularisations
        {"والمهاج", {"ar1"}, {}},                        // clitics kept, diacritics of the text ignored
        {"والمُهاجِ", {"ar1"}, {}},                       // and of the query
        {"الحدو", {"ar2"}, {}},
        {"إدا", {"ar2"}, {}},                           // hamza forms folded: ادارة
    };
    for (const auto& row : rows) {
        INFO("q = " << row.q);
        CHECK(f.run(row.q) == row.partial);
        CHECK(f.run(row.q, LastWord::complete) == row.complete);
    }
}

TEST_CASE("Only a plain word still being typed is a prefix", "[query_parser][partial]") {
    Fixture f;
    CHECK(f.run("migra ").empty());             // a space: the word is finished
    CHECK(f.run("\"migra\"").empty());          // quoted
    CHECK(f.run("\"safe and regu").empty());    // in an open phrase
    CHECK(f.run("=migra").empty());             // exact
    CHECK(f.run("statistics -migra") == Ids{"en3"}); // a negated word is not widened
    CHECK(f.run("m") == Ids{});                 // one letter expands to nothing
    CHECK(f.run("migra*") == Ids{"en1", "en3"}); // already a prefix: unchanged
    CHECK(f.run("lang:en migra") == Ids{"en1", "en3"});
}

TEST_CASE("The completions of a half-typed word are highlighted", "[query_parser][partial]") {
    Fixture f;
    CHECK(f.parse("safe regu", LastWord::partial).highlight.prefixes == std::set<std::string>{"regu"});
    CHECK(f.parse("safe regu", LastWord::complete).highlight.prefixes.empty());
    CHECK(f.parse("cooper", LastWord::partial).highlight.prefixes.count("cooper") == 1);
    CHECK(f.parse("والمُهاجِر", LastWord::partial).highlight.prefixes.count("والمهاجر") == 1);
}
