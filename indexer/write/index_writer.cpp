#include "write/index_writer.h"

#include "write/index_writer_impl.h"
#include "write/speaker_pass.h"
#include "write/version_pass.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <deque>
#include <ostream>
#include <stdexcept>
#include <thread>

namespace mahdar {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// What to do about a document id that another file has, said in the message: a report's id
// comes from its file name or its sidecar, a JSON Lines passage's from its own "doc_id".
std::string collision_hint(const SourceFile& src) {
    std::string ext = src.path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".jsonl") return "use another \"doc_id\" in one of the files";
    return "rename one of the files, or give one a \"doc_id\" in its .meta.json sidecar";
}

} // namespace

void DocOwners::load() {
    for (const auto& key : file_record_keys(*index_)) {
        std::size_t file = file_index(key, path_of_file_key(key), true);
        files_[file].doc_ids = read_file_record(*index_, key).doc_ids;
        // an index written before ids were checked may list an id twice: the first file keeps it
        for (const auto& doc_id : files_[file].doc_ids) owner_of_doc_.try_emplace(doc_id, file);
    }
    index_ = nullptr;
}

std::size_t DocOwners::file_index(const std::string& key, const std::string& shown, bool earlier_run) {
    auto [it, fresh] = file_of_key_.try_emplace(key, files_.size());
    if (fresh) files_.push_back({key, shown, earlier_run, {}});
    return it->second;
}

DocOwners::Claim DocOwners::claim(const SourceFile& src, const std::string& key, const std::string& shown) {
    if (index_) load();
    Claim claim;
    for (const auto& doc : src.documents) {
        auto owner = owner_of_doc_.find(doc.doc_id);
        if (owner == owner_of_doc_.end() || files_[owner->second].key == key) continue;
        const File& other = files_[owner->second];
        std::error_code ec;
        if (other.earlier_run && !fs::exists(path_of_file_key(other.key), ec) && !ec) {
            claim.vanished.emplace_back(doc.doc_id, other.key);
            continue;
        }
        claim.refusal = "document id \"" + doc.doc_id + "\" is already used by " + other.shown + " (" +
                        collision_hint(src) + ")";
        claim.vanished.clear();
        return claim;
    }
    std::size_t me = file_index(key, shown, false);
    files_[me].shown = shown; // read in this run: name it as this run was given it
    files_[me].earlier_run = false;
    for (const auto& doc_id : files_[me].doc_ids)
        if (auto it = owner_of_doc_.find(doc_id); it != owner_of_doc_.end() && it->second == me)
            owner_of_doc_.erase(it);
    files_[me].doc_ids.clear();
    for (const auto& doc : src.documents) {
        files_[me].doc_ids.push_back(doc.doc_id);
        owner_of_doc_[doc.doc_id] = me;
    }
    return claim;
}

void IndexWriter::Impl::release_doc(const std::string& key, const std::string& doc_id) {
    const std::string parent = schema::term(schema::parent, doc_id), xf = source_term(key);
    std::vector<Xapian::docid> passages;
    for (auto it = db.postlist_begin(parent); it != db.postlist_end(parent); ++it) {
        Xapian::TermIterator term = db.termlist_begin(*it);
        term.skip_to(xf);
        if (term != db.termlist_end(*it) && *term == xf) passages.push_back(*it);
    }
    for (Xapian::docid id : passages) db.delete_document(id);
    FileRecord kept; // no content hash: the file, should it come back, is read again
    for (auto& other : read_file_record(db, key).doc_ids)
        if (other != doc_id) kept.doc_ids.push_back(std::move(other));
    write_file_record(db, key, kept); // neither hash nor ids: the record goes
    remove_document_record(db, doc_id);
}

std::optional<std::vector<AnalysisJob>> IndexWriter::Impl::prepare(const fs::path& file, const IndexOptions& options,
                                                                 DocOwners& owners, IndexReport& report,
                                                                 std::size_t files_done) {
    std::string key = file_key(file);
    FileRecord record = read_file_record(db, key);
    ReadOptions read_options{options.ocr, {}, [&](const std::string& hash) { return record.content_hash == hash; }};
    SourceFile src = read_source(file, read_options);
    if (src.unchanged) {
        ++report.files_unchanged;
        std::error_code ec;
        auto size = fs::file_size(file, ec);
        report.bytes_done += ec ? 0 : static_cast<double>(size);
        tell(options, IndexEvent::unchanged, report, files_done, file);
        return std::nullopt;
    }
    for (const auto& w : src.warnings) report.problems.push_back(w);
    for (const auto& n : src.notes) report.notes.push_back(n);
    if (src.error) {
        skip_file(report, file, src.error->message, options, files_done);
        return std::nullopt;
    }
    DocOwners::Claim claim = owners.claim(src, key, file.string());
    if (!claim.refusal.empty()) {
        skip_file(report, file, claim.refusal, options, files_done);
        return std::nullopt;
    }
    pending.push_back({key, file.string(), file_record(src), 0, false, bytes_per_passage(src), !record.empty(),
                       std::move(claim.vanished), false});
    sources.add(key, file.string());
    auto jobs = jobs_for(src, source_term(key), options.job_passages);
    pending.back().jobs_left = jobs.size();
    return jobs;
}

