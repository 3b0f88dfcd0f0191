// One analysis for index and query (text/): a query phrase gets the analysis the indexer gave
// the same words, whatever language the rest of the query is in. Runs over every passage of the
// bundled corpus/, indexed by the real mahdar-indexer.
#include "format/record.h"
#include "format/schema.h"
#include "search/query_parser.h"
#include "search/searcher.h"
#include "support.h"
#include "text/analyzer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <map>

using namespace mahdar;
namespace fs = std::filesystem;

namespace {

std::string index_corpus(const test::TempDir& tmp) {
    std::string db = (tmp / "db").string();
    auto r = test::run_indexer("--db " + db + " " + (fs::path(MAHDAR_SOURCE_DIR) / "corpus").string());
    if (r.status != 0) FAIL(r.output);
    return db;
}

// Whether `q` finds the passage `id`.
bool finds(QueryParser& parser, Xapian::Database& db, const std::string& q, const std::string& id) {
    auto parsed = parser.parse(q, std::nullopt);
    if (!parsed || !parsed.value().text) return false;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, *parsed.value().text,
                                    Xapian::Query(schema::term(schema::id, id))));
    return enquire.get_mset(0, 1).size() == 1;
}

// A function word of another language than the passage's: dropped by the parser, but it used
// to decide the language the whole query's phrases were analysed in.
std::string other_language_word(Lang passage) { return passage == Lang::fr ? "the" : "de"; }

} // namespace

TEST_CASE("Any three consecutive words of a corpus passage, quoted, find it, with or without a word of another language", "[analysis][corpus]") {
    test::TempDir tmp;
    Xapian::Database db(index_corpus(tmp));
    Analyzer analyzer{test::word_lists()};
    QueryParser parser(analyzer, nullptr, word_pairs_of(db, test::word_lists()));
    std::map<std::string, int> phrases_by_lang;
    std::vector<std::string> missed;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Passage p = read_passage(db.get_document(*it));
        Lang lang = p.lang.value_or(Lang::en);
        auto words = analyzer.analyse(p.text, lang);
        for (std::size_t i = 0; i + 3 <= words.size(); ++i) {
            std::string phrase;
            for (std::size_t k = i; k < i + 3; ++k)
                phrase += (k == i ? "" : " ") + p.text.substr(words[k].begin, words[k].end - words[k].begin);
            std::string quoted = "\"" + phrase + "\"";
            ++phrases_by_lang[std::string(lang_code(lang))];
            for (const auto& q : {quoted, quoted + " " + other_language_word(lang)})
                if (!finds(parser, db, q, p.id) && missed.size() < 10) missed.push_back(p.id + ": " + q);
        }
    }
    INFO("phrases missed (first 10):\n" << [&] { std::string s; for (auto& m : missed) s += m + "\n"; return s; }());
    CHECK(missed.empty());
    // The corpus holds reports in the three languages: every language was tried.
    CHECK(phrases_by_lang["ar"] > 500);
    CHECK(phrases_by_lang["en"] > 500);
    CHECK(phrases_by_lang["fr"] > 500);
}

TEST_CASE("A French phrase with an elision finds the same passages whatever follows it", "[analysis][corpus]") {
    test::TempDir tmp;
    Xapian::Database db(index_corpus(tmp));
    Analyzer analyzer{test::word_lists()};
    QueryParser parser(analyzer, nullptr, word_pairs_of(db, test::word_lists()));
    auto count = [&](const std::string& q) {
        auto parsed = parser.parse(q, std::nullopt);
        REQUIRE(parsed);
        Xapian::Enquire enquire(db);
        enquire.set_query(*parsed.value().text);
        return enquire.get_mset(0, 1000).size();
    };
    auto alone = count("\"l'objectif 23\"");
    CHECK(alone > 0);
    CHECK(count("\"l'objectif 23\" the") == alone);
    CHECK(count("\"l’objectif 23\" migration") <= alone);
    CHECK(count("\"l’objectif 23\" migration") > 0);
}
