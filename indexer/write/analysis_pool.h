// Parallel analysis for the indexer: threads turn documents into Xapian documents while the
// one writer thread (Xapian allows one) adds them to the database in order.
#pragma once

#include "format/passage.h"
#include "format/record.h"
#include "text/stopwords.h"

#include <xapian.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace mahdar {

class Extractor;

/// Documents of one source file to analyse; a file's documents may come in several jobs.
struct AnalysisJob {
    std::vector<Document> documents;
    std::string source_term; ///< the XF term every passage of the file carries
};

/// A job's output, ready for the writer.
struct BuiltJob {
    std::vector<std::pair<std::string, Xapian::Document>> passages; ///< (Q term, document)
    std::vector<DocumentRecord> doc_records;                         ///< one per document
    std::unordered_map<std::string, Xapian::termcount> words;       ///< for the spelling table
    std::string error; ///< non-empty: analysis failed (the message), nothing else is set
};

/// Runs enrich() and build_document() on jobs in `threads` worker threads, each with its own
/// Analyzer; the Extractor is shared (it is const and thread-safe). Results come back in the
/// order jobs were submitted. submit() and next() are for one thread (the writer) only.
class AnalysisPool {
public:
    AnalysisPool(unsigned threads, const Extractor* extractor, const WordLists& lists);
    ~AnalysisPool();
    AnalysisPool(const AnalysisPool&) = delete;
    AnalysisPool& operator=(const AnalysisPool&) = delete;

    /// Queues a job; returns false (without queuing) when `max_in_flight` jobs are unfinished
    /// or unclaimed, so the writer can drain results first.
    bool try_submit(AnalysisJob& job);

    /// The next result in submission order: waits for it when `wait`, else returns nullopt if
    /// it is not ready. Returns nullopt when nothing is pending.
    std::optional<BuiltJob> next(bool wait);

private:
    void work();

    const Extractor* extractor_;
    const WordLists& lists_;
    const std::uint64_t max_in_flight_;
    std::mutex mutex_;
    std::condition_variable job_ready_, result_ready_;
    std::deque<std::pair<std::uint64_t, AnalysisJob>> jobs_;
    std::map<std::uint64_t, BuiltJob> results_;
    std::uint64_t next_to_submit_ = 0, next_to_take_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

/// Turns one job into Xapian documents (what a worker does); `analyzer` must be the caller's.
BuiltJob build_job(AnalysisJob& job, class Analyzer& analyzer, const Extractor* extractor);

} // namespace mahdar