void IndexWriter::Impl::begin_file(PendingFile& file) {
    db.begin_transaction(false); // no commit before: the files before it are committed with it, or later
    file.started = true;
    for (const auto& [doc_id, owner] : file.vanished) release_doc(owner, doc_id);
    if (file.replaces) {
        changed_since_commit += db.get_termfreq(source_term(file.key));
        remove_file(file.key);
    }
}

void IndexWriter::Impl::end_file(PendingFile& file) {
    if (file.refused) file.record.content_hash.clear();
    write_file_record(db, file.key, file.record);
    db.commit_transaction();
    pending.pop_front();
    // between files only: a commit every so many passages keeps what a long run has done
    if (changed_since_commit >= commit_every) {
        db.commit();
        changed_since_commit = 0;
    }
}

void IndexWriter::Impl::write(BuiltJob&& built, IndexReport& report) {
    if (!built.error.empty()) throw std::runtime_error("analysis failed: " + built.error);
    PendingFile& file = pending.front();
    if (!file.started) begin_file(file);
    const std::string xf = source_term(file.key);
    for (auto& [id_term, doc] : built.passages) {
        if (std::string theirs = other_source(db, id_term, xf); !theirs.empty()) {
            FilesBySource::File holder = sources.find(db, theirs);
            if (holds_id(holder)) {
                report.problems.push_back(
                    id_refusal(file.shown, id_of_term(id_term), holder.known ? holder.path : "another file"));
                file.refused = true;
                continue;
            }
        }
        db.replace_document(id_term, doc);
        ++report.passages;
        ++changed_since_commit;
    }
    report.bytes_done += file.bytes_per_passage * static_cast<double>(built.passages.size());
    for (const auto& record : built.doc_records) write_document_record(db, record);
    for (const auto& [word, count] : built.words) db.add_spelling(word, count);
    if (--file.jobs_left == 0) end_file(file);
}

IndexWriter::IndexWriter(const std::string& db_path, const WordLists& lists)
    : impl_(new Impl(db_path, lists)) {
    // Word pairs serve phrases only if every passage has them, made with the same stopwords:
    // an index keeps the version and list it was created with, or loses its pairs.
    Xapian::WritableDatabase& db = impl_->db;
    IndexStamp stamp = current_stamp(lists);
    if (db.get_doccount() != 0) {
        IndexStamp had = read_stamp(db);
        stamp.version = had.version.empty() ? "1" : had.version;
        if (had.word_pairs != stamp.word_pairs) stamp.word_pairs.clear();
    }
    write_stamp(db, stamp);
}

IndexWriter::~IndexWriter() = default;

IndexReport IndexWriter::index(const std::vector<fs::path>& files, const IndexOptions& options,
                               const std::atomic<bool>& stop) {
    IndexReport report;
    auto start = Clock::now();
    auto last_shown = start;
    auto elapsed = [&start] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    impl_->remove_stale_bulk_dir();
    impl_->commit_every = std::max<std::size_t>(1, options.commit_every);
    if (impl_->bulk_wanted(files, options, threads)) {
        impl_->bulk_load(files, options, threads, stop, report);
        report.seconds = elapsed();
        return report;
    }
    AnalysisPool pool(threads, &impl_->extractor, impl_->lists);
    auto drain = [&](bool wait) {
        while (auto built = pool.next(wait)) impl_->write(std::move(*built), report);
    };
    DocOwners owners(&impl_->db);
    auto tell_progress = [&](std::size_t files_done) { // about every 250 ms, within a large file too
        if (Clock::now() - last_shown < std::chrono::milliseconds(250)) return;
        tell(options, IndexEvent::progress, report, files_done);
        last_shown = Clock::now();
    };
    for (std::size_t i = 0; i < files.size() && !stop; ++i) {
        auto jobs = impl_->prepare(files[i], options, owners, report, i + 1);
        if (jobs) {
            for (auto& job : *jobs) {
                while (!pool.try_submit(job)) {
                    impl_->write(std::move(*pool.next(true)), report);
                    tell_progress(i);
                }
                drain(false);
                tell_progress(i);
            }
            std::error_code ec;
            auto size = fs::file_size(files[i], ec); // the file may have gone since it was read
            report.bytes += ec ? 0 : size;
            ++report.files_indexed;
            tell(options, IndexEvent::indexed, report, i + 1, files[i]);
        }
        tell_progress(i + 1);
    }
    drain(true);
    // pruning and the speaker passes change many files' passages: one transaction, so no
    // commit falls in their middle
    impl_->db.begin_transaction(false);
    if (options.prune == Prune::yes && !stop) impl_->prune(report, options, files.size());
    if (report.files_indexed + report.files_pruned > 0) {
        unify_speakers(impl_->db, impl_->extractor.speakers().name_rules());
        link_speaker_scripts(impl_->db);
        link_versions(impl_->db);
    } else if (!versions_linked(impl_->db) && impl_->db.get_doccount() > 0) {
        link_versions(impl_->db); // an index from before the version pass
    }
    impl_->db.commit_transaction();
    impl_->db.commit();
    report.seconds = elapsed();
    return report;
}

} // namespace mahdar
