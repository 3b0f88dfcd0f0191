#include "commands/index_command.h"

#include "commands/progress.h"
#include "commands/reported.h"
#include "commands/watch.h"
#include "common/result.h"
#include "common/version.h"
#include "ingest/readers.h"
#include "ingest/sources.h"
#include "write/index_writer.h"
#include "write/plan.h"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace mahdar {

namespace {

std::atomic<bool> stop_requested{false};

void on_signal(int) { stop_requested = true; }

constexpr const char* usage =
    "usage: mahdar-indexer --db DIR [--prune] [--dry-run] [--quiet | --json] [--ocr] [--threads N]\n"
    "                      [--bulk | --no-bulk] PATH...\n"
    "       mahdar-indexer --db DIR --watch FOLDER [--settle MS] [--quiet | --json] [--ocr] [--threads N]\n"
    "       mahdar-indexer stats DB [--json]          (stats --help)\n"
    "       mahdar-indexer remove DB [--json] TARGET... (remove --help)\n"
    "       mahdar-indexer --help | --version\n"
    "  PATH  a document (.pdf, .docx, .odt, .html, .txt, .md), a JSON Lines file (.jsonl) or a\n"
    "        folder of them; other files are reported as unsupported. One file re-indexes just\n"
    "        that file.\n"
    "  --prune      remove the passages of indexed files that are gone\n"
    "  --dry-run    list what would be indexed, re-indexed, left unchanged, skipped (and why) or\n"
    "               pruned, touching nothing\n"
    "  --quiet      no progress, only the summary; --json: one JSON object per event on stderr\n"
    "  --ocr        read scanned PDF pages (no text layer) with Tesseract\n"
    "  --threads N  analysis threads (default: one per core)\n"
    "  --bulk       a first load into an empty index builds one shard per thread, then compacts\n"
    "               them into the index (default: with 2+ threads and 8 MB or more of input)\n"
    "  --no-bulk    always write through the one incremental writer\n"
    "  --watch FOLDER  index FOLDER, then keep watching it: files that appear or change are\n"
    "               indexed once they have settled, the passages of files deleted or moved out\n"
    "               are removed (pruned); runs until SIGINT/SIGTERM\n"
    "  --settle MS  with --watch: how long a file must stay unchanged before it is read\n"
    "               (default 1000)\n"
    "Progress: a bar on a terminal, a plain line every 5 s otherwise.\n"
    "exit status: 0 all indexed (--watch: stopped by SIGINT/SIGTERM), 3 some files or lines\n"
    "  skipped, 1 error or nothing could be indexed, 2 usage, 130 interrupted\n";

struct Args {
    std::string db;
    std::vector<std::filesystem::path> paths;
    std::filesystem::path watch; ///< --watch FOLDER
    long settle_ms = -1;         ///< --settle MS
    IndexOptions options;
    bool dry_run = false, quiet = false, json = false;
};

// A positive number of milliseconds, else -2 (refused).
long milliseconds_arg(const char* s) {
    char* end = nullptr;
    long ms = std::strtol(s, &end, 10);
    return end != s && *end == '\0' && ms > 0 && ms <= 3600000 ? ms : -2;
}

bool parse_args(int argc, char** argv, Args& args) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--db" && i + 1 < argc) args.db = argv[++i];
        else if (a == "--prune") args.options.prune = Prune::yes;
        else if (a == "--dry-run") args.dry_run = true;
        else if (a == "--quiet") args.quiet = true;
        else if (a == "--json") args.json = true;
        else if (a == "--ocr") args.options.ocr = true;
        else if (a == "--threads" && i + 1 < argc) args.options.threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        else if (a == "--bulk") args.options.bulk = Bulk::always;
        else if (a == "--no-bulk") args.options.bulk = Bulk::never;
        else if (a == "--watch" && i + 1 < argc) args.watch = argv[++i];
        else if (a == "--settle" && i + 1 < argc) args.settle_ms = milliseconds_arg(argv[++i]);
        else if (!a.empty() && a[0] == '-') return false;
        else args.paths.emplace_back(a);
    }
    if (args.db.empty() || (args.quiet && args.json)) return false;
    if (args.watch.empty()) return !args.paths.empty() && args.settle_ms == -1;
    // the watcher reads one folder, always prunes, and writes
    return args.paths.empty() && !args.dry_run && args.settle_ms != -2;
}

