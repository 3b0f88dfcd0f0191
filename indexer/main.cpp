// mahdar-indexer: index reports and JSON Lines passages into a Xapian database.
#include "common/result.h"
#include "ingest/readers.h"
#include "ingest/sources.h"
#include "write/index_writer.h"

#include <xapian.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <unistd.h>

namespace {

std::atomic<bool> stop_requested{false};

void on_signal(int) { stop_requested = true; }

constexpr const char* usage =
    "usage: mahdar-indexer --db DIR [--prune] [--quiet] [--ocr] [--threads N] [--bulk | --no-bulk] PATH...\n"
    "  PATH  a document (.pdf, .docx, .odt, .html, .txt, .md), a JSON Lines file (.jsonl) or a\n"
    "        folder of them; other files are reported as unsupported\n"
    "  --ocr        read scanned PDF pages (no text layer) with Tesseract\n"
    "  --threads N  analysis threads (default: one per core)\n"
    "  --bulk       a first load into an empty index builds one shard per thread, then compacts\n"
    "               them into the index (default: with 2+ threads and 8 MB or more of input)\n"
    "  --no-bulk    always write through the one incremental writer\n"
    "exit status: 0 all indexed, 3 some files or lines skipped, 1 error or nothing could be\n"
    "  indexed, 2 usage, 130 interrupted\n";

struct Args {
    std::string db;
    std::vector<std::filesystem::path> paths;
    mahdar::IndexOptions options;
};

bool parse_args(int argc, char** argv, Args& args) {
    args.options.progress = isatty(STDERR_FILENO) ? mahdar::Progress::terminal : mahdar::Progress::quiet;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--db" && i + 1 < argc) args.db = argv[++i];
        else if (a == "--prune") args.options.prune = mahdar::Prune::yes;
        else if (a == "--quiet") args.options.progress = mahdar::Progress::quiet;
        else if (a == "--ocr") args.options.ocr = true;
        else if (a == "--threads" && i + 1 < argc) args.options.threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        else if (a == "--bulk") args.options.bulk = mahdar::Bulk::always;
        else if (a == "--no-bulk") args.options.bulk = mahdar::Bulk::never;
        else if (a == "--help" || a == "-h") return false;
        else if (!a.empty() && a[0] == '-') return false;
        else args.paths.emplace_back(a);
    }
    return !args.db.empty() && !args.paths.empty();
}

// The skipped files by reason, the first few names of each.
void print_skipped(const mahdar::IndexReport& r) {
    if (r.skipped.empty()) return;
    std::cerr << "skipped by reason:\n";
    for (const auto& [reason, files] : r.skipped) {
        std::cerr << "  " << reason << ": " << files.size() << " (";
        for (size_t i = 0; i < files.size() && i < 3; ++i) std::cerr << (i ? ", " : "") << files[i];
        std::cerr << (files.size() > 3 ? ", …)\n" : ")\n");
    }
}

} // namespace

int main(int argc, char** argv) {
    Args args;
    if (!parse_args(argc, argv, args)) {
        std::cerr << usage;
        return mahdar::exit_status(mahdar::ErrorCode::bad_parameter);
    }
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    try {
        auto files = mahdar::list_sources(args.paths);
        if (files.empty()) {
            std::cerr << "mahdar-indexer: no files to index under the paths given\n";
            return mahdar::exit_status(mahdar::ErrorCode::internal);
        }
        if (args.options.ocr && !mahdar::ocr_available())
            std::cerr << "mahdar-indexer: --ocr: this build has no Tesseract; scanned pages are reported, not read\n";
        const mahdar::WordLists lists = mahdar::WordLists::embedded();
        mahdar::IndexWriter writer(args.db, lists);
        auto r = writer.index(files, args.options, stop_requested, std::cerr);
        for (const auto& n : r.notes) std::cerr << "note: " << n << '\n';
        for (const auto& p : r.problems) std::cerr << "skipped: " << p << '\n';
        double mb = r.bytes / 1e6;
        std::fprintf(stderr,
                     "%s: files %zu indexed, %zu unchanged, %zu skipped, %zu pruned; passages %zu; "
                     "%.2f MB in %.2f s (%.2f MB/s)\n",
                     stop_requested ? "interrupted" : "done", r.files_indexed, r.files_unchanged,
                     r.files_skipped, r.files_pruned, r.passages, mb, r.seconds,
                     r.seconds > 0 ? mb / r.seconds : 0.0);
        print_skipped(r);
        if (stop_requested) return mahdar::exit_status(mahdar::ErrorCode::interrupted);
        if (r.files_indexed + r.files_unchanged == 0) {
            std::cerr << "mahdar-indexer: nothing could be indexed: "
                      << (r.files_skipped == 1 ? std::string("the file was skipped")
                                               : "all " + std::to_string(r.files_skipped) + " files were skipped")
                      << " (reasons above)\n";
            return mahdar::exit_status(mahdar::ErrorCode::internal);
        }
        return r.problems.empty() ? 0 : mahdar::exit_status(mahdar::ErrorCode::bad_input);
    } catch (const Xapian::Error& e) {
        std::cerr << "mahdar-indexer: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "mahdar-indexer: " << e.what() << '\n';
    }
    return mahdar::exit_status(mahdar::ErrorCode::internal);
}
