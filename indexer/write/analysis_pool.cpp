#include "write/analysis_pool.h"

#include "extract/enrich.h"
#include "format/document_builder.h"
#include "format/schema.h"
#include "text/analyzer.h"

#include <chrono>

namespace mahdar {

BuiltJob build_job(AnalysisJob& job, Analyzer& analyzer, const Extractor* extractor) {
    BuiltJob out;
    std::vector<std::string> words;
    // Every passage written now says so: the Atom feed lists the newest indexed first.
    auto now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    for (auto& doc : job.documents) {
        enrich(doc, extractor);
        for (const auto& p : doc.passages) {
            Xapian::Document xd = build_document(p, analyzer, &words);
            xd.add_boolean_term(job.source_term);
            xd.add_value(schema::slot_indexed, schema::indexed_value(now));
            out.passages.emplace_back(schema::term(schema::id, p.id), std::move(xd));
        }
        out.doc_records.push_back(document_record(doc));
    }
    for (auto& w : words) ++out.words[std::move(w)];
    return out;
}

AnalysisPool::AnalysisPool(unsigned threads, const Extractor* extractor, const WordLists& lists)
    : extractor_(extractor), lists_(lists), max_in_flight_(4 * std::max(1u, threads)) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i) threads_.emplace_back(&AnalysisPool::work, this);
}

AnalysisPool::~AnalysisPool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    job_ready_.notify_all();
    for (auto& t : threads_) t.join();
}

bool AnalysisPool::try_submit(AnalysisJob& job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (next_to_submit_ - next_to_take_ >= max_in_flight_) return false;
        jobs_.emplace_back(next_to_submit_++, std::move(job));
    }
    job_ready_.notify_one();
    return true;
}

std::optional<BuiltJob> AnalysisPool::next(bool wait) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (next_to_take_ == next_to_submit_) return std::nullopt;
    if (wait) result_ready_.wait(lock, [this] { return results_.count(next_to_take_) > 0; });
    auto it = results_.find(next_to_take_);
    if (it == results_.end()) return std::nullopt;
    BuiltJob out = std::move(it->second);
    results_.erase(it);
    ++next_to_take_;
    return out;
}

void AnalysisPool::work() {
    Analyzer analyzer(lists_);
    for (;;) {
        std::pair<std::uint64_t, AnalysisJob> job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            job_ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (stopping_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        BuiltJob built;
        try {
            built = build_job(job.second, analyzer, extractor_);
        } catch (const Xapian::Error& e) {
            built.error = e.get_description();
        } catch (const std::exception& e) {
            built.error = e.what();
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            results_.emplace(job.first, std::move(built));
        }
        result_ready_.notify_all();
    }
}

} // namespace mahdar
