// The inside of IndexWriter, shared by the incremental path (index_writer.cpp) and the bulk
// load into an empty index (bulk_load.cpp).
#pragma once

#include "common/hash.h"
#include "extract/extract.h"
#include "format/record.h"
#include "format/schema.h"
#include "ingest/sources.h"
#include "write/analysis_pool.h"
#include "write/index_writer.h"
#include "write/passage_ids.h"

#include <xapian.h>

#include <cstdio>
#include <deque>
#include <filesystem>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace mahdar {

// The record of a file about to be indexed: its content hash and the ids of its documents.
inline FileRecord file_record(const SourceFile& src) {
    FileRecord r{src.content_hash, {}};
    for (const auto& d : src.documents) r.doc_ids.push_back(d.doc_id);
    return r;
}

// The key of a file's record: its path made canonical, so a file named two ways is one file.
inline std::string file_key(const std::filesystem::path& p) {
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::weakly_canonical(p, ec);
    return file_record_key(ec ? p.string() : abs.string());
}

inline std::string source_term(const std::string& key) {
    return schema::term(schema::source, fnv1a_hex(key));
}

// A file's size shared out over its passages, for IndexReport::bytes_done.
inline double bytes_per_passage(const SourceFile& src) {
    std::size_t passages = 0;
    for (const auto& d : src.documents) passages += d.passages.size();
    std::error_code ec;
    auto size = std::filesystem::file_size(src.path, ec);
    return ec ? 0 : static_cast<double>(size) / static_cast<double>(std::max<std::size_t>(passages, 1));
}

// Splits a file's documents into jobs of about `chunk` passages (whole documents).
inline std::vector<AnalysisJob> jobs_for(SourceFile& src, const std::string& xf, std::size_t chunk) {
    std::vector<AnalysisJob> jobs(1);
    std::size_t passages = 0;
    for (auto& doc : src.documents) {
        if (passages >= chunk) {
            jobs.emplace_back();
            passages = 0;
        }
        passages += doc.passages.size();
        jobs.back().documents.push_back(std::move(doc));
    }
    for (auto& j : jobs) j.source_term = xf;
    return jobs;
}


/// Which source file owns each document id. Passage ids are made from document ids, so a
/// second file with a file's document id would replace that file's passages (or, in a bulk
/// load, sit beside them under the same ids): it is refused instead. Both paths claim files in
/// their sorted order, so the first file keeps the id whatever the threads do; a file indexed
/// by an earlier run keeps it while that file exists. Not thread-safe.
class DocOwners {
public:
    /// `index`: the database whose file records (earlier runs) are read at the first claim;
    /// nullptr for an empty index.
    explicit DocOwners(const Xapian::Database* index) : index_(index) {}

    struct Claim {
        std::string refusal; ///< non-empty: why the file may not be indexed; nothing was claimed
        /// (doc id, file key) of ids taken over from files of earlier runs that are now gone
        std::vector<std::pair<std::string, std::string>> vanished;
    };

    /// Gives the file with key `key` (shown as `shown` in messages) the document ids of `src`,
    /// unless another file has one of them; ids the file had before and no longer gives are freed.
    Claim claim(const SourceFile& src, const std::string& key, const std::string& shown);

private:
    struct File {
        std::string key, shown;
        bool earlier_run = false;
        std::vector<std::string> doc_ids;
    };
    void load();
    std::size_t file_index(const std::string& key, const std::string& shown, bool earlier_run);

    const Xapian::Database* index_;
    std::vector<File> files_;
    std::unordered_map<std::string, std::size_t> file_of_key_, owner_of_doc_;
};

/// Tells `on_event` (if any) about one file or the run so far.
inline void tell(const IndexOptions& options, IndexEvent::Kind kind, const IndexReport& r, std::size_t files_done,
                 const std::filesystem::path& path = {}, const std::string& reason = {}) {
    if (!options.on_event) return;
    IndexEvent e;
    e.kind = kind;
    e.path = path;
    e.reason = reason;
    e.files_done = files_done;
    e.passages = r.passages;
    e.bytes_done = static_cast<std::uintmax_t>(r.bytes_done);
    options.on_event(e);
}

