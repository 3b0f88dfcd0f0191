#include "write/plan.h"

#include "write/index_writer_impl.h"

#include <optional>

namespace mahdar {
namespace fs = std::filesystem;

std::vector<PlannedFile> plan_run(const std::string& db_path, const std::vector<fs::path>& files,
                                  const IndexOptions& options) {
    std::optional<Xapian::Database> db;
    std::error_code ec;
    if (fs::exists(db_path, ec)) db.emplace(db_path);
    DocOwners owners(db ? &*db : nullptr);
    std::vector<PlannedFile> out;
    for (const auto& file : files) {
        std::string key = file_key(file);
        FileRecord record = db ? read_file_record(*db, key) : FileRecord{};
        ReadOptions read_options{options.ocr, {}, [&](const std::string& hash) { return record.content_hash == hash; }};
        SourceFile src = read_source(file, read_options);
        if (src.unchanged) {
            out.push_back({PlannedFile::unchanged, file, ""});
            continue;
        }
        if (src.error) {
            out.push_back({PlannedFile::skip, file, src.error->message});
            continue;
        }
        if (auto claim = owners.claim(src, key, file.string()); !claim.refusal.empty()) {
            out.push_back({PlannedFile::skip, file, claim.refusal});
            continue;
        }
        if (record.empty()) out.push_back({PlannedFile::index, file, ""});
        else out.push_back({PlannedFile::reindex, file, "changed since it was indexed"});
    }
    if (db && options.prune == Prune::yes)
        for (const auto& key : file_record_keys(*db))
            if (!fs::exists(path_of_file_key(key), ec))
                out.push_back({PlannedFile::prune, path_of_file_key(key), "the file is gone"});
    return out;
}

} // namespace mahdar
