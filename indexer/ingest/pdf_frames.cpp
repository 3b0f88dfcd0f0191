#include "ingest/pdf_frames.h"

#include <algorithm>
#include <cmath>

namespace mahdar {
namespace {

bool starts_right(const PdfLine& l, const Frame& f) {
    return f.flush == Flush::both ? l.rtl : f.flush == Flush::right;
}

} // namespace

double usual_line_gap(const PdfPage& page) {
    std::vector<double> gaps;
    for (std::size_t i = 1; i < page.lines.size(); ++i) {
        const auto &a = page.lines[i - 1], &b = page.lines[i];
        if (std::abs(a.column_left - b.column_left) < 2 && b.top > a.top && std::abs(a.size - b.size) < 0.5)
            gaps.push_back(b.top - a.bottom);
    }
    if (gaps.size() < 3) return 0.1 * (page.lines.empty() ? 10 : page.lines.front().size);
    std::sort(gaps.begin(), gaps.end());
    return gaps[gaps.size() / 4];
}

std::vector<Frame> page_frames(const PdfPage& page, const std::vector<bool>& body) {
    std::vector<Frame> out(page.lines.size());
    std::vector<bool> done(page.lines.size(), false);
    for (std::size_t i = 0; i < page.lines.size(); ++i) {
        if (done[i]) continue;
        const PdfLine& first = page.lines[i];
        std::vector<std::size_t> column, in_body;
        for (std::size_t k = i; k < page.lines.size(); ++k) {
            const PdfLine& l = page.lines[k];
            if (std::abs(l.column_left - first.column_left) >= 2 ||
                std::abs(l.column_right - first.column_right) >= 2)
                continue;
            done[k] = true;
            column.push_back(k);
            if (body[k]) in_body.push_back(k);
        }
        Frame f{first.column_left, first.column_right, Flush::both};
        if (!in_body.empty()) {
            f.left = f.right = 0;
            for (std::size_t n = 0; n < in_body.size(); ++n) {
                const PdfLine& l = page.lines[in_body[n]];
                f.left = n == 0 ? l.left : std::min(f.left, l.left);
                f.right = n == 0 ? l.right : std::max(f.right, l.right);
            }
            std::size_t at_left = 0, at_right = 0;
            for (auto k : in_body) {
                const PdfLine& l = page.lines[k];
                at_left += l.left < f.left + 0.5 * l.size;
                at_right += l.right > f.right - 0.5 * l.size;
            }
            if (at_left >= 3 && at_left > 2 * at_right) f.flush = Flush::left;
            if (at_right >= 3 && at_right > 2 * at_left) f.flush = Flush::right;
        }
        for (auto k : column) out[k] = f;
    }
    return out;
}

bool full_line(const PdfLine& l, const Frame& f) {
    double slack = 2.5 * l.size;
    return starts_right(l, f) ? l.left <= f.left + slack : l.right >= f.right - slack;
}

bool indented(const PdfLine& l, const Frame& f) {
    double in = 0.9 * l.size;
    return starts_right(l, f) ? l.right < f.right - in : l.left > f.left + in;
}

} // namespace mahdar
