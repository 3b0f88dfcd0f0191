// One passage per passage id across files. A report's passage ids come from its document id,
// which DocOwners gives to one file only; a JSON Lines line may choose its own "id", and two
// files (or an earlier run's file) may choose the same one. The passage indexed first keeps
// the id — on the bulk path, that of the file first in sorted order — and the other is
// reported by file and id and not indexed. The refused file's record then keeps no content
// hash, so every run reads it again and says so again until one of the ids changes (or the
// holder goes: a file that no longer exists holds no id).
#pragma once

#include "write/index_writer.h"

#include <xapian.h>

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace mahdar {

/// The passage id of an id term ("Q" + id).
std::string id_of_term(const std::string& id_term);

/// The source term (XF…) of the passage holding `id_term` if that passage is not of the file
/// with source term `xf`; "" when no passage, or only the file's own, has the id.
std::string other_source(const Xapian::Database& db, const std::string& id_term, const std::string& xf);

/// The files whose passages an index holds, by source term: as this run was given them, else as
/// the index records them (read once, on the first look-up that needs them).
class FilesBySource {
public:
    struct File {
        std::string path;
        bool this_run = false, known = false;
    };
    /// A file of this run: its key (file_record_key()) and its path as given.
    void add(const std::string& key, const std::string& shown);
    File find(const Xapian::Database& db, const std::string& xf);

private:
    std::unordered_map<std::string, File> files_;
    bool loaded_ = false;
};

/// True when `holder` should keep its id against a passage of this run: it is known and, if an
/// earlier run's, still exists.
bool holds_id(const FilesBySource::File& holder);

/// What the report says of a passage not indexed because `holder` has its id.
std::string id_refusal(const std::string& file, const std::string& id, const std::string& holder);

/// After a bulk load (shards written with add_document), removes the passages whose id a
/// passage of a file earlier in `files` has, reports each, and drops the content hash of the
/// files that lost one.
void drop_duplicate_ids(Xapian::WritableDatabase& db, const std::vector<std::filesystem::path>& files,
                        IndexReport& report);

} // namespace mahdar
