#include "commands/progress.h"

#include "common/strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace mahdar {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t names_per_reason = 3;

const char* kind_name(IndexEvent::Kind k) {
    switch (k) {
    case IndexEvent::indexed: return "indexed";
    case IndexEvent::unchanged: return "unchanged";
    case IndexEvent::skipped: return "skipped";
    case IndexEvent::pruned: return "pruned";
    case IndexEvent::compacting: return "compacting";
    default: return "progress";
    }
}

std::string megabytes(std::uintmax_t bytes) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", static_cast<double>(bytes) / 1e6);
    return b;
}

} // namespace

ProgressView::ProgressView(ProgressStyle style, std::ostream& out, const std::vector<std::filesystem::path>& files,
                           std::chrono::seconds line_every)
    : style_(style), out_(out), total_files_(files.size()), every_(line_every) {
    for (const auto& f : files) {
        std::error_code ec;
        auto size = std::filesystem::file_size(f, ec);
        total_bytes_ += ec ? 0 : size;
    }
    if (style_ == ProgressStyle::bar) every_ = std::chrono::milliseconds(200);
    if (style_ == ProgressStyle::json) every_ = std::chrono::seconds(1);
}

std::string ProgressView::duration_text(double seconds) {
    auto s = static_cast<long>(seconds + 0.5);
    char b[48];
    if (s < 60) std::snprintf(b, sizeof b, "%ld s", s);
    else if (s < 3600) std::snprintf(b, sizeof b, "%ld min %02ld s", s / 60, s % 60);
    else std::snprintf(b, sizeof b, "%ld h %02ld min", s / 3600, (s % 3600) / 60);
    return b;
}

double ProgressView::elapsed() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
}

void ProgressView::start() {
    start_ = last_drawn_ = Clock::now();
    if (style_ == ProgressStyle::json)
        out_ << json{{"event", "start"}, {"files", total_files_}, {"bytes", total_bytes_}}.dump() << '\n' << std::flush;
    else if (style_ == ProgressStyle::lines)
        out_ << "indexing " << total_files_ << (total_files_ == 1 ? " file, " : " files, ") << megabytes(total_bytes_)
             << " MB\n" << std::flush;
}

// "42%  files 120/300  12.3/27.0 MB  1,234 passages/s  2 min 10 s left"
std::string ProgressView::status_text() const {
    double t = elapsed();
    double share = total_bytes_ ? static_cast<double>(done_bytes_) / static_cast<double>(total_bytes_)
                                : (total_files_ ? static_cast<double>(done_files_) / static_cast<double>(total_files_) : 1);
    char b[200];
    std::snprintf(b, sizeof b, "%3.0f%%  files %zu/%zu  %s/%s MB  %.0f passages/s", share * 100, done_files_, total_files_,
                  megabytes(done_bytes_).c_str(), megabytes(total_bytes_).c_str(), t > 0 ? passages_ / t : 0.0);
    std::string s = b;
    if (share > 0 && share < 1 && t >= 1) s += "  " + duration_text(t * (1 - share) / share) + " left";
    return s;
}

void ProgressView::draw(bool force) {
    auto now = Clock::now();
    if (!force && now - last_drawn_ < every_) return;
    last_drawn_ = now;
    if (style_ == ProgressStyle::bar) {
        constexpr int width = 24;
        double share = total_bytes_ ? static_cast<double>(done_bytes_) / static_cast<double>(total_bytes_) : 0;
        int filled = std::clamp(static_cast<int>(share * width + 0.5), 0, width);
        out_ << "\r\x1b[K[" << std::string(static_cast<std::size_t>(filled), '#')
             << std::string(static_cast<std::size_t>(width - filled), '.') << "] " << status_text() << std::flush;
        drawn_ = true;
    } else if (style_ == ProgressStyle::lines) {
        out_ << "indexing: " << status_text() << '\n' << std::flush;
    } else if (style_ == ProgressStyle::json) {
        out_ << json{{"event", "progress"}, {"files_done", done_files_}, {"files", total_files_},
                     {"bytes_done", done_bytes_}, {"bytes", total_bytes_}, {"passages", passages_},
                     {"seconds", elapsed()}}.dump()
             << '\n' << std::flush;
    }
}

