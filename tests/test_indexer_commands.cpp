// The indexer as an operator runs it (issue 21): events for scripts, the progress an operator
// reads, the dry run and removals — through the real binary on real files.
#include "commands/progress.h"
#include "format/schema.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <sstream>

using namespace mahdar;
using json = nlohmann::json;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<json> json_lines(const std::string& output) {
    std::vector<json> out;
    std::istringstream in(output);
    std::string line;
    while (std::getline(in, line)) {
        INFO(line);
        REQUIRE(json::accept(line)); // nothing but JSON objects on the output
        out.push_back(json::parse(line));
    }
    return out;
}

std::string report(const std::string& title, const std::string& body) {
    return "# " + title + "\n\n12 March 2023\n\n" + body + "\n";
}

Xapian::doccount passages_of(const fs::path& db, const std::string& doc_id) {
    return Xapian::Database(db.string()).get_termfreq(schema::term(schema::parent, doc_id));
}

} // namespace

TEST_CASE("With --json each event is one JSON object: the start, each file's outcome with why a file was skipped, the summary", "[indexer][commands]") {
    TempDir tmp;
    test::write_file(tmp / "in" / "a.en.md", report("Alpha", "Delegates discussed regular pathways."));
    test::write_file(tmp / "in" / "b.en.md", report("Beta", "Delegates discussed remittances."));
    test::write_file(tmp / "in" / "broken.en.md", "Valid start \xC3\x28 invalid UTF-8\n");
    const std::string run = "--json --no-bulk --db " + (tmp / "db").string() + " " + (tmp / "in").string();
    auto first = test::run_indexer(run);
    INFO(first.output);
    CHECK(first.status == 3);
    auto events = json_lines(first.output);
    REQUIRE(events.size() >= 5);
    CHECK(events.front()["event"] == "start");
    CHECK(events.front()["files"] == 3);
    std::map<std::string, std::string> status;
    std::string reason;
    for (const auto& e : events)
        if (e["event"] == "file") {
            status[fs::path(e["path"].get<std::string>()).filename().string()] = e["status"];
            if (e["status"] == "skipped") reason = e["reason"];
        }
    CHECK(status == std::map<std::string, std::string>{{"a.en.md", "indexed"}, {"b.en.md", "indexed"}, {"broken.en.md", "skipped"}});
    CHECK_FALSE(reason.empty());
    const json& done = events.back();
    CHECK(done["event"] == "done");
    CHECK(done["indexed"] == 2);
    CHECK(done["skipped"] == 1);
    REQUIRE(done["skipped_by_reason"].contains(reason));
    CHECK(done["skipped_by_reason"][reason][0].get<std::string>().find("broken.en.md") != std::string::npos);

    auto again = test::run_indexer(run);
    auto later = json_lines(again.output);
    CHECK(later.back()["unchanged"] == 2);
    CHECK(later.back()["indexed"] == 0);
}

TEST_CASE("A dry run says what a run would index, re-index, skip and prune, and writes nothing", "[indexer][commands]") {
    TempDir tmp;
    fs::path in = tmp / "in", db = tmp / "db";
    test::write_file(in / "same.en.md", report("Same", "Nothing changes here."));
    test::write_file(in / "edited.en.md", report("Edited", "The first wording."));
    test::write_file(in / "gone.en.md", report("Gone", "Soon deleted."));
    REQUIRE(test::run_indexer("--quiet --db " + db.string() + " " + in.string()).status == 0);
    test::write_file(in / "edited.en.md", report("Edited", "The second wording."));
    test::write_file(in / "new.en.md", report("New", "A report dropped in later."));
    test::write_file(in / "broken.en.md", "Valid start \xC3\x28 invalid UTF-8\n");
    fs::remove(in / "gone.en.md");
    auto revision = Xapian::Database(db.string()).get_revision();

    auto plan = test::run_indexer("--dry-run --prune --db " + db.string() + " " + in.string());
    INFO(plan.output);
    CHECK(plan.status == 0);
    auto says = [&](const std::string& action, const std::string& file) {
        std::istringstream lines(plan.output);
        std::string line;
        while (std::getline(lines, line))
            if (line.rfind(action + " ", 0) == 0 && line.find(file) != std::string::npos) return true;
        return false;
    };
    CHECK(says("unchanged", "same.en.md"));
    CHECK(says("reindex", "edited.en.md"));
    CHECK(says("index", "new.en.md"));
    CHECK(says("skip", "broken.en.md"));
    CHECK(plan.output.find("not valid UTF-8") != std::string::npos); // and why
    CHECK(says("prune", "gone.en.md"));
    CHECK(plan.output.find("1 to index, 1 to re-index, 1 unchanged, 1 to skip, 1 to prune") != std::string::npos);
    // Nothing written: the same revision, the deleted report still searchable.
    CHECK(Xapian::Database(db.string()).get_revision() == revision);
    CHECK(passages_of(db, "gone.en") > 0);
    // A dry run against an index that does not exist yet creates nothing.
    auto fresh = test::run_indexer("--dry-run --db " + (tmp / "none").string() + " " + in.string());
    CHECK(fresh.output.find("3 to index") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp / "none"));
}

