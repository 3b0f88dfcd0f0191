// Writing sources into a Xapian database, incrementally.
#pragma once

#include "text/stopwords.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mahdar {

enum class Prune { no, yes };

/// What a run tells as it goes; the indexer's commands render it (commands/progress.h).
struct IndexEvent {
    enum Kind { indexed, unchanged, skipped, pruned, progress, compacting } kind = progress;
    std::filesystem::path path; ///< the file, for indexed … pruned
    std::string reason;         ///< why it was skipped (ingest/layout.h failure_reason())
    std::size_t files_done = 0; ///< files read so far (any outcome)
    std::size_t passages = 0;   ///< passages written so far
    /// Bytes of the files dealt with so far, a file being written counted in proportion to its
    /// passages written: the share done, within one large file too.
    std::uintmax_t bytes_done = 0;
};
/// The bulk path (several shard writers, then a compaction) for a first load into an empty
/// index: `automatic` takes it for 2+ threads and at least IndexOptions::bulk_min_bytes of input
/// (files are cut into jobs that any shard writer takes, so one large file is shared out too).
enum class Bulk { automatic, always, never };

struct IndexOptions {
    Prune prune = Prune::no;         ///< remove documents whose source files are gone
    /// Called for each file's outcome and about every 250 ms (progress), one call at a time;
    /// may be empty.
    std::function<void(const IndexEvent&)> on_event;
    unsigned threads = 0;            ///< analysis threads; 0: one per core
    std::size_t job_passages = 256;  ///< passages per analysis job (whole documents)
    Bulk bulk = Bulk::automatic;
    std::uintmax_t bulk_min_bytes = 8u << 20;
    /// Bulk path: each shard writer commits once it has this many passages uncommitted, so
    /// what Xapian holds in memory (postings, positions, spellings) is bounded by this batch,
    /// not by the corpus. Smaller in-memory postings are also cheaper to build: at 1,500
    /// rather than Xapian's default 10,000 the UNGD set took less CPU and 140 MB of memory
    /// at most rather than 343 (bench/README.md).
    std::size_t shard_commit_passages = 1500;
    /// Bulk path: the spelling table's words are counted in memory across the lanes and
    /// written once, after compaction; past this many distinct words the tally is written
    /// into a shard and started again (memory bound: ~100 bytes a word).
    std::size_t spelling_tally_words = 500000;
    bool ocr = false;                ///< OCR scanned PDF pages (ingest/readers.h)
    /// Between two files, the index is committed once this many passages were written or
    /// removed since the last commit (and at the end); never within a file. The indexer
    /// takes XAPIAN_FLUSH_THRESHOLD when it is set, as Xapian's own automatic commits did.
    std::size_t commit_every = 10000;
};

/// What one run did. `problems` holds one line per skipped file or line ("path: reason");
/// `skipped` the skipped files by reason (ingest/layout.h failure_reason()).
struct IndexReport {
    std::size_t files_indexed = 0, files_unchanged = 0, files_skipped = 0, files_pruned = 0;
    std::size_t passages = 0, bytes = 0;
    double bytes_done = 0; ///< IndexEvent::bytes_done
    double seconds = 0;
    std::vector<std::string> problems;
    std::vector<std::string> notes; ///< about files read in full, such as a .pdf that held HTML
    std::map<std::string, std::vector<std::string>> skipped;
    std::vector<std::string> pruned; ///< the files whose passages went (--prune)
};

/// What IndexWriter::remove() did for one target.
struct Removal {
    std::string target;
    std::vector<std::string> doc_ids; ///< the documents removed; empty: nothing of that name
    std::size_t passages = 0;
    /// The target was a source file that is still on disk: the next run over its folder indexes
    /// it again (a document removed by id or symbol stays out until its file changes).
    bool file_remains = false;
};

/// Indexes source files into one Xapian database: analysis runs in `threads` threads, and the
/// calling thread writes (Xapian has one writer). A first load into an empty index instead
/// gives each thread whole files to analyse and write into a shard of its own, then compacts
/// the shards into the index (see Bulk): the same index, built on every core. A file whose content (and sidecar) is
/// unchanged since the last run is not touched; a changed file's passages are replaced. A file
/// giving a document id that another file has — one before it in `files`, or one an earlier run
/// indexed that still exists — is skipped and reported, on both paths alike. The
/// database is committed at the end of index() — or when `stop` becomes true, after the file in
/// hand — and between files every IndexOptions::commit_every passages. A file's passages are
/// replaced in one commit: a reader sees its old version or its new one, never part of each,
/// and a killed run leaves every file as the last commit had it (old or new, whole). Pruning
/// and the speaker passes at the end are one commit too.
/// Not thread-safe: one writer per database (Xapian's own lock enforces it across processes).
class IndexWriter {
public:
    /// `lists` (the analysis's word lists) must outlive the writer.
    IndexWriter(const std::string& db_path, const WordLists& lists);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    IndexReport index(const std::vector<std::filesystem::path>& files, const IndexOptions& options,
                      const std::atomic<bool>& stop);

    /// Removes the documents each target names — a document id, a UN symbol (every document
    /// with it) or a source file's path (every document read from it) — and commits once.
    std::vector<Removal> remove(const std::vector<std::string>& targets);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace mahdar
