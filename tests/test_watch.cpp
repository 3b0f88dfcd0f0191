// mahdar-indexer --watch, end to end: the real watcher as a child process on a temporary
// folder, the real search API over the same index, and real file operations (copies, slow
// writes, renames, deletions, bursts, the folder itself going away).
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <memory>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace mahdar;
using json = nlohmann::json;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

// Polls `ready` every 50 ms until it holds or `limit` has passed; no assertion rests on a
// fixed sleep.
template <class F> bool eventually(F&& ready, seconds limit = seconds(15)) {
    auto deadline = Clock::now() + limit;
    for (;;) {
        if (ready()) return true;
        if (Clock::now() > deadline) return false;
        std::this_thread::sleep_for(milliseconds(50));
    }
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// A JSON Lines passage.
std::string passage(const std::string& doc_id, const std::string& text) {
    return json{{"doc_id", doc_id}, {"doc_title", "Statements of " + doc_id}, {"text", text}, {"lang", "en"}}.dump() +
           "\n";
}

// `mahdar-indexer --watch` run in the background, its output appended to `log`.
class WatcherProcess {
public:
    WatcherProcess(const std::string& args, const fs::path& log) {
        std::string command = "exec " + std::string(MAHDAR_INDEXER) + " " + args + " >>" + log.string() + " 2>&1";
        pid_ = fork();
        if (pid_ == 0) {
            execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
    }
    ~WatcherProcess() {
        if (pid_ > 0) stop(SIGTERM);
    }
    WatcherProcess(const WatcherProcess&) = delete;
    WatcherProcess& operator=(const WatcherProcess&) = delete;

    /// Sends `sig` and waits up to 20 s: the exit status, 128 + N when ended by signal N, -1
    /// when it did not end.
    int stop(int sig = SIGTERM) {
        kill(pid_, sig);
        int status = 0;
        for (int i = 0; i < 400; ++i) {
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(milliseconds(50));
        }
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return -1;
    }
    bool running() const { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }

private:
    int pid_ = -1;
};

// A watched folder `in/`, its index `db` and the search API over it.
class Watched {
public:
    explicit Watched(int settle_ms = 200, std::string options = "")
        : settle_ms_(settle_ms), options_(std::move(options)) {
        fs::create_directories(folder);
        start();
        server = std::make_unique<test::TestServer>(db);
    }

    /// Starts the watcher and waits until its first pass is done ("watching" logged).
    void start() {
        std::size_t before = count_of(log(), "watching ");
        watcher = std::make_unique<WatcherProcess>("--watch " + folder.string() + " --db " + db + " --settle " +
                                                       std::to_string(settle_ms_) + " " + options_,
                                                   log_path);
        bool up = eventually([&] { return count_of(log(), "watching ") > before; });
        INFO(log());
        REQUIRE(up);
    }
    std::string log() const { return read_all(log_path); }
    /// Waits until the watcher has logged `needle` once more than `before` times.
    bool logged(const std::string& needle, std::size_t before = 0) const {
        return eventually([&] { return count_of(log(), needle) > before; });
    }

    json search(const std::string& params) {
        auto client = server->client();
        return test::get_json(client, "/api/search?size=100&" + params);
    }
    long total(const std::string& q) {
        json j = search("q=" + test::url_encode(q));
        return j.is_object() && j.contains("total") ? j["total"].get<long>() : -1;
    }
    bool found(const std::string& q, long expected) {
        return eventually([&] { return total(q) == expected; });
    }

    test::TempDir tmp;
    fs::path folder = tmp / "in";
    std::string db = (tmp / "db").string();
    fs::path log_path = tmp / "watch.log";
    std::unique_ptr<WatcherProcess> watcher;
    std::unique_ptr<test::TestServer> server;

private:
    int settle_ms_;
    std::string options_;
};

} // namespace

TEST_CASE("A report copied into the watched folder becomes searchable within seconds", "[watch]") {
    Watched w;
    const std::string name = "2022-06-09_labour-mobility-consultation.en";
    fs::path report = fs::path(MAHDAR_SOURCE_DIR) / "corpus" / "en" / (name + ".md");
    auto start = Clock::now();
    fs::copy_file(report, w.folder / (name + ".md"));
    bool searchable = eventually([&] {
        json j = w.search("q=" + test::url_encode("fair recruitment") + "&doc=" + name);
        return j.is_object() && j["total"].get<long>() > 0;
    });
    INFO(w.log());
    REQUIRE(searchable);
    CHECK(Clock::now() - start < seconds(10));
    SECTION("its sidecar, added later, re-reads it") {
        test::write_file(w.folder / (name + ".md.meta.json"), R"({"title": "Sidecar title of the consultation"})");
        bool retitled = eventually([&] {
            json j = w.search("doc=" + name + "&size=1");
            return j.is_object() && !j["hits"].empty() &&
                   j["hits"][0]["doc_title"] == "Sidecar title of the consultation";
        });
        INFO(w.log());
        CHECK(retitled);
    }
}

TEST_CASE("A file written in two halves is read once it is whole", "[watch]") {
    Watched w(1000, "--json"); // --json names each file read
    fs::path file = w.folder / "slow-report.md";
    {
        std::ofstream out(file);
        out << "# Report of the slow copy meeting\n\nThe delegate spoke of quillfeather matters and";
    }
    std::this_thread::sleep_for(milliseconds(300)); // less than the 1000 ms settle
    {
        std::ofstream out(file, std::ios::app);
        out << " then of marmalisk questions at length.\n";
    }
    json first;
    bool seen = eventually([&] {
        first = w.search("q=quillfeather");
        return first.is_object() && first["total"].get<long>() > 0;
    });
    INFO(w.log());
    REQUIRE(seen);
    REQUIRE(first["hits"].size() == 1);
    CHECK(first["hits"][0]["text"].get<std::string>().find("marmalisk") != std::string::npos);
    CHECK(w.total("marmalisk") == 1);
    // read once, whole: a read of the first half would show as a second indexing
    std::string indexed = json{{"path", file.string()}, {"status", "indexed"}}.dump();
    CHECK(count_of(w.log(), indexed.substr(1, indexed.size() - 2)) == 1);
}

TEST_CASE("A changed file's new text replaces its old text", "[watch]") {
    Watched w;
    test::write_file(w.folder / "changing.jsonl", passage("changing", "The committee heard of oldbriskword."));
    REQUIRE(w.found("oldbriskword", 1));
    test::write_file(w.folder / "changing.jsonl", passage("changing", "The committee heard of newbriskword."));
    INFO(w.log());
    REQUIRE(w.found("newbriskword", 1));
    CHECK(w.total("oldbriskword") == 0);
}

TEST_CASE("A renamed file is found under its new name, once, and folders moved in and out follow", "[watch]") {
    Watched w;
    test::write_file(w.folder / "before-name.md", "The delegate recalled the zephyrquill accord at length.\n");
    REQUIRE(w.found("zephyrquill", 1));
    fs::rename(w.folder / "before-name.md", w.folder / "after-name.md");
    bool renamed = eventually([&] {
        json j = w.search("q=zephyrquill");
        return j.is_object() && j["total"] == 1 && j["hits"][0]["doc_id"] == "after-name";
    });
    INFO(w.log());
    CHECK(renamed);
    CHECK(w.total("zephyrquill") == 1);

    SECTION("a folder moved in is read, a folder moved out is pruned") {
        test::write_file(w.tmp / "outside" / "sub" / "moved.jsonl", passage("moved", "Of the lanternwhisk plan."));
        fs::rename(w.tmp / "outside", w.folder / "arrived");
        CHECK(w.found("lanternwhisk", 1));
        fs::rename(w.folder / "arrived", w.tmp / "left");
        CHECK(w.found("lanternwhisk", 0));
        CHECK(w.total("zephyrquill") == 1);
    }
}

TEST_CASE("A deleted file's passages are removed", "[watch]") {
    Watched w;
    test::write_file(w.folder / "keep.jsonl", passage("keep", "The keepsake thornberry remains."));
    test::write_file(w.folder / "doomed.jsonl", passage("doomed", "The doomed gravelmint goes."));
    REQUIRE(w.found("gravelmint", 1));
    REQUIRE(w.found("thornberry", 1));
    fs::remove(w.folder / "doomed.jsonl");
    INFO(w.log());
    CHECK(w.found("gravelmint", 0));
    CHECK(w.total("thornberry") == 1);
}

TEST_CASE("A burst of 200 files dropped at once is indexed whole", "[watch]") {
    Watched w;
    for (int i = 0; i < 200; ++i)
        test::write_file(w.folder / ("burst-" + std::to_string(i) + ".jsonl"),
                         passage("burst-" + std::to_string(i), "Statement in the flurrywidget series."));
    INFO(w.log());
    CHECK(eventually([&] { return w.total("flurrywidget") == 200; }, seconds(60)));
}

TEST_CASE("The watched folder going away prunes nothing, and is watched again when back", "[watch]") {
    Watched w;
    test::write_file(w.folder / "first.jsonl", passage("first", "Before the outage, the cobaltfern note."));
    REQUIRE(w.found("cobaltfern", 1));

    SECTION("moved away and back: nothing pruned meanwhile, a file added meanwhile found") {
        fs::rename(w.folder, w.tmp / "away");
        REQUIRE(w.logged("unavailable"));
        CHECK(w.total("cobaltfern") == 1); // still found while the folder is away
        test::write_file(w.tmp / "away" / "second.jsonl",
                         passage("second", "During the outage, the emberlocket note."));
        fs::rename(w.tmp / "away", w.folder);
        INFO(w.log());
        CHECK(w.found("emberlocket", 1));
        CHECK(w.total("cobaltfern") == 1);
    }
    SECTION("removed and created again: the new file found, the old one pruned") {
        fs::remove_all(w.folder);
        REQUIRE(w.logged("unavailable"));
        test::write_file(w.folder / "third.jsonl", passage("third", "After the outage, the velvetquarry note."));
        INFO(w.log());
        CHECK(w.found("velvetquarry", 1));
        CHECK(w.found("cobaltfern", 0));
        CHECK(w.watcher->running());
    }
}

TEST_CASE("A malformed file is reported by name and the rest is indexed", "[watch]") {
    Watched w;
    test::write_file(w.folder / "broken.jsonl",
                     passage("broken", "A good line on saffronkettle.") + "{\"doc_id\": \"broken\", \"text\": \n");
    test::write_file(w.folder / "empty.pdf", "");
    test::write_file(w.folder / "fine.md", "The report on silverbramble was adopted.\n");
    INFO(w.log());
    CHECK(w.found("silverbramble", 1));
    CHECK(w.found("saffronkettle", 1));
    CHECK(w.logged("broken.jsonl:2"));
    CHECK(w.logged("empty.pdf"));
    CHECK(w.watcher->running());
}

TEST_CASE("SIGTERM stops the watcher with status 0, and what changed while it was down is caught at start",
          "[watch]") {
    Watched w;
    test::write_file(w.folder / "stays.jsonl", passage("stays", "The amberloom text stays."));
    test::write_file(w.folder / "goes.jsonl", passage("goes", "The duskpebble text goes."));
    REQUIRE(w.found("duskpebble", 1));

    SECTION("idle, the index is not locked: a manual run works between batches") {
        test::write_file(w.tmp / "manual" / "manual.jsonl", passage("manual", "Added by hand: hollowcress."));
        auto r = test::run_indexer("--db " + w.db + " " + (w.tmp / "manual").string());
        INFO(r.output);
        CHECK(r.status == 0);
        CHECK(w.found("hollowcress", 1));
    }
    SECTION("stopped, then started again") {
        CHECK(w.watcher->stop(SIGTERM) == 0);
        CHECK(w.logged("stopped"));
        fs::remove(w.folder / "goes.jsonl");
        test::write_file(w.folder / "new.jsonl", passage("new", "The brackenlume text came while it was down."));
        {
            Xapian::Database db(w.db); // the index is whole after the stop
            CHECK(db.get_doccount() == 2);
        }
        w.start();
        INFO(w.log());
        CHECK(w.found("brackenlume", 1));
        CHECK(w.total("duskpebble") == 0);
        CHECK(w.total("amberloom") == 1);
    }
    SECTION("stopped in the middle of a burst: the index opens, the rest comes at the next start") {
        for (int i = 0; i < 100; ++i)
            test::write_file(w.folder / ("late-" + std::to_string(i) + ".jsonl"),
                             passage("late-" + std::to_string(i), "A lateglimmer statement."));
        std::this_thread::sleep_for(milliseconds(250)); // let a batch begin
        CHECK(w.watcher->stop(SIGTERM) == 0);
        {
            Xapian::Database db(w.db);
            CHECK(db.get_doccount() >= 2);
        }
        w.start();
        INFO(w.log());
        CHECK(eventually([&] { return w.total("lateglimmer") == 100; }, seconds(60)));
    }
}

TEST_CASE("A batch that finds the index locked by another writer is written once the lock goes", "[watch]") {
    Watched w;
    auto other_writer = std::make_unique<Xapian::WritableDatabase>(w.db, Xapian::DB_OPEN);
    test::write_file(w.folder / "waiting.jsonl", passage("waiting", "The patient lockwillow statement."));
    INFO(w.log());
    REQUIRE(w.logged("locked by another writer"));
    CHECK(w.total("lockwillow") == 0);
    other_writer.reset();
    CHECK(w.found("lockwillow", 1));
    CHECK(w.watcher->running());
}

TEST_CASE("The watcher refuses arguments it cannot use", "[watch]") {
    test::TempDir tmp;
    test::write_file(tmp / "file.md", "A report.\n");
    std::string db = (tmp / "db").string();
    CHECK(test::run_indexer("--db " + db + " --watch " + tmp.path().string() + " " + tmp.path().string()).status == 2);
    CHECK(test::run_indexer("--db " + db + " --watch " + tmp.path().string() + " --dry-run").status == 2);
    CHECK(test::run_indexer("--db " + db + " --watch " + tmp.path().string() + " --settle soon").status == 2);
    auto not_folder = test::run_indexer("--db " + db + " --watch " + (tmp / "file.md").string());
    CHECK(not_folder.status == 2);
    CHECK(not_folder.output.find("not a folder") != std::string::npos);
    CHECK(test::run_indexer("--db " + db + " --settle 100 " + tmp.path().string()).status == 2);
}
