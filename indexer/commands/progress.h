// How a run of the indexer shows itself: a progress bar on a terminal, a plain line every few
// seconds in a log, one JSON object per event for scripts, or nothing; then the summary.
#pragma once

#include "write/index_writer.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace mahdar {

enum class ProgressStyle { bar, lines, json, quiet };

/// Renders IndexEvents to `out` (stderr in the indexer). The share done and the time left are
/// by bytes (IndexEvent::bytes_done of the files' total), so a large file weighs as much as it
/// takes, and one large file shows its progress too.
class ProgressView {
public:
    ProgressView(ProgressStyle style, std::ostream& out, const std::vector<std::filesystem::path>& files,
                 std::chrono::seconds line_every = std::chrono::seconds(5));

    void start();
    void operator()(const IndexEvent& e);
    /// The end-of-run summary: what was indexed, unchanged, pruned and skipped by reason (the
    /// first few files of each), time and rate. `outcome`: "done" or "interrupted".
    void finish(const IndexReport& r, const std::string& outcome);

    /// "3 min 20 s", "45 s", "1 h 05 min".
    static std::string duration_text(double seconds);

private:
    double elapsed() const;
    std::string status_text() const;
    void draw(bool force);

    ProgressStyle style_;
    std::ostream& out_;
    std::uintmax_t total_bytes_ = 0, done_bytes_ = 0;
    std::size_t total_files_ = 0, done_files_ = 0, passages_ = 0;
    std::chrono::steady_clock::time_point start_, last_drawn_;
    std::chrono::milliseconds every_;
    bool drawn_ = false;
};

} // namespace mahdar