TEST_CASE("remove takes documents out by id, UN symbol or file, and says what it could not find", "[indexer][commands]") {
    TempDir tmp;
    fs::path in = tmp / "in", db = tmp / "db";
    test::write_file(in / "one.en.md", report("One", "Delegates discussed regular pathways."));
    test::write_file(in / "two.en.md", report("Two", "Delegates discussed remittances."));
    test::write_file(in / "three.en.md", report("Three", "Delegates discussed return."));
    test::write_file(in / "three.en.md.meta.json", "{\"symbol\": \"E/ESCWA/SDD/2021/3\"}");
    const std::string index = "--quiet --db " + db.string() + " " + in.string();
    REQUIRE(test::run_indexer(index).status == 0);
    REQUIRE(passages_of(db, "one.en") > 0);

    auto by_id = test::run_indexer("remove " + db.string() + " one.en");
    INFO(by_id.output);
    CHECK(by_id.status == 0);
    CHECK(by_id.output.find("removed: one.en: 1 document") != std::string::npos);
    CHECK(passages_of(db, "one.en") == 0);
    CHECK(passages_of(db, "two.en") > 0);

    auto mixed = test::run_indexer("remove " + db.string() + " E/ESCWA/SDD/2021/3 no-such-doc");
    INFO(mixed.output);
    CHECK(mixed.status == 1); // one target not found, the other removed
    CHECK(mixed.output.find("not found: no-such-doc") != std::string::npos);
    CHECK(passages_of(db, "three.en") == 0);

    auto by_file = test::run_indexer("remove " + db.string() + " " + (in / "two.en.md").string());
    INFO(by_file.output);
    CHECK(passages_of(db, "two.en") == 0);
    CHECK(by_file.output.find("still there") != std::string::npos);

    // The next run brings back the file removed by path (it is still in the folder), not the
    // documents removed by id or symbol (their files have not changed).
    REQUIRE(test::run_indexer(index).status == 0);
    CHECK(passages_of(db, "two.en") > 0);
    CHECK(passages_of(db, "one.en") == 0);
    CHECK(passages_of(db, "three.en") == 0);

    CHECK(test::run_indexer("remove " + (tmp / "nowhere").string() + " one.en").status == 1);
    CHECK(test::run_indexer("remove " + db.string()).status == 2);
}

TEST_CASE("Progress in a log: a plain line with the share done, files and passages per second", "[indexer][commands]") {
    TempDir tmp;
    test::write_file(tmp / "a.md", std::string(3000, 'a'));
    test::write_file(tmp / "b.md", std::string(1000, 'b'));
    std::ostringstream out;
    ProgressView view(ProgressStyle::lines, out, {tmp / "a.md", tmp / "b.md"}, std::chrono::seconds(0));
    view.start();
    IndexEvent e;
    e.kind = IndexEvent::indexed;
    e.path = tmp / "a.md";
    e.files_done = 1;
    e.passages = 10;
    e.bytes_done = 3000;
    view(e);
    INFO(out.str());
    CHECK(out.str().find("indexing 2 files") != std::string::npos);
    CHECK(out.str().find(" 75%  files 1/2") != std::string::npos); // by bytes: 3,000 of 4,000
    CHECK(out.str().find("passages/s") != std::string::npos);
    CHECK(ProgressView::duration_text(45) == "45 s");
    CHECK(ProgressView::duration_text(200) == "3 min 20 s");
    CHECK(ProgressView::duration_text(3900) == "1 h 05 min");
}