/// Counts a file as skipped and says why, the same way on both paths ("path: why; skipped").
inline void skip_file(IndexReport& report, const std::filesystem::path& path, const std::string& why,
                      const IndexOptions& options, std::size_t files_done) {
    report.problems.push_back(path.string() + ": " + why + "; skipped");
    std::string reason(failure_reason(why));
    report.skipped[reason].push_back(path.string());
    ++report.files_skipped;
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    report.bytes_done += ec ? 0 : static_cast<double>(size);
    tell(options, IndexEvent::skipped, report, files_done, path, reason);
}

struct IndexWriter::Impl {
    Impl(const std::string& path, const WordLists& lists)
        : path(path), lists(lists), db(path, Xapian::DB_CREATE_OR_OPEN) {}
    std::string path;
    const WordLists& lists;
    Xapian::WritableDatabase db;
    ReferenceData data{};
    Extractor extractor{data};

    void remove_file(const std::string& key) {
        for (const auto& doc_id : read_file_record(db, key).doc_ids) remove_document_record(db, doc_id);
        db.delete_document(source_term(key));
        write_file_record(db, key, FileRecord{});
    }

    // A file's record is stored once all of its jobs are written, so an interrupted run never
    // marks a half-written file as done. What the index held of the file (and the documents it
    // takes over from vanished files) goes when its first job is written, in the transaction
    // that adds its passages: Xapian commits nothing inside a transaction, so the file is
    // replaced in one commit, however many passages it has, and files are written one after
    // the other (results come back in submission order), so no other file's half is in it.
    struct PendingFile {
        std::string key, shown;
        FileRecord record;
        std::size_t jobs_left;
        bool refused = false; ///< a passage was refused its id: the file is read again next run
        double bytes_per_passage = 0;
        bool replaces = false; ///< the index holds an earlier version of the file
        std::vector<std::pair<std::string, std::string>> vanished; ///< DocOwners::Claim::vanished
        bool started = false;  ///< its transaction is open
    };
    std::deque<PendingFile> pending;
    FilesBySource sources; ///< who holds a passage id asked for twice
    std::size_t commit_every = 10000; ///< IndexOptions::commit_every, of the run in hand
    std::size_t changed_since_commit = 0; ///< passages written or removed since the last commit

    /// Writes one job's output: the first job of a file opens the file's transaction (removing
    /// its earlier version), the last stores its record and closes it.
    void write(BuiltJob&& built, IndexReport& report);
    void begin_file(PendingFile& file);
    void end_file(PendingFile& file);

    /// Reads one file for the incremental path and counts it if it is skipped, refused or
    /// unchanged (nullopt); else queues it (PendingFile, nothing written yet) and returns its jobs.
    std::optional<std::vector<AnalysisJob>> prepare(const std::filesystem::path& file, const IndexOptions& options,
                                                    DocOwners& owners, IndexReport& report, std::size_t files_done);

    /// Takes document `doc_id` from the vanished file with key `key`: its passages of that
    /// document go, and its record lists neither the document nor a content hash (so the file,
    /// should it come back, is read again, and refused while another file has the id).
    void release_doc(const std::string& key, const std::string& doc_id);

    /// Removes "<db>.bulk/" if a killed bulk load left it (the caller holds the index's lock,
    /// so no bulk load of this index is running).
    void remove_stale_bulk_dir();

    /// True when this run may take the bulk path: an empty index and enough to load.
    bool bulk_wanted(const std::vector<std::filesystem::path>& files, const IndexOptions& options, unsigned threads);

    /// Loads `files` into the (empty) index with `threads` writers, each building its own shard
    /// from whole files, then compacts the shards into the index (bulk_load.cpp).
    void bulk_load(const std::vector<std::filesystem::path>& files, const IndexOptions& options, unsigned threads,
                   const std::atomic<bool>& stop, IndexReport& report);

    void prune(IndexReport& report, const IndexOptions& options, std::size_t files_done) {
        for (const auto& key : file_record_keys(db)) {
            if (std::filesystem::exists(path_of_file_key(key))) continue;
            remove_file(key);
            ++report.files_pruned;
            report.pruned.push_back(path_of_file_key(key));
            tell(options, IndexEvent::pruned, report, files_done, path_of_file_key(key));
        }
    }
};


} // namespace mahdar
