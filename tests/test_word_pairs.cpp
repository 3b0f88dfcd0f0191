// Phrases through word-pair terms (schema.h word_pair_prefix): the same answers as matching
// positions, on new and old indexes alike.
#include "format/schema.h"
#include "http_support.h"
#include "search/query_parser.h"
#include "search/searcher.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <set>
#include <sstream>

using namespace mahdar;
using json = nlohmann::json;
using test::get_json;
using test::url_encode;
namespace fs = std::filesystem;

namespace {

std::string index_fixtures(const test::TempDir& tmp) {
    std::string db = (tmp / "db").string();
    auto r = test::run_indexer("--db " + db + " " + (test::fixtures() / "reports").string() + " " +
                               (test::fixtures() / "search").string());
    if (r.status != 0) FAIL(r.output);
    return db;
}

// A copy of `db` as an index from before word pairs: no pair terms, no word-pairs record.
std::string without_pairs(const std::string& db, const test::TempDir& tmp) {
    std::string old = (tmp / "old").string();
    fs::copy(db, old, fs::copy_options::recursive);
    Xapian::WritableDatabase w(old, Xapian::DB_OPEN);
    std::string prefix(schema::word_pair_prefix);
    for (auto id = w.postlist_begin(""); id != w.postlist_end(""); ++id) {
        Xapian::Document d = w.get_document(*id);
        std::vector<std::string> pairs;
        for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t)
            if ((*t).rfind(prefix, 0) == 0) pairs.push_back(*t);
        for (const auto& t : pairs) d.remove_term(t);
        w.replace_document(*id, d);
    }
    w.set_metadata(std::string(schema::meta_word_pairs), "");
    w.commit();
    return old;
}

// Two- to four-word stretches of the indexed passages' texts, as quoted phrases.
std::vector<std::string> phrases_from(const json& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) {
        std::istringstream in(h["text"].get<std::string>());
        std::vector<std::string> words{std::istream_iterator<std::string>(in), {}};
        for (std::size_t i = 0, n = 2; i + n <= words.size(); i += 7, n = n % 3 + 2) {
            std::string p;
            for (std::size_t k = i; k < i + n; ++k) p += (p.empty() ? "" : " ") + words[k];
            out.push_back("\"" + p + "\"");
        }
    }
    return out;
}

std::vector<std::string> ids_of(const json& r) {
    std::vector<std::string> out;
    for (const auto& h : r["hits"]) out.push_back(h["id"].get<std::string>());
    return out;
}

} // namespace

TEST_CASE("A new index has pair terms for adjacent words that are both stopwords or pair words", "[searchd]") {
    test::TempDir tmp;
    Xapian::Database db(index_fixtures(tmp));
    CHECK(db.get_metadata(std::string(schema::meta_word_pairs)) == test::word_lists().fingerprint());
    CHECK(db.get_termfreq(std::string(schema::word_pair_prefix) + "of the") > 0);
    CHECK(db.get_termfreq(std::string(schema::word_pair_prefix) + "the of") == 0);
    // "migrants" is a pair word: frequent in UN records, so "of migrants" is a pair too
    CHECK(db.get_termfreq(std::string(schema::word_pair_prefix) + "of migrants") > 0);
    CHECK(db.get_termfreq("labour") > 0);
    // one common word beside a rarer one: positions among the passages with "labour" are cheap
    CHECK(db.get_termfreq(std::string(schema::word_pair_prefix) + "labour migration") == 0);
    CHECK(db.get_termfreq(std::string(schema::word_pair_prefix) + "labour mobility") == 0); // neither
    CHECK(db.get_termfreq("mobility") > 0);
    CHECK(db.get_termfreq("Zthe") == 0); // function words have no stemmed term in their language
    CHECK(word_pairs_of(db, test::word_lists()) == WordPairs::indexed);
}

