#include "ingest/pdf_glyphs.h"

#include <algorithm>
#include <cmath>

namespace mahdar {
namespace {

bool drawn_left_to_right(const PdfRun& r) {
    return r.glyphs.size() < 2 || r.glyphs.front().left <= r.glyphs.back().left + 0.01;
}

bool is_arabic_letter(char32_t c) { return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3); }

// g[i] is a mark drawn before the letter it sits on: one that does not move the pen (a box
// of no width that is not an equal share of its letter's: poppler shares a glyph's box among
// the characters it stands for), or one that follows no letter.
bool mark_before_letter(const std::vector<PdfGlyph>& g, std::size_t i, double size) {
    if (!is_arabic_mark(g[i].c)) return false;
    std::size_t b = i;
    while (b > 0 && is_arabic_mark(g[b - 1].c)) --b;
    if (b == 0 || !is_arabic_letter(g[b - 1].c)) return true;
    double width = g[i].right - g[i].left;
    return width <= 0.02 * size && std::abs((g[b - 1].right - g[b - 1].left) - width) > 0.01;
}

// Marks ending run `a` that belong to the first letter of `b`, the next run on the line;
// `before` is the run before `a`, if any.
void carry_marks(const PdfRun* before, PdfRun& a, PdfRun& b) {
    auto& g = a.glyphs;
    std::size_t k = g.size();
    while (k > 0 && mark_before_letter(g, k - 1, a.size)) --k;
    if (k == g.size() || !drawn_left_to_right(a) || !drawn_left_to_right(b) ||
        std::abs(a.top - b.top) > 0.35 * a.size || b.glyphs.empty() || !is_arabic_letter(b.glyphs[0].c))
        return;
    double x = g[k].left;
    double letter_left = k > 0 ? g[k - 1].left : before ? before->left : x + 1;
    double letter_right = k > 0 ? g[k - 1].right : before ? before->right : x;
    if (x >= letter_left && x < letter_right - 0.05 * a.size) return; // drawn on the letter before
    if (b.left - x < -0.1 * a.size || b.left - x > 0.5 * a.size) return;
    b.glyphs.insert(b.glyphs.begin(), g.begin() + long(k), g.end()); // b keeps its box
    g.erase(g.begin() + long(k), g.end());
    if (k > 0) a.right = g.back().right;
}

} // namespace

bool is_arabic_mark(char32_t c) {
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED);
}

void marks_after_their_letters(std::vector<PdfRun>& runs) {
    for (std::size_t i = 0; i + 1 < runs.size(); ++i)
        carry_marks(i > 0 && !runs[i - 1].glyphs.empty() ? &runs[i - 1] : nullptr, runs[i], runs[i + 1]);
    runs.erase(std::remove_if(runs.begin(), runs.end(), [](const PdfRun& r) { return r.glyphs.empty(); }),
               runs.end());
    for (auto& r : runs) {
        if (!drawn_left_to_right(r)) continue;
        auto& g = r.glyphs;
        for (std::size_t b = 0; b < g.size();) {
            std::size_t e = b;
            while (e < g.size() && mark_before_letter(g, e, r.size)) ++e;
            if (e > b && e < g.size() && is_arabic_letter(g[e].c))
                std::rotate(g.begin() + long(b), g.begin() + long(e), g.begin() + long(e) + 1);
            b = e + 1;
        }
    }
}

} // namespace mahdar
