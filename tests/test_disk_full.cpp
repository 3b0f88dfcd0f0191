// The indexer out of space (issue 18, item 5): the run ends with one line saying the disk is
// full and naming the index, exit status 1, the index as the last completed run left it, and
// the same run with room completes. On a real full file system (a small tmpfs mounted in a user
// and mount namespace: `unshare -rm`; the test exits 77, skipped, where that is not allowed) and
// past a file size limit (RLIMIT_FSIZE: writes fail with EFBIG), which runs everywhere.
#include "crash_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>
#include <sstream>

using namespace mahdar;
namespace fs = std::filesystem;

namespace {

// The last non-empty line of `text`.
std::string last_line(const std::string& text) {
    std::istringstream in(text);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty()) last = line;
    return last;
}

void check_disk_full_message(const std::string& output, const fs::path& db) {
    INFO(output);
    std::string line = last_line(output);
    CHECK(line.rfind("mahdar-indexer: cannot write the index " + db.string() + ": disk full (", 0) == 0);
    CHECK(line.find("it keeps its last committed revision") != std::string::npos);
}

} // namespace

TEST_CASE("past a file size limit the indexer says the disk is full and the index keeps its last revision",
          "[disk_full]") {
    test::TempDir tmp;
    const fs::path db = tmp / "db";
    test::write_file(tmp / "in" / "a.jsonl", test::passages_jsonl("a", 600, 1));
    REQUIRE(test::run_indexer_args({"--db", db.string(), "--no-bulk", (tmp / "in").string()}, tmp / "1.log") == 0);
    const auto v1 = test::documents_of({{"a", 600}}), v2 = test::documents_of({{"a", 600}, {"b", 3000}});
    REQUIRE(test::passages_by_document(db) == v1);

    test::write_file(tmp / "in" / "b.jsonl", test::passages_jsonl("b", 3000, 1));
    std::uintmax_t largest = 0;
    for (const auto& f : fs::directory_iterator(db)) largest = std::max(largest, f.file_size());
    test::Spawn limited{0, static_cast<std::size_t>(largest + (64 << 10))};
    const std::vector<std::string> args{"--db", db.string(), "--no-bulk", (tmp / "in").string()};
    CHECK(test::run_indexer_args(args, tmp / "full.log", limited) == 1);
    check_disk_full_message(test::read_text(tmp / "full.log"), db);
    CHECK(test::passages_by_document(db) == v1);

    CHECK(test::run_indexer_args(args, tmp / "room.log") == 0);
    CHECK(test::passages_by_document(db) == v2);
}

TEST_CASE("on a full file system the indexer says so in one line and the index keeps its last revision",
          "[disk_full]") {
    test::TempDir tmp;
    fs::create_directories(tmp / "mnt");
    auto probe = test::run_command("unshare --user --map-root-user --mount sh -c 'mount -t tmpfs -o size=1m tmpfs " +
                                   (tmp / "mnt").string() + "'");
    if (probe.status != 0) {
        std::cerr << "SKIPPED: cannot mount a tmpfs in a user namespace here (unshare -rm): " << probe.output << '\n';
        std::exit(77); // ctest: SKIP_RETURN_CODE
    }
    test::write_file(tmp / "v1" / "a.jsonl", test::passages_jsonl("a", 600, 1));
    test::write_file(tmp / "more" / "b.jsonl", test::passages_jsonl("b", 3000, 1));
    const std::string t = (tmp / "mnt").string(), indexer = MAHDAR_INDEXER, out = tmp.path().string();
    const std::string db = t + "/db", run = indexer + " --db " + db + " --no-bulk --quiet ";
    // one namespace for all the steps: the tmpfs goes with it; copies of the index come out
    const std::string script = "set -u\n"
                               "mount -t tmpfs -o size=24m tmpfs " + t + " || exit 1\n" +
                               run + out + "/v1 || exit 1\n"
                               "cp -r " + db + " " + out + "/after_v1\n"
                               "avail=$(df -k --output=avail " + t + " | tail -1)\n"
                               "dd if=/dev/zero of=" + t + "/filler bs=1k count=$((avail - 128)) 2>/dev/null\n" +
                               run + out + "/v1 " + out + "/more > " + out + "/full.log 2>&1\n"
                               "echo $? > " + out + "/full.status\n"
                               "cp -r " + db + " " + out + "/after_full\n"
                               "rm " + t + "/filler\n" +
                               run + out + "/v1 " + out + "/more > " + out + "/room.log 2>&1\n"
                               "echo $? > " + out + "/room.status\n"
                               "cp -r " + db + " " + out + "/after_room\n";
    test::write_file(tmp / "steps.sh", script);
    auto r = test::run_command("unshare --user --map-root-user --mount sh " + (tmp / "steps.sh").string());
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(test::read_text(tmp / "full.status") == "1\n");
    check_disk_full_message(test::read_text(tmp / "full.log"), db);
    CHECK(test::passages_by_document(tmp / "after_full") == test::documents_of({{"a", 600}}));
    CHECK(test::read_text(tmp / "room.status") == "0\n");
    CHECK(test::passages_by_document(tmp / "after_room") == test::documents_of({{"a", 600}, {"b", 3000}}));
}
