// The bulk path of IndexWriter: a first load into an empty index, on every core.
//
// Xapian has one writer per database, and that writer (its inverter and B-tree updates) costs
// more than our analysis, so one database cannot use a second core. Here each of `threads`
// lanes takes jobs (a few hundred passages of one file) from a shared queue, analyses them and
// writes them into a shard database of its own; the shards are then compacted into one (Xapian::Database::compact, what xapian-compact
// does), which also packs the B-trees full: the index is smaller and faster to search than one
// grown by updates. Nothing is visible at the index's path until the end: the shards live in
// "<db>.bulk/", and the compacted index (speakers unified, committed) takes the empty one's
// place in one rename. Interrupted (stop), no new file is read but the files already read are
// finished, and all is compacted in; killed, the index stays as it was (empty) and the next
// run removes "<db>.bulk/".
#include "text/analyzer.h"
#include "write/index_writer_impl.h"
#include "write/speaker_pass.h"
#include "write/version_pass.h"

#include <fcntl.h> // AT_FDCWD

#include <chrono>
#include <cstdio> // renameat2, RENAME_EXCHANGE (glibc 2.28+)
#include <deque>
#include <exception>
#include <optional>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace mahdar {
namespace fs = std::filesystem;

namespace {

fs::path bulk_dir_for(const std::string& db_path) {
    fs::path p = fs::absolute(db_path).lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    return p.parent_path() / (p.filename().string() + ".bulk");
}

// A file being loaded: its record is stored (in whichever shard writes its last job) once all
// of its jobs are written, so an interrupted run never marks a half-written file as done.
struct LoadingFile {
    std::string key;
    fs::path path;
    FileRecord record;
    std::uintmax_t bytes = 0;
    double bytes_per_passage = 0;
    std::atomic<std::size_t> jobs_left{0};
};

struct Work {
    AnalysisJob job;
    std::shared_ptr<LoadingFile> file;
};

// What the lanes share: the files, read one at a time and cut into jobs that any lane may take
// (so one large file keeps every lane busy), the report and the first error.
class Lanes {
public:
    Lanes(const std::vector<fs::path>& files, const IndexOptions& options, IndexReport& report)
        : files_(files), options_(options), read_options_{options.ocr, {}, {}}, report_(report) {}

    /// The next job, reading the next file when the current one is used up; nullopt at the end.
    /// Once `stop` is set no file is read, but the jobs of files already read are handed out,
    /// so no file is left half-written.
    std::optional<Work> take(const std::atomic<bool>& stop) {
        std::lock_guard<std::mutex> lock(mutex_);
        while (queue_.empty() && !stop && next_file_ < files_.size()) read(files_[next_file_++]);
        if (queue_.empty()) return std::nullopt;
        Work w = std::move(queue_.front());
        queue_.pop_front();
        return w;
    }

    void written(const Work& w, std::size_t passages, Xapian::WritableDatabase& shard) {
        bool last = --w.file->jobs_left == 0;
        if (last) write_file_record(shard, w.file->key, w.file->record);
        std::lock_guard<std::mutex> lock(mutex_);
        report_.passages += passages;
        report_.bytes_done += w.file->bytes_per_passage * static_cast<double>(passages);
        if (last) {
            report_.bytes += w.file->bytes;
            ++report_.files_indexed;
            tell(options_, IndexEvent::indexed, report_, next_file_, w.file->path);
        }
    }

    void fail(std::exception_ptr e) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!error_) error_ = e;
        failed = true;
    }
    std::exception_ptr error() const { return error_; }

    /// Tells the run so far (IndexOptions::on_event).
    void tell_progress() {
        std::lock_guard<std::mutex> lock(mutex_);
        tell(options_, IndexEvent::progress, report_, next_file_);
    }

    std::atomic<bool> failed{false};

private:
    void read(const fs::path& path) {
        SourceFile src = read_source(path, read_options_);
        for (const auto& w : src.warnings) report_.problems.push_back(w);
        for (const auto& n : src.notes) report_.notes.push_back(n);
        if (src.error) {
            skip_file(report_, path, src.error->message, options_, next_file_);
            return;
        }
        auto file = std::make_shared<LoadingFile>();
        file->key = file_key(path);
        file->path = path;
        // the index is empty: nothing vanished can own an id, only files read before this one
        if (auto claim = owners_.claim(src, file->key, path.string()); !claim.refusal.empty()) {
            skip_file(report_, path, claim.refusal, options_, next_file_);
            return;
        }
        file->record = file_record(src);
        std::error_code ec;
        file->bytes = fs::file_size(path, ec);
        file->bytes_per_passage = bytes_per_passage(src);
        auto jobs = jobs_for(src, source_term(file->key), options_.job_passages);
        file->jobs_left = jobs.size();
        for (auto& j : jobs) queue_.push_back({std::move(j), file});
    }

    const std::vector<fs::path>& files_;
    const IndexOptions& options_;
    const ReadOptions read_options_;
    std::size_t next_file_ = 0;
    std::deque<Work> queue_;
    DocOwners owners_{nullptr};
    std::mutex mutex_;
    IndexReport& report_;
    std::exception_ptr error_;
};

// The spelling table's words, counted across the lanes and written once: Xapian's add_spelling
// costs a B-tree lookup per word after each commit, and each shard's table is merged again by
// the compaction, so adding each job's words to its shard cost 12% of the bulk path's CPU
// (bench/README.md). Past `limit` distinct words (a corpus with a vast vocabulary), the lane that
// passes it writes the tally into its shard and starts again, so memory stays bounded.
class SpellingTally {
public:
    explicit SpellingTally(std::size_t limit) : limit_(limit) {}