ProgressStyle style_of(const Args& args) {
    if (args.json) return ProgressStyle::json;
    if (args.quiet) return ProgressStyle::quiet;
    return isatty(STDERR_FILENO) ? ProgressStyle::bar : ProgressStyle::lines;
}

const char* action_name(PlannedFile::Action a) {
    switch (a) {
    case PlannedFile::index: return "index";
    case PlannedFile::reindex: return "reindex";
    case PlannedFile::unchanged: return "unchanged";
    case PlannedFile::skip: return "skip";
    default: return "prune";
    }
}

// Prints the plan on stdout: one line (or JSON object) per file, then the counts.
int dry_run(const Args& args, const std::vector<std::filesystem::path>& files) {
    auto plan = plan_run(args.db, files, args.options);
    std::size_t count[5] = {};
    for (const auto& p : plan) {
        ++count[p.action];
        if (args.json) {
            nlohmann::json j{{"action", action_name(p.action)}, {"path", p.path.string()}};
            if (!p.why.empty()) j["why"] = p.why;
            std::cout << j.dump() << '\n';
        } else {
            std::cout << action_name(p.action) << std::string(10 - std::string(action_name(p.action)).size(), ' ')
                      << p.path.string() << (p.why.empty() ? "" : "  (" + p.why + ")") << '\n';
        }
    }
    if (!args.json)
        std::cout << "dry run, nothing written: " << count[PlannedFile::index] << " to index, "
                  << count[PlannedFile::reindex] << " to re-index, " << count[PlannedFile::unchanged] << " unchanged, "
                  << count[PlannedFile::skip] << " to skip, " << count[PlannedFile::prune] << " to prune\n";
    return 0;
}

// --watch FOLDER: a folder that exists must be a folder; a missing one is waited for (a mount
// not there yet), as one that goes missing later is.
int watch_command(Args& args) {
    std::error_code ec;
    if (std::filesystem::exists(args.watch, ec) && !std::filesystem::is_directory(args.watch, ec)) {
        std::cerr << "mahdar-indexer: --watch " << args.watch.string() << ": not a folder\n";
        return exit_status(ErrorCode::bad_parameter);
    }
    WatchOptions w;
    w.folder = args.watch;
    w.db = args.db;
    if (args.settle_ms > 0) w.settle = std::chrono::milliseconds(args.settle_ms);
    w.index = args.options;
    w.style = style_of(args);
    return watch_folder(w, stop_requested);
}

} // namespace

int index_command(int argc, char** argv) {
    if (has_flag(argc, argv, "--help")) {
        std::cout << usage;
        return 0;
    }
    Args args;
    if (!parse_args(argc, argv, args)) {
        std::cerr << usage;
        return exit_status(ErrorCode::bad_parameter);
    }
    // Xapian's own knob for how often to commit, which used to split large files: now the
    // commits between files follow it (IndexOptions::commit_every)
    if (const char* every = std::getenv("XAPIAN_FLUSH_THRESHOLD"); every && std::atol(every) > 0)
        args.options.commit_every = static_cast<std::size_t>(std::atol(every));
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    return reporting_errors("mahdar-indexer", [&] {
        if (!args.watch.empty()) return watch_command(args);
        auto files = list_sources(args.paths);
        if (files.empty()) {
            std::cerr << "mahdar-indexer: no files to index under the paths given\n";
            return exit_status(ErrorCode::internal);
        }
        if (args.options.ocr && !ocr_available())
            std::cerr << "mahdar-indexer: --ocr: this build has no Tesseract; scanned pages are reported, not read\n";
        if (args.dry_run) return dry_run(args, files);
        const WordLists lists = WordLists::embedded();
        IndexWriter writer(args.db, lists);
        ProgressView view(style_of(args), std::cerr, files);
        args.options.on_event = [&view](const IndexEvent& e) { view(e); };
        view.start();
        auto r = writer.index(files, args.options, stop_requested);
        view.finish(r, stop_requested ? "interrupted" : "done");
        if (stop_requested) return exit_status(ErrorCode::interrupted);
        if (r.files_indexed + r.files_unchanged == 0) {
            std::cerr << "mahdar-indexer: nothing could be indexed: "
                      << (r.files_skipped == 1 ? std::string("the file was skipped")
                                               : "all " + std::to_string(r.files_skipped) + " files were skipped")
                      << " (reasons above)\n";
            return exit_status(ErrorCode::internal);
        }
        return r.problems.empty() ? 0 : exit_status(ErrorCode::bad_input);
    }, args.db);
}

} // namespace mahdar