TEST_CASE("searchd uses word pairs only where every passage has them", "[searchd]") {
    test::TempDir tmp;
    std::string db = index_fixtures(tmp);
    CHECK(word_pairs_of(Xapian::Database(without_pairs(db, tmp)), test::word_lists()) == WordPairs::absent);
    std::string other = (tmp / "other").string();
    REQUIRE(test::run_indexer("--db " + other + " " + (test::fixtures() / "search").string()).status == 0);
    // A stub's metadata is its first shard's: pairs there say nothing of the second.
    test::write_file(tmp / "all.stub", "auto " + db + "\nauto " + other + "\n");
    CHECK(word_pairs_of(Xapian::Database((tmp / "all.stub").string()), test::word_lists()) == WordPairs::absent);
    {   // an indexer from before pairs stamps version 1 on any index it writes to
        Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
        w.set_metadata(std::string(schema::meta_version), "1");
        w.commit();
    }
    CHECK(word_pairs_of(Xapian::Database(db), test::word_lists()) == WordPairs::absent);
}

TEST_CASE("A stopword of one language keeps its stems in another", "[searchd]") {
    test::TempDir tmp;
    test::write_file(tmp / "in" / "mixed.jsonl",
                     "{\"doc_id\":\"m1\",\"doc_title\":\"T\",\"lang\":\"en\",\"text\":\"Their sons and daughters stay.\"}\n"
                     "{\"doc_id\":\"m1\",\"doc_title\":\"T\",\"lang\":\"fr\",\"text\":\"Le ministre et son pays.\"}\n"
                     "{\"doc_id\":\"m1\",\"doc_title\":\"T\",\"lang\":\"en\",\"text\":\"The delegate says the report pours scorn.\"}\n");
    std::string db = (tmp / "db").string();
    REQUIRE(test::run_indexer("--db " + db + " " + (tmp / "in").string()).status == 0);
    test::TestServer server(db);
    auto c = server.client();
    CHECK(get_json(c, "/api/search?q=son")["total"] == 2);   // "sons" (English stem) and French "son"
    CHECK(get_json(c, "/api/search?q=pour")["total"] == 1);  // "pours"; "pour" is a French stopword
    CHECK(get_json(c, "/api/search?q=say")["total"] == 1);    // "says"; "say" is an English one
    // Function words stay in the spelling dictionary.
    CHECK(get_json(c, "/api/search?q=" + url_encode("teh delegate"))["suggestion"] == "the delegate");
}

TEST_CASE("Phrases through word pairs match what positions match, with the same facets", "[searchd]") {
    test::TempDir tmp;
    std::string db = index_fixtures(tmp);
    std::string old = without_pairs(db, tmp);
    test::TestServer with(db), positions(old);
    auto a = with.client(), b = positions.client();
    std::vector<std::string> phrases = phrases_from(get_json(a, "/api/search?size=100&sort=date")["hits"]);
    for (const char* extra : {"\"migration labour\"", "\"labour mobility\"", "\"labour migration must\"",
                              "\"united nations\"", "\"nations unies\"", "\"global compact\"", "\"الامم المتحده\"",
                              "\"the the\"", "\"de la\"", "\"of the\"", "\"in the\"", "\"of migrants\"",
                              "\"migrants in the\"", "\"des migrants\""})
        phrases.emplace_back(extra);
    REQUIRE(phrases.size() >= 30);
    int found = 0;
    for (const auto& p : phrases) {
        for (const char* filters : {"", "&lang=en&country=MA", "&from=2021&to=2022"}) {
            std::string path = "/api/search?size=5&q=" + url_encode(p) + filters;
            CAPTURE(path);
            int status_x = 0, status_y = 0;
            json x = get_json(a, path, &status_x), y = get_json(b, path, &status_y);
            REQUIRE(status_x == 200);
            REQUIRE(status_y == 200);
            REQUIRE(x.contains("total"));
            CHECK(x["total"] == y["total"]);
            CHECK(x["facets"] == y["facets"]);
            CHECK(ids_of(x) == ids_of(y));
            found += x["total"] > 0;
        }
    }
    CHECK(found >= static_cast<int>(phrases.size()) / 2); // most stretches are found where they were taken
}

