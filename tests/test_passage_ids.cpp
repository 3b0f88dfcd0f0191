// JSON Lines passages choose their own "id": two passages with one id, in one file or in two,
// must not silently replace each other. The one indexed first keeps the id; the other is
// reported by file and id, on the incremental and the bulk path alike.
#include "format/schema.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

using namespace mahdar;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string line(const std::string& doc_id, const std::string& id, const std::string& text) {
    std::string with_id = id.empty() ? "" : ",\"id\":\"" + id + "\"";
    return "{\"doc_id\":\"" + doc_id + "\"" + with_id + ",\"doc_title\":\"T\",\"text\":\"" + text + "\"}\n";
}

std::string refusal(const fs::path& file, const std::string& id, const fs::path& holder) {
    return file.string() + ": passage id \"" + id + "\" is already used by a passage of " + holder.string();
}

} // namespace

TEST_CASE("Two files giving one passage id: the first keeps it, the other passage is reported", "[indexer]") {
    std::string mode = GENERATE(as<std::string>{}, "--no-bulk", "--bulk --threads 2");
    CAPTURE(mode);
    TempDir tmp;
    test::write_file(tmp / "in" / "a.jsonl", line("ja", "p-7", "statement about a ledger"));
    test::write_file(tmp / "in" / "b.jsonl",
                     line("jb", "", "statement about an almanac") + line("jb", "p-7", "statement about a glacier"));
    auto r = test::run_indexer(mode + " --db " + (tmp / "db").string() + " " + (tmp / "in").string());
    INFO(r.output);
    CHECK(r.status == 3);
    CHECK(r.output.find(refusal(tmp / "in" / "b.jsonl", "p-7", tmp / "in" / "a.jsonl")) != std::string::npos);
    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_doccount() == 2);
    CHECK(db.get_termfreq(schema::term(schema::id, "p-7")) == 1);
    CHECK(db.get_termfreq("ledger") == 1);  // the first file's passage kept its id
    CHECK(db.get_termfreq("almanac") == 1); // the rest of the second file is indexed
    CHECK(db.get_termfreq("glacier") == 0);

    SECTION("and says so again on the next run, until the id is free") {
        auto again = test::run_indexer("--db " + (tmp / "db").string() + " " + (tmp / "in").string());
        CHECK(again.status == 3);
        CHECK(again.output.find("passage id \"p-7\" is already used") != std::string::npos);
        test::write_file(tmp / "in" / "a.jsonl", line("ja", "p-8", "statement about a ledger"));
        auto freed = test::run_indexer("--db " + (tmp / "db").string() + " " + (tmp / "in").string());
        INFO(freed.output);
        CHECK(freed.status == 0);
        Xapian::Database after((tmp / "db").string());
        CHECK(after.get_doccount() == 3);
        CHECK(after.get_termfreq("glacier") == 1);
        CHECK(after.get_termfreq(schema::term(schema::id, "p-7")) == 1);
        auto quiet = test::run_indexer("--db " + (tmp / "db").string() + " " + (tmp / "in").string());
        CHECK(quiet.output.find("files 0 indexed, 2 unchanged, 0 skipped") != std::string::npos);
    }
}

TEST_CASE("A file that no longer exists holds no passage id", "[indexer]") {
    TempDir tmp;
    std::string db = (tmp / "db").string();
    test::write_file(tmp / "in" / "b.jsonl", line("jb", "p-7", "statement about a glacier"));
    REQUIRE(test::run_indexer("--db " + db + " " + (tmp / "in").string()).status == 0);
    fs::remove(tmp / "in" / "b.jsonl");
    test::write_file(tmp / "in" / "a.jsonl", line("ja", "p-7", "statement about a ledger"));
    auto r = test::run_indexer("--db " + db + " " + (tmp / "in").string());
    INFO(r.output);
    CHECK(r.status == 0);
    Xapian::Database after(db);
    CHECK(after.get_termfreq("ledger") == 1);
    CHECK(after.get_termfreq(schema::term(schema::id, "p-7")) == 1);
}

TEST_CASE("A later run cannot take an indexed passage's id for another file's passage", "[indexer]") {
    TempDir tmp;
    std::string db = (tmp / "db").string();
    test::write_file(tmp / "in" / "a.jsonl", line("ja", "p-7", "statement about a ledger"));
    REQUIRE(test::run_indexer("--db " + db + " " + (tmp / "in").string()).status == 0);
    test::write_file(tmp / "in" / "b.jsonl", line("jb", "p-7", "statement about a glacier"));
    auto r = test::run_indexer("--db " + db + " " + (tmp / "in").string());
    INFO(r.output);
    CHECK(r.status == 3);
    // an earlier run's file is named as the index records it
    CHECK(r.output.find(refusal(tmp / "in" / "b.jsonl", "p-7", fs::weakly_canonical(tmp / "in" / "a.jsonl"))) !=
          std::string::npos);
    Xapian::Database after(db);
    CHECK(after.get_termfreq("ledger") == 1);
    CHECK(after.get_termfreq("glacier") == 0);
}

TEST_CASE("One passage id twice in a file: the later line is reported, the first kept", "[indexer]") {
    TempDir tmp;
    test::write_file(tmp / "in" / "a.jsonl", line("ja", "p-1", "statement about a ledger") +
                                                 line("ja", "p-1", "statement about a glacier") +
                                                 line("ja", "", "statement about an almanac"));
    auto r = test::run_indexer("--db " + (tmp / "db").string() + " " + (tmp / "in").string());
    INFO(r.output);
    CHECK(r.status == 3);
    CHECK(r.output.find((tmp / "in" / "a.jsonl").string() + ":2: passage id \"p-1\" is already used on line 1") !=
          std::string::npos);
    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_doccount() == 2);
    CHECK(db.get_termfreq("ledger") == 1);
    CHECK(db.get_termfreq("glacier") == 0);
    CHECK(db.get_termfreq(schema::term(schema::id, "ja:1")) == 1); // the third line is the document's second passage
}