    /// Adds a job's words; when the tally passes the limit, writes it into `shard`.
    void add(const std::unordered_map<std::string, Xapian::termcount>& words, Xapian::WritableDatabase& shard) {
        std::unordered_map<std::string, Xapian::termcount> full;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            for (const auto& [word, count] : words) counts_[word] += count;
            if (counts_.size() > limit_) full.swap(counts_);
        }
        write(full, shard);
    }

    /// Writes what is left into `db`.
    void finish(Xapian::WritableDatabase& db) {
        std::lock_guard<std::mutex> lock(mutex_);
        write(counts_, db);
        counts_.clear();
    }

private:
    static void write(const std::unordered_map<std::string, Xapian::termcount>& words, Xapian::WritableDatabase& db) {
        for (const auto& [word, count] : words) db.add_spelling(word, count);
    }

    const std::size_t limit_;
    std::mutex mutex_;
    std::unordered_map<std::string, Xapian::termcount> counts_;
};

// Puts the folder `built` at `path` in one step (the empty index then sits at `built`), so a
// reader never finds `path` missing; two renames where the file system cannot exchange.
void swap_into_place(const std::string& built, const std::string& path) {
    if (renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0) return;
    fs::path old = fs::path(built).parent_path() / "empty";
    fs::rename(path, old);
    fs::rename(built, path);
}

} // namespace

void IndexWriter::Impl::remove_stale_bulk_dir() {
    std::error_code ec;
    fs::remove_all(bulk_dir_for(path), ec);
}

bool IndexWriter::Impl::bulk_wanted(const std::vector<fs::path>& files, const IndexOptions& options,
                                    unsigned threads) {
    if (options.bulk == Bulk::never || files.empty() || db.get_doccount() != 0) return false;
    if (!file_record_keys(db).empty()) return false;
    if (options.bulk == Bulk::always) return true;
    if (threads < 2) return false;
    std::uintmax_t bytes = 0;
    for (const auto& f : files) {
        std::error_code ec;
        auto size = fs::file_size(f, ec);
        bytes += ec ? 0 : size;
    }
    return bytes >= options.bulk_min_bytes;
}

void IndexWriter::Impl::bulk_load(const std::vector<fs::path>& files, const IndexOptions& options,
                                  unsigned threads, const std::atomic<bool>& stop, IndexReport& report) {
    const fs::path dir = bulk_dir_for(path);
    fs::remove_all(dir); // what a killed bulk run left
    fs::create_directories(dir);
    Lanes lanes(files, options, report);
    SpellingTally spellings(options.spelling_tally_words);
    std::atomic<std::size_t> finished{0};
    auto lane = [&](const fs::path& shard_path) {
        try {
            Xapian::WritableDatabase shard(shard_path.string(), Xapian::DB_CREATE);
            Analyzer analyzer(lists);
            std::size_t uncommitted = 0;
            while (!lanes.failed) {
                std::optional<Work> w = lanes.take(stop);
                if (!w) break;
                BuiltJob built = build_job(w->job, analyzer, &extractor);
                // ids are made unique after compaction (drop_duplicate_ids): added, not replaced
                for (auto& [id_term, doc] : built.passages) shard.add_document(doc);
                for (const auto& record : built.doc_records) write_document_record(shard, record);
                spellings.add(built.words, shard);
                lanes.written(*w, built.passages.size(), shard);
                uncommitted += built.passages.size();
                if (uncommitted >= options.shard_commit_passages) {
                    shard.commit();
                    uncommitted = 0;
                }
            }
            shard.commit();
        } catch (...) {
            lanes.fail(std::current_exception());
        }
        ++finished;
    };
    std::vector<fs::path> shards;
    std::vector<std::thread> running;
    for (unsigned k = 0; k < std::max(1u, threads); ++k) {
        shards.push_back(dir / ("shard-" + std::to_string(k)));
        running.emplace_back(lane, shards.back());
    }
    while (finished < running.size()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        lanes.tell_progress();
    }
    for (auto& t : running) t.join();
    if (lanes.error()) {
        std::error_code ec;
        fs::remove_all(dir, ec);
        std::rethrow_exception(lanes.error());
    }
    tell(options, IndexEvent::compacting, report, files.size());
    if (report.files_indexed == 0) {
        db.commit();
        fs::remove_all(dir);
        return;
    }
    // The new index is finished (compacted, speakers unified, committed) before it is put in
    // place, and the empty one keeps its write lock until then.
    const std::string built = (dir / "index").string();
    try {
        Xapian::Database all;
        for (const auto& s : shards) all.add_database(Xapian::Database(s.string()));
        all.compact(built);
        Xapian::WritableDatabase index(built, Xapian::DB_OPEN);
        spellings.finish(index);
        drop_duplicate_ids(index, files, report);
        write_stamp(index, current_stamp(lists));
        unify_speakers(index, extractor.speakers().name_rules());
        link_speaker_scripts(index);
        link_versions(index);
        index.commit();
    } catch (...) { // a full disk, say: the shards go now, not at the next run
        std::error_code ec;
        fs::remove_all(dir, ec);
        throw;
    }
    db.close();
    swap_into_place(built, path);
    db = Xapian::WritableDatabase(path, Xapian::DB_OPEN);
    fs::remove_all(dir);
}

} // namespace mahdar
