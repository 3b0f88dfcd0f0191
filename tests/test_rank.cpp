// Ranking from bitmaps (searchd/search/rank.h) against Xapian's matcher on the same index: the same
// passages, in the same order, with the same weights, on every page.
#include "facets/facet_columns.h"
#include "facets/match_bits.h"
#include "format/schema.h"
#include "search/query_parser.h"
#include "search/rank.h"
#include "search/searcher.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

using namespace mahdar;

TEST_CASE("Ranking from bitmaps gives Xapian's own page, weights and tie order", "[searchd]") {
    test::TempDir tmp;
    std::string path = (tmp / "db").string();
    auto r = test::run_indexer("--db " + path + " " + (test::fixtures() / "reports").string() + " " +
                               (test::fixtures() / "search").string());
    REQUIRE(r.status == 0);
    Xapian::Database db(path);
    auto columns = FacetColumns::read(db);
    DocLengths stats{columns->lengths, columns->average_length, columns->count};
    Analyzer analyzer{test::word_lists()};
    QueryParser parser(analyzer, nullptr, word_pairs_of(db, test::word_lists()));
    std::vector<Xapian::Query> queries;
    for (const char* q : {"migrants", "migration refugees", "migrants OR refugees OR labour", "migrants -labour",
                          // Phrases as written (=): a loose phrase reads positions, which
                          // Xapian's own matcher does, not the bitmaps.
                          "=\"of the\"", "=\"des migrants\"", "the", "الهجرة", "objective", "states countries"})
        queries.push_back(*parser.parse(q, std::nullopt).value().text);
    // The commonest pair term alone (wdf 0): every passage weighs 0, so the order is the tie order.
    std::string common;
    Xapian::doccount most = 0;
    std::string prefix(schema::word_pair_prefix);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
        if (t.get_termfreq() > most) most = t.get_termfreq(), common = *t;
    REQUIRE(most >= 3);
    queries.emplace_back(common);
    int ranked = 0;
    for (const auto& query : queries) {
        std::optional<Xapian::Query> text = query;
        CAPTURE(text->get_description());
        WalkedLists walked;
        auto match = match_bits(db, *text, &columns->present, &walked);
        REQUIRE(match);
        for (std::size_t first : {0, 1, 3, 7, 1000}) {
            CAPTURE(first);
            auto page = rank_match(db, *text, *match, stats, first, 4, walked);
            REQUIRE(page);
            Xapian::Enquire e(db);
            e.set_query(*text);
            Xapian::MSet mset = e.get_mset(static_cast<Xapian::doccount>(first), 4);
            REQUIRE(page->size() == mset.size());
            std::size_t i = 0;
            for (auto it = mset.begin(); it != mset.end(); ++it, ++i) {
                CHECK((*page)[i].id == *it);
                CHECK((*page)[i].weight == Approx(it.get_weight()).epsilon(1e-9));
            }
            ranked += static_cast<int>(mset.size());
        }
    }
    CHECK(ranked >= 40);
}
