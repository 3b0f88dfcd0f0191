#include "commands/stats_command.h"

#include "commands/index_stats.h"
#include "commands/reported.h"
#include "commands/stats_report.h"
#include "common/result.h"
#include "common/version.h"
#include "format/record.h"

#include <xapian.h>

#include <iostream>
#include <string>

namespace mahdar {

namespace {

constexpr const char* usage =
    "usage: mahdar-indexer stats DB [--json]\n"
    "  DB      an index folder, or a Xapian stub file listing shards\n"
    "  --json  one JSON object instead of the table\n"
    "Passages and documents by language, year, type and source format; the top 10 speakers,\n"
    "countries and GCM objectives; the index's size on disk, revision, schema and UUID.\n"
    "exit status: 0, 1 no such index or an unreadable one, 2 usage\n";

struct StatsArgs {
    std::string db;
    bool json = false;
};

bool parse_args(int argc, char** argv, StatsArgs& args) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--json") args.json = true;
        else if (!a.empty() && a[0] == '-') return false; // --help too
        else if (args.db.empty()) args.db = a;
        else return false;
    }
    return !args.db.empty();
}

} // namespace

int stats_command(int argc, char** argv) {
    if (has_flag(argc, argv, "--help")) {
        std::cout << usage;
        return 0;
    }
    StatsArgs args;
    if (!parse_args(argc, argv, args)) {
        std::cerr << usage;
        return exit_status(ErrorCode::bad_parameter);
    }
    return reporting_errors("mahdar-indexer: " + args.db, [&] {
        const ReferenceData reference;
        try {
            auto stats = index_stats(args.db, reference);
            if (!stats) {
                std::cerr << "mahdar-indexer: " << stats.error().message << '\n';
                return exit_status(stats.error().kind);
            }
            if (args.json) std::cout << stats_json(stats.value()).dump(2) << '\n';
            else print_stats_table(stats.value(), std::cout);
            return 0;
        } catch (const RecordError& e) {
            std::cerr << "mahdar-indexer: " << args.db << ": a damaged record: " << e.what() << '\n';
            return exit_status(ErrorCode::internal);
        }
    });
}

} // namespace mahdar
