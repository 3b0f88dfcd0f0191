// Writing sources into a Xapian database, incrementally.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace mahdar {

enum class Prune { no, yes };
enum class Progress { quiet, terminal };

struct IndexOptions {
    Prune prune = Prune::no;         ///< remove documents whose source files are gone
    Progress progress = Progress::quiet;
    unsigned threads = 0;            ///< analysis threads; 0: one per core
    std::size_t job_passages = 256;  ///< passages per analysis job (whole documents)
};

/// What one run did. `problems` holds one line per skipped file or line ("path: reason").
struct IndexReport {
    std::size_t files_indexed = 0, files_unchanged = 0, files_skipped = 0, files_pruned = 0;
    std::size_t passages = 0, bytes = 0;
    double seconds = 0;
    std::vector<std::string> problems;
};

/// Indexes source files into one Xapian database: analysis runs in `threads` threads, and the
/// calling thread writes (Xapian has one writer). A file whose content (and sidecar) is
/// unchanged since the last run is not touched; a changed file's passages are replaced. The
/// database is committed once, at the end of index() — or when `stop` becomes true, after the
/// file in hand — so an interrupted run leaves the last committed revision intact.
/// Not thread-safe: one writer per database (Xapian's own lock enforces it across processes).
class IndexWriter {
public:
    explicit IndexWriter(const std::string& db_path);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    IndexReport index(const std::vector<std::filesystem::path>& files, const IndexOptions& options,
                      const std::atomic<bool>& stop, std::ostream& log);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace mahdar
