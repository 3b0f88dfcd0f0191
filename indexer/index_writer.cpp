#include "index_writer.h"

#include "index_writer_impl.h"
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

IndexWriter::IndexWriter(const std::string& db_path)
    : impl_(new Impl(db_path)) {
    if (impl_->db.get_metadata(std::string(schema::meta_version)) != schema::version)
        impl_->db.set_metadata(std::string(schema::meta_version), std::string(schema::version));
}

IndexWriter::~IndexWriter() = default;

IndexReport IndexWriter::index(const std::vector<fs::path>& files, const IndexOptions& options,
                               const std::atomic<bool>& stop, std::ostream& log) {
    IndexReport report;
    auto start = Clock::now();
    auto last_shown = start;
    auto elapsed = [&start] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    if (impl_->bulk_wanted(files, options, threads)) {
        impl_->bulk_load(files, options, threads, stop, report, log);
        report.seconds = elapsed();
        return report;
    }
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
        std::string key = file_key(files[i]);
        std::string record = impl_->db.get_metadata(key);
        if (record.substr(0, record.find('\t')) == src.content_hash) {
            ++report.files_unchanged;
            continue;
        }
        if (!record.empty()) impl_->remove_file(key);
        std::string record_value = file_record(src);
        auto jobs = jobs_for(src, source_term(key), options.job_passages);
        impl_->pending.push_back({key, std::move(record_value), jobs.size()});
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