TEST_CASE("The query parser uses word pairs only when the index has them", "[searchd]") {
    Analyzer analyzer{test::word_lists()};
    QueryParser old(analyzer, nullptr, WordPairs::absent), fresh(analyzer, nullptr, WordPairs::indexed);
    auto terms = [](QueryParser& p, const char* q) {
        ParsedQuery parsed = p.parse(q, std::nullopt).value();
        return std::set<std::string>(parsed.text->get_terms_begin(), parsed.text->get_terms_end());
    };
    auto pair = [](const char* a, const char* b) { return schema::word_pair(a, b, test::word_lists()); };
    // The phrase as written (=\"…\"); a plain quoted phrase adds its stems at their positions.
    CHECK(terms(old, "=\"of the\"") == std::set<std::string>{"of", "the"});
    CHECK(terms(fresh, "=\"of the\"") == std::set<std::string>{"of", "the", pair("of", "the")});
    CHECK(terms(fresh, "=\"labour of\"") == std::set<std::string>{"labour", "of"}); // one common word
    // English stems (one for labour and labor; "of" a function word) and French ones
    CHECK(terms(fresh, "\"labour of\"") == std::set<std::string>{"labour", "of", "Zlabor", "Zlabour", "Zof"});
    CHECK(terms(fresh, "=\"labour mobility\"") == std::set<std::string>{"labour", "mobility"});
    CHECK(terms(fresh, "=\"united nations\"") == std::set<std::string>{"united", "nations", pair("united", "nations")});
    std::set<std::string> three = terms(fresh, "=\"charter of the\"");
    CHECK(pair("charter", "of").empty());
    CHECK(three.count(pair("of", "the")) == 1);
    CHECK(three.count("charter") == 1); // positions are still checked where its pair occurs
}

TEST_CASE("Passages added to an index from before word pairs do not turn them on", "[indexer]") {
    test::TempDir tmp;
    std::string old = without_pairs(index_fixtures(tmp), tmp);
    Xapian::doccount count_before = Xapian::Database(old).get_doccount();
    // One passage, with "labour migration": a word pair in an index that has them.
    test::write_file(tmp / "more" / "note.en.md", "# Note\n\nLabour migration was discussed again.\n");
    auto r = test::run_indexer("--db " + old + " " + (tmp / "more").string());
    INFO(r.output);
    REQUIRE(r.status == 0);
    {
        Xapian::Database db(old);
        CHECK(db.get_doccount() == count_before + 1);
        CHECK(db.get_metadata(std::string(schema::meta_word_pairs)).empty());
        CHECK(word_pairs_of(db, test::word_lists()) == WordPairs::absent);
    }
    // What a user sees: phrases are matched by positions in the old passages and the new one
    // alike, as in an index made with pairs from the same files. (The new passage does get pair
    // terms, as every passage the indexer writes does; searchd leaves them unused here.)
    std::string fresh = (tmp / "fresh").string();
    REQUIRE(test::run_indexer("--db " + fresh + " " + (test::fixtures() / "reports").string() + " " +
                              (test::fixtures() / "search").string() + " " + (tmp / "more").string())
                .status == 0);
    test::TestServer added(old), reference(fresh);
    auto a = added.client(), b = reference.client();
    for (const char* phrase : {"\"labour migration\"", "\"migration was discussed\"", "\"of the\"",
                               "\"of migrants\""}) {
        std::string path = "/api/search?size=100&sort=date&q=" + url_encode(phrase);
        CAPTURE(path);
        int status_a = 0, status_b = 0;
        json x = get_json(a, path, &status_a), y = get_json(b, path, &status_b);
        REQUIRE(status_a == 200);
        REQUIRE(status_b == 200);
        REQUIRE(y["total"].get<int>() > 0);
        CHECK(x["total"] == y["total"]);
        CHECK(ids_of(x) == ids_of(y));
    }
    // "labour migration" is in old passages (without pair terms) and in the new one.
    CHECK(get_json(a, "/api/search?q=" + url_encode("\"labour migration\""))["total"].get<int>() >= 2);
}
