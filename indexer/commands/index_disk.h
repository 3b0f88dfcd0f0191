// Where an index lives on disk: one Xapian folder, or a stub file listing shards (README
// "Scaling out"), and what each local shard takes on disk. Reads the file system only, never
// the index.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mahdar {

/// One database of an index: a local folder, or a remote one named by its stub line.
struct ShardPlace {
    std::string location; ///< the folder's path; for a remote shard, its stub line
    bool remote = false;
};

/// The databases of the index at `path`: the folder itself, or, for a stub file, each of its
/// local lines ("auto DIR", "glass DIR"…; a relative DIR is taken from the stub's folder, as
/// Xapian does) and remote lines ("remote HOST:PORT", "tcp …", "prog …"), in the stub's
/// order. Comments, blank lines and "inmemory" give none. Throws std::filesystem_error when
/// a stub cannot be read.
std::vector<ShardPlace> shards_of(const std::filesystem::path& path);

/// What a folder takes on disk.
struct DiskUse {
    std::uintmax_t bytes = 0; ///< sum of the sizes of the regular files under it
    std::string modified;     ///< newest modification time of those files, "YYYY-MM-DDTHH:MM:SSZ"; "" when none
};

/// The disk use of `folder` (a file: its own size and time). Files that vanish while it is
/// walked (a writer committing) are left out, never an error.
DiskUse disk_use(const std::filesystem::path& folder);

} // namespace mahdar