void ProgressView::operator()(const IndexEvent& e) {
    passages_ = e.passages;
    done_bytes_ = std::min(e.bytes_done, total_bytes_);
    if (e.kind == IndexEvent::indexed || e.kind == IndexEvent::unchanged || e.kind == IndexEvent::skipped) ++done_files_;
    if (style_ == ProgressStyle::quiet) return;
    bool file_event = e.kind != IndexEvent::progress && e.kind != IndexEvent::compacting;
    if (style_ == ProgressStyle::json && file_event) {
        json j{{"event", "file"}, {"status", kind_name(e.kind)}, {"path", e.path.string()}};
        if (!e.reason.empty()) j["reason"] = e.reason;
        out_ << j.dump() << '\n' << std::flush;
        return;
    }
    if (e.kind == IndexEvent::compacting) {
        if (style_ == ProgressStyle::json) out_ << json{{"event", "compacting"}}.dump() << '\n' << std::flush;
        else out_ << (drawn_ ? "\n" : "") << "compacting the shards into the index…\n" << std::flush;
        drawn_ = false;
        return;
    }
    if (e.kind == IndexEvent::pruned && style_ != ProgressStyle::json) {
        out_ << (drawn_ ? "\r\x1b[K" : "") << "pruned: " << e.path.string() << '\n' << std::flush;
        return;
    }
    draw(false);
}

void ProgressView::finish(const IndexReport& r, const std::string& outcome) {
    if (style_ == ProgressStyle::json) {
        json skipped = json::object();
        for (const auto& [reason, files] : r.skipped) skipped[reason] = files;
        out_ << json{{"event", outcome},
                     {"indexed", r.files_indexed},
                     {"unchanged", r.files_unchanged},
                     {"skipped", r.files_skipped},
                     {"pruned", r.files_pruned},
                     {"passages", r.passages},
                     {"bytes", r.bytes},
                     {"seconds", r.seconds},
                     {"skipped_by_reason", skipped},
                     {"problems", r.problems},
                     {"notes", r.notes}}.dump()
             << '\n' << std::flush;
        return;
    }
    if (drawn_) out_ << "\r\x1b[K";
    for (const auto& n : r.notes) out_ << "note: " << n << '\n';
    for (const auto& p : r.problems) out_ << "skipped: " << p << '\n';
    double mb = static_cast<double>(r.bytes) / 1e6;
    char line[300];
    std::snprintf(line, sizeof line,
                  "%s: files %zu indexed, %zu unchanged, %zu skipped, %zu pruned; passages %zu; "
                  "%.2f MB in %.2f s (%.2f MB/s)\n",
                  outcome.c_str(), r.files_indexed, r.files_unchanged, r.files_skipped, r.files_pruned, r.passages, mb,
                  r.seconds, r.seconds > 0 ? mb / r.seconds : 0.0);
    out_ << line;
    if (!r.skipped.empty()) {
        out_ << "skipped by reason:\n";
        for (const auto& [reason, files] : r.skipped) {
            out_ << "  " << reason << ": " << files.size() << " (";
            for (std::size_t i = 0; i < files.size() && i < names_per_reason; ++i) out_ << (i ? ", " : "") << files[i];
            out_ << (files.size() > names_per_reason ? ", …)\n" : ")\n");
        }
    }
    // Lines, pages or sidecars passed over inside files that were indexed.
    std::vector<std::string> parts;
    for (const auto& p : r.problems)
        if (!ends_with(p, "; skipped")) parts.push_back(p.substr(0, p.find(": ")));
    if (!parts.empty()) {
        out_ << "passed over inside indexed files: " << parts.size() << " (";
        for (std::size_t i = 0; i < parts.size() && i < names_per_reason; ++i) out_ << (i ? ", " : "") << parts[i];
        out_ << (parts.size() > names_per_reason ? ", …)\n" : ")\n");
    }
    out_ << std::flush;
}

} // namespace mahdar
