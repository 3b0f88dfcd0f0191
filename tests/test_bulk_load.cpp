// The bulk path's spelling table (indexer/write/bulk_load.cpp): the words for "did you mean"
// are counted in memory across the lanes and written once after compaction, or into a shard
// whenever the tally passes its bound. Either way the table is the incremental writer's.
#include "ingest/sources.h"
#include "support.h"
#include "text/stopwords.h"
#include "write/index_writer.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <atomic>
#include <map>
#include <string>

using namespace mahdar;

namespace {

std::map<std::string, Xapian::doccount> spellings(const std::string& path) {
    Xapian::Database db(path);
    std::map<std::string, Xapian::doccount> out;
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) out[*s] = s.get_termfreq();
    return out;
}

std::string bulk_load(const test::TempDir& tmp, const std::string& name, std::size_t tally_words) {
    const WordLists lists = WordLists::embedded();
    std::string db = (tmp / name).string();
    IndexWriter writer(db, lists);
    IndexOptions options;
    options.bulk = Bulk::always;
    options.threads = 2;
    options.spelling_tally_words = tally_words;
    std::atomic<bool> stop{false};
    auto files = list_sources({test::fixtures() / "reports", test::fixtures() / "search"});
    IndexReport report = writer.index(files, options, stop);
    REQUIRE(report.files_indexed == files.size());
    return db;
}

} // namespace

TEST_CASE("A bulk load gives the spelling table of the incremental writer, however small its tally", "[indexer]") {
    test::TempDir tmp;
    std::string one = (tmp / "one").string();
    auto r = test::run_indexer("--no-bulk --db " + one + " " + (test::fixtures() / "reports").string() + " " +
                               (test::fixtures() / "search").string());
    REQUIRE(r.status == 0);
    auto expected = spellings(one);
    REQUIRE(expected.size() > 100);
    CHECK(expected.count("migrants") == 1);
    CHECK(spellings(bulk_load(tmp, "tallied", 500000)) == expected); // written once, after compaction
    CHECK(spellings(bulk_load(tmp, "overflowing", 10)) == expected); // written into the shards as it goes
}
