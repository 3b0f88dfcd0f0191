#include "commands/remove_command.h"

#include "commands/reported.h"
#include "common/strings.h"

#include "common/result.h"
#include "common/version.h"
#include "write/index_writer.h"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace mahdar {

namespace {

constexpr const char* usage =
    "usage: mahdar-indexer remove DB [--json] TARGET...\n"
    "  TARGET  a document id (2022-06-09_labour-mobility-consultation.en), a UN symbol\n"
    "          (E/ESCWA/SDD/2021/3: every document with it) or the path of an indexed file\n"
    "          (every document read from it)\n"
    "A document removed by id or symbol stays out until its file changes; a file removed by\n"
    "path comes back with the next run over its folder unless it is deleted or moved.\n"
    "exit status: 0 every target removed, 1 a target not found (the others are removed) or an\n"
    "  error, 2 usage\n";

} // namespace

int remove_command(int argc, char** argv) {
    if (has_flag(argc, argv, "--help")) {
        std::cout << usage;
        return 0;
    }
    std::string db;
    std::vector<std::string> targets;
    bool json = false, bad = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--json") json = true;
        else if (a.size() > 1 && a[0] == '-') bad = true; // --help and unknown options
        else if (db.empty()) db = a;
        else targets.push_back(a);
    }
    if (bad || db.empty() || targets.empty()) {
        std::cerr << usage;
        return exit_status(ErrorCode::bad_parameter);
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(db, ec)) {
        std::cerr << "mahdar-indexer remove: no index at " << db << '\n';
        return exit_status(ErrorCode::not_found);
    }
    return reporting_errors("mahdar-indexer remove", [&] {
        const WordLists lists = WordLists::embedded();
        IndexWriter writer(db, lists);
        bool all_found = true;
        for (const auto& r : writer.remove(targets)) {
            all_found = all_found && !r.doc_ids.empty();
            if (json) {
                std::cout << nlohmann::json{{"target", r.target}, {"removed", r.doc_ids}, {"passages", r.passages},
                                            {"file_remains", r.file_remains}}.dump()
                          << '\n';
                continue;
            }
            if (r.doc_ids.empty()) {
                std::cout << "not found: " << r.target << " (no document id, UN symbol or indexed file of that name)\n";
                continue;
            }
            std::cout << "removed: " << r.target << ": " << r.doc_ids.size() << (r.doc_ids.size() == 1 ? " document" : " documents")
                      << ", " << r.passages << " passages (" << joined(r.doc_ids, ", ") << ")\n";
            if (r.file_remains)
                std::cout << "note: " << r.target << " is still there: the next run over its folder indexes it again\n";
        }
        return all_found ? 0 : exit_status(ErrorCode::not_found);
    }, db);
}

} // namespace mahdar
