#include "index_writer.h"

#include "analysis_pool.h"
#include "extract.h"
#include "schema.h"
#include "sources.h"
#include "speaker_pass.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <ostream>
#include <stdexcept>
#include <thread>

namespace mahdar {
namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct IndexWriter::Impl {
    explicit Impl(const std::string& path) : db(path, Xapian::DB_CREATE_OR_OPEN) {}
    Xapian::WritableDatabase db;
    ReferenceData data{};
    Extractor extractor{data};

    // The metadata value of a file: its content hash, then the ids of its documents.
    static std::string file_record(const SourceFile& src) {
        std::string v = src.content_hash;
        for (const auto& d : src.documents) v += '\t' + d.doc_id;
        return v;
    }

    static std::string file_key(const fs::path& p) {
        std::error_code ec;
        fs::path abs = fs::weakly_canonical(p, ec);
        return std::string(schema::meta_file) + (ec ? p.string() : abs.string());
    }

    static std::string source_term(const std::string& key) {
        return schema::term(schema::source, fnv1a_hex(key));
    }

    void remove_file(const std::string& key) {
        std::string record = db.get_metadata(key);
        for (size_t tab = record.find('\t'); tab != std::string::npos;) {
            size_t next = record.find('\t', tab + 1);
            db.set_metadata(std::string(schema::meta_doc) + record.substr(tab + 1, next - tab - 1), "");
            tab = next;
        }
        db.delete_document(source_term(key));
        db.set_metadata(key, "");
    }

    // A file's record is stored once all of its jobs are written, so an interrupted run never
    // marks a half-written file as done.
    struct PendingFile {
        std::string key, record;
        std::size_t jobs_left;
    };
    std::deque<PendingFile> pending;

    void write(BuiltJob&& built, IndexReport& report) {
        if (!built.error.empty()) throw std::runtime_error("analysis failed: " + built.error);
        for (auto& [id_term, doc] : built.passages) {
            db.replace_document(id_term, doc);
            ++report.passages;
        }
        for (const auto& [doc_id, record] : built.doc_records)
            db.set_metadata(std::string(schema::meta_doc) + doc_id, record);
        for (const auto& [word, count] : built.words) db.add_spelling(word, count);
        PendingFile& file = pending.front();
        if (--file.jobs_left == 0) {
            db.set_metadata(file.key, file.record);
            pending.pop_front();
        }
    }

    // Splits a file's documents into jobs of about `chunk` passages (whole documents).
    static std::vector<AnalysisJob> jobs_for(SourceFile& src, const std::string& xf, std::size_t chunk) {
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

    void prune(IndexReport& report, std::ostream& log) {
        std::vector<std::string> gone;
        for (auto it = db.metadata_keys_begin(std::string(schema::meta_file));
             it != db.metadata_keys_end(std::string(schema::meta_file)); ++it) {
            std::string key = *it;
            if (!fs::exists(key.substr(schema::meta_file.size()))) gone.push_back(key);
        }
        for (const auto& key : gone) {
            remove_file(key);
            ++report.files_pruned;
            log << "pruned: " << key.substr(schema::meta_file.size()) << '\n';
        }
    }
};

IndexWriter::IndexWriter(const std::string& db_path)
    : impl_(new Impl(db_path)) {
    if (impl_->db.get_metadata(std::string(schema::meta_version)) != schema::version)
        impl_->db.set_metadata(std::string(schema::meta_version), std::string(schema::version));
}

IndexWriter::~IndexWriter() = default;

namespace {

void show_progress(std::ostream& log, const IndexReport& r, std::size_t done, std::size_t total,
                   double seconds) {
    char line[160];
    double mb = r.bytes / 1e6;
    std::snprintf(line, sizeof line, "\rfiles %zu/%zu  passages %zu  %.1f MB  %.2f MB/s   ", done,
                  total, r.passages, mb, seconds > 0 ? mb / seconds : 0.0);
    log << line << std::flush;
}

} // namespace

IndexReport IndexWriter::index(const std::vector<fs::path>& files, const IndexOptions& options,
                               const std::atomic<bool>& stop, std::ostream& log) {
    IndexReport report;
    auto start = Clock::now();
    auto last_shown = start;
    auto elapsed = [&start] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    AnalysisPool pool(threads, &impl_->extractor);
    auto drain = [&](bool wait) {
        while (auto built = pool.next(wait)) impl_->write(std::move(*built), report);
    };
    for (std::size_t i = 0; i < files.size() && !stop; ++i) {
        SourceFile src = read_source(files[i]);
        for (const auto& w : src.warnings) report.problems.push_back(w);
        if (!src.error.empty()) {
            report.problems.push_back(files[i].string() + ": " + src.error + "; skipped");
            ++report.files_skipped;
            continue;
        }
        std::string key = Impl::file_key(files[i]);
        std::string record = impl_->db.get_metadata(key);
        if (record.substr(0, record.find('\t')) == src.content_hash) {
            ++report.files_unchanged;
            continue;
        }
        if (!record.empty()) impl_->remove_file(key);
        std::string file_record = Impl::file_record(src);
        auto jobs = Impl::jobs_for(src, Impl::source_term(key), options.job_passages);
        impl_->pending.push_back({key, std::move(file_record), jobs.size()});
        for (auto& job : jobs) {
            while (!pool.try_submit(job)) impl_->write(std::move(*pool.next(true)), report);
            drain(false);
        }
        report.bytes += fs::file_size(files[i]);
        ++report.files_indexed;
        if (options.progress == Progress::terminal &&
            Clock::now() - last_shown > std::chrono::milliseconds(250)) {
            show_progress(log, report, i + 1, files.size(), elapsed());
            last_shown = Clock::now();
        }
    }
    drain(true);
    if (options.prune == Prune::yes && !stop) impl_->prune(report, log);
    if (report.files_indexed + report.files_pruned > 0)
        unify_speakers(impl_->db, impl_->extractor.speakers().name_rules());
    impl_->db.commit();
    if (options.progress == Progress::terminal) log << '\n';
    report.seconds = elapsed();
    return report;
}

} // namespace mahdar
