#include "ingest/pdf_layout.h"

#include "common/utf8.h"
#include "ingest/arabic_repair.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>
#include <utility>

namespace mahdar {
namespace {

struct Row {
    double top = 0, bottom = 0;
    std::vector<PdfWord> words;
};

double overlap(double a0, double a1, double b0, double b1) {
    return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
}

// Rows: a word joins the row it overlaps vertically by half the smaller height, else it
// starts a row. Words in a font much smaller than the row's (a superscript footnote call)
// are placed after the others and join the row they overlap most.
std::vector<Row> rows_of(std::vector<PdfWord> words) {
    std::vector<double> sizes;
    for (const auto& w : words) sizes.push_back(w.size);
    std::nth_element(sizes.begin(), sizes.begin() + long(sizes.size() / 2), sizes.end());
    double median = sizes.empty() ? 0 : sizes[sizes.size() / 2];
    // Sorted through indices: moving the words themselves costs more than comparing them.
    std::vector<std::size_t> order(words.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
        const PdfWord &a = words[i], &b = words[j];
        bool sa = a.size < 0.8 * median, sb = b.size < 0.8 * median;
        if (sa != sb) return sb;
        return a.top + a.bottom < b.top + b.bottom;
    });
    std::vector<Row> rows;
    for (std::size_t i : order) {
        PdfWord& w = words[i];
        double h = std::max(0.1, w.bottom - w.top);
        bool small = w.size < 0.8 * median;
        Row* best = nullptr;
        double best_overlap = 0;
        for (auto& r : rows) {
            double o = overlap(w.top, w.bottom, r.top, r.bottom);
            double need = small ? 0.25 * h : 0.5 * std::min(h, r.bottom - r.top);
            if (o > need && o > best_overlap) best = &r, best_overlap = o;
        }
        if (!best) {
            rows.push_back({w.top, w.bottom, {}});
            best = &rows.back();
        }
        best->words.push_back(std::move(w));
    }
    for (auto& r : rows)
        std::sort(r.words.begin(), r.words.end(),
                  [](const PdfWord& a, const PdfWord& b) { return a.left < b.left; });
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.top + a.bottom < b.top + b.bottom; });
    return rows;
}

struct Gutter {
    double left = 0, right = 0;
    bool found = false;
};

enum class Side { left, right };

// How many whole points of the page's height the words wholly on one side of the gutter
// cover (int(top) up to int(bottom), exclusive).
std::size_t covered_points(const std::vector<PdfWord>& words, const Gutter& g, Side side) {
    auto on_side = [&](const PdfWord& w) {
        return side == Side::left ? w.right <= g.left + 1 : w.left >= g.right - 1 && w.right > g.left + 1;
    };
    long from = 0, to = 0;
    bool any = false;
    for (const auto& w : words)
        if (on_side(w) && int(w.top) < int(w.bottom)) {
            from = any ? std::min(from, long(int(w.top))) : long(int(w.top));
            to = any ? std::max(to, long(int(w.bottom))) : long(int(w.bottom));
            any = true;
        }
    if (!any) return 0;
    if (to - from <= (1 << 20)) { // a page's height: one flag a point
        std::vector<char> covered(std::size_t(to - from), 0);
        for (const auto& w : words)
            if (on_side(w))
                for (int y = int(w.top); y < int(w.bottom); ++y) covered[std::size_t(y - from)] = 1;
        return std::size_t(std::count(covered.begin(), covered.end(), 1));
    }
    std::vector<int> ys; // words spread over a height no page has (a broken file)
    for (const auto& w : words)
        if (on_side(w))
            for (int y = int(w.top); y < int(w.bottom); ++y) ys.push_back(y);
    std::sort(ys.begin(), ys.end());
    return std::size_t(std::unique(ys.begin(), ys.end()) - ys.begin());
}

// The widest band of the middle half of the text area that words covering at most 10% of
// the text's height cross, accepted when the words wholly on each side of it cover a quarter
// of that height or more.
Gutter find_gutter(const std::vector<PdfWord>& words, double text_left, double text_right) {
    Gutter g;
    if (words.size() < 20 || text_right - text_left < 100) return g;
    int bins = int(text_right - text_left) + 1;
    std::vector<double> cover(std::size_t(bins), 0);
    double top = words.front().top, bottom = words.front().bottom;
    for (const auto& w : words) {
        top = std::min(top, w.top), bottom = std::max(bottom, w.bottom);
        for (int x = std::max(0, int(w.left - text_left)); x <= int(w.right - text_left) && x < bins; ++x)
            cover[std::size_t(x)] += w.bottom - w.top;
    }
    double height = bottom - top, limit = 0.1 * height;
    int from = int(bins * 0.25), to = int(bins * 0.75), best_len = 0, best_at = 0;
    for (int x = from; x < to;) {
        if (cover[std::size_t(x)] > limit) {
            ++x;
            continue;
        }
        int y = x;
        while (y < to && cover[std::size_t(y)] <= limit) ++y;
        if (y - x > best_len) best_len = y - x, best_at = x;
        x = y;
    }
    if (best_len < 6) return g;
    g.left = text_left + best_at;
    g.right = g.left + best_len;
    double l = covered_points(words, g, Side::left), r = covered_points(words, g, Side::right);
    double line = 0;
    for (const auto& w : words) line += w.bottom - w.top;
    line /= double(words.size());
    g.found = l >= 4 * line && r >= 4 * line && std::min(l, r) >= 0.3 * std::max(l, r);
    return g;
}

PdfLine make_line(const std::vector<PdfWord>& words, double column_left, double column_right) {
    PdfLine line;
    line.text = line_text(words);
    line.left = words.front().left;
    line.right = words.front().right;
    line.top = words.front().top;
    line.bottom = words.front().bottom;
    std::vector<std::pair<double, std::size_t>> sizes; // font size → characters
    std::size_t bold = 0, all = 0, rtl = 0;
    for (const auto& w : words) {
        line.left = std::min(line.left, w.left);
        line.right = std::max(line.right, w.right);
        line.top = std::min(line.top, w.top);
        line.bottom = std::max(line.bottom, w.bottom);
        double size = std::round(w.size * 2) / 2;
        auto at = std::find_if(sizes.begin(), sizes.end(), [&](const auto& s) { return !(s.first < size) && !(size < s.first); });
        if (at == sizes.end()) sizes.emplace_back(size, w.text.size());
        else at->second += w.text.size();
        all += w.text.size();
        if (w.bold) bold += w.text.size();
        if (w.rtl) rtl += w.text.size();
    }
    line.size = std::min_element(sizes.begin(), sizes.end(), [](auto& a, auto& b) {
                    return a.second != b.second ? a.second > b.second : a.first < b.first;
                })->first;
    line.bold = bold * 2 > all;
    line.rtl = rtl * 2 > all;
    line.column_left = column_left;
    line.column_right = column_right;
    return line;
}

bool has_haraka(const std::string& text) {
    // U+064B–U+0652 are D9 8B – D9 92 in UTF-8.
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if ((unsigned char)text[i] == 0xD9 && (unsigned char)text[i + 1] >= 0x8B &&
            (unsigned char)text[i + 1] <= 0x92)
            return true;
    return false;
}

bool is_haraka(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670; }

// The byte offset in `word` (visual order) after the letter drawn at `x` and the harakat
// after it; the letter is guessed by dividing the word's box among its letters.
std::size_t after_letter_at(const PdfWord& word, double x) {
    std::size_t letters = 0;
    for (std::size_t pos = 0; pos < word.text.size();) letters += !is_haraka(next_code_point(word.text, pos));
    double width = std::max(0.01, word.right - word.left);
    auto want = std::size_t(std::clamp((x - word.left) / width * double(letters), 0.0, double(letters) - 1));
    std::size_t seen = 0, pos = 0;
    while (pos < word.text.size()) {
        std::size_t at = pos;
        bool letter = !is_haraka(next_code_point(word.text, pos));
        if (letter && seen++ > want) return at;
    }
    return pos;
}

// A haraka drawn as a word of its own (LibreOffice's) put after the letter it sits on.
// LibreOffice draws a mark at the left edge of its letter: inside the box of the word on its
// left, it goes with the letter drawn there ("الأُمَم" drawn as "م", "م", "َ", "لأُ", "ا": the
// fatha on the second "م"); else with the first letter drawn of the word on its right, the
// end of that word when read (a tanween just left of its final alef).
std::vector<PdfWord> attach_lone_marks(const std::vector<PdfWord>& words) {
    std::vector<PdfWord> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const PdfWord& w = words[i];
        bool lone = w.rtl && !w.text.empty() && w.text.size() <= 6 && has_haraka(w.text) &&
                    !has_arabic(w.text);
        if (lone && !out.empty() && out.back().rtl && has_arabic(out.back().text) &&
            w.left >= out.back().left && w.left < out.back().right - 0.01 * w.size) {
            PdfWord& left = out.back();
            left.text.insert(after_letter_at(left, w.left), w.text);
            continue;
        }
        if (!lone || i + 1 >= words.size() || !words[i + 1].rtl) {
            out.push_back(w);
            continue;
        }
        PdfWord next = words[++i];
        std::size_t first = 0;
        next_code_point(next.text, first);
        next.text.insert(first, w.text);
        out.push_back(std::move(next));
    }
    return out;
}

// `call` is a footnote call of `word`: 1 to 3 digits in a smaller font, raised, touching it.
bool footnote_call(const PdfWord& word, const PdfWord& call) {
    if (call.text.empty() || call.text.size() > 6 || call.size > 0.85 * word.size ||
        call.bottom > word.bottom - 0.1 * word.size)
        return false;
    double gap = std::max(call.left - word.right, word.left - call.right);
    if (gap > 0.1 * word.size) return false;
    for (std::size_t pos = 0; pos < call.text.size();) {
        char32_t c = next_code_point(call.text, pos);
        if (!(c >= '0' && c <= '9') && !(c >= 0x0660 && c <= 0x0669)) return false;
    }
    return true;
}

// Digits as superscript digits: shown as printed, and apart from the word for search
// ("Forum¹" is the word "forum"; "Forum1" would be a word of its own).
std::string superscript(const std::string& digits) {
    static const char32_t sup[] = {0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079};
    std::string out;
    for (std::size_t pos = 0; pos < digits.size();) {
        char32_t c = next_code_point(digits, pos);
        append_utf8(out, sup[c >= 0x0660 ? c - 0x0660 : c - '0']);
    }
    return out;
}

// The first code point of `text` and the one after it (0 where there is none).
std::pair<char32_t, char32_t> first_two(const std::string& text) {
    std::size_t pos = 0;
    char32_t a = pos < text.size() ? next_code_point(text, pos) : 0;
    char32_t b = pos < text.size() ? next_code_point(text, pos) : 0;
    return {a, b};
}

// An Arabic letter that does not join the letter after it (ء آ أ ؤ إ ا ة د ذ ر ز و ٱ).
bool joins_no_next(char32_t c) {
    static constexpr std::u32string_view letters = U"\u0621\u0622\u0623\u0624\u0625\u0627\u0629\u062F\u0630\u0631\u0632\u0648\u0671";
    return c != 0 && letters.find(c) != std::u32string_view::npos;
}

// Whether two Arabic pieces of a line, `left` and `right` as drawn, `gap` apart, are one
// word: poppler cuts a word where the font spaces its letters apart. Chromium draws a letter
// with a haraka apart (a cut closer than the line's word spaces, a haraka on either side),
// but a tanween ends a word unless an alef follows it ("شكرًا"); fonts space the letter after
// one that does not join it (Amiri's "ر" + "ي"): a cut well under the line's word spaces.
bool one_word(const PdfWord& left, const PdfWord& right, double gap, double usual_gap) {
    if (!left.rtl || !right.rtl) return false;
    auto [last, mark] = first_two(right.text); // read last, where the cut is
    bool tanween = mark >= 0x064B && mark <= 0x064D;
    std::string_view l = left.text;
    std::size_t from = l.size();
    while (from > 0 && (static_cast<unsigned char>(l[from - 1]) & 0xC0) == 0x80) --from;
    bool alef_next = l.substr(from) == "\u0627";
    if (joins_no_next(last) && gap < 0.55 * usual_gap) return true;
    if (tanween && !alef_next) return false;
    return (has_haraka(left.text) || has_haraka(right.text)) && gap < 0.85 * usual_gap;
}

} // namespace

std::string line_text(const std::vector<PdfWord>& all_words) {
    bool any_rtl = std::any_of(all_words.begin(), all_words.end(), [](const PdfWord& w) { return w.rtl; });
    std::vector<PdfWord> attached;
    if (any_rtl) attached = attach_lone_marks(all_words); // only Arabic words change
    const std::vector<PdfWord>& words = any_rtl ? attached : all_words;
    std::size_t rtl_chars = 0, all_chars = 0;
    std::string visual;
    visual.reserve(std::accumulate(words.begin(), words.end(), words.size(),
                                   [](std::size_t n, const PdfWord& w) { return n + w.text.size(); }));
    double usual_gap = 0; // only Arabic pieces are compared with it
    if (any_rtl) {
        std::vector<double> gaps;
        for (std::size_t i = 1; i < words.size(); ++i) gaps.push_back(words[i].left - words[i - 1].right);
        std::sort(gaps.begin(), gaps.end());
        usual_gap = gaps.empty() ? 0 : gaps[gaps.size() / 2];
    }
    const PdfWord* prev = nullptr;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const PdfWord& w = words[i];
        // Words that touch are one (a footnote call after its word, a change of font); so are
        // Arabic pieces of one word (one_word).
        if (prev) {
            double gap = w.left - prev->right;
            if (gap > 0.1 * std::max(w.size, prev->size) && !one_word(*prev, w, gap, usual_gap))
                visual += ' ';
        }
        prev = &w;
        bool call = (i > 0 && footnote_call(words[i - 1], w)) || (i + 1 < words.size() && footnote_call(words[i + 1], w));
        visual += call ? superscript(w.text) : w.rtl ? brackets_as_read(w.text) : w.text;
        all_chars += w.text.size();
        if (w.rtl) rtl_chars += w.text.size();
    }
    if (!any_rtl) return visual;
    auto direction = rtl_chars * 2 > all_chars ? TextDirection::rtl : TextDirection::ltr;
    return repair_arabic(visual_to_logical(visual, direction));
}

std::vector<PdfLine> page_lines(std::vector<PdfWord> words, double page_height) {
    std::vector<PdfLine> lines;
    if (words.empty()) return lines;
    double text_left = words.front().left, text_right = words.front().right;
    std::size_t rtl = 0, all = 0;
    for (const auto& w : words) {
        text_left = std::min(text_left, w.left);
        text_right = std::max(text_right, w.right);
        all += w.text.size();
        if (w.rtl) rtl += w.text.size();
    }
    // Words in the top and bottom 8% of the page (running headers and footers) span it.
    std::vector<PdfWord> margins, body;
    for (auto& w : words)
        (page_height > 0 && (w.bottom < 0.08 * page_height || w.top > 0.92 * page_height) ? margins : body)
            .push_back(std::move(w));
    words = std::move(body);
    Gutter g = find_gutter(words, text_left, text_right);
    if (!g.found) {
        words.insert(words.end(), margins.begin(), margins.end());
        std::vector<Row> rows = rows_of(std::move(words));
        lines.reserve(rows.size()); // the document keeps every page's lines: no spare room
        for (auto& r : rows) lines.push_back(make_line(r.words, text_left, text_right));
        return lines;
    }
    // Rows crossing the gutter span the page (with the words on their line); the other words
    // are read column by column between two spanning rows.
    std::vector<PdfWord> spanning, left, right;
    for (auto& w : words)
        (w.left < g.right - 1 && w.right > g.left + 1 ? spanning : w.right <= g.left + 1 ? left : right)
            .push_back(std::move(w));
    spanning.insert(spanning.end(), margins.begin(), margins.end());
    std::vector<Row> spans = rows_of(std::move(spanning));
    for (auto* side : {&left, &right}) {
        std::vector<PdfWord> rest;
        for (auto& w : *side) {
            Row* in = nullptr;
            for (auto& r : spans)
                if (overlap(w.top, w.bottom, r.top, r.bottom) > 0.5 * (w.bottom - w.top)) in = &r;
            if (in) in->words.push_back(std::move(w));
            else rest.push_back(std::move(w));
        }
        *side = std::move(rest);
    }
    for (auto& r : spans)
        std::sort(r.words.begin(), r.words.end(),
                  [](const PdfWord& a, const PdfWord& b) { return a.left < b.left; });
    std::vector<Row> left_rows = rows_of(std::move(left)), right_rows = rows_of(std::move(right));
    bool rtl_page = rtl * 2 > all;
    auto& first = rtl_page ? right_rows : left_rows;
    auto& second = rtl_page ? left_rows : right_rows;
    double first_l = rtl_page ? g.right : text_left, first_r = rtl_page ? text_right : g.left;
    double second_l = rtl_page ? text_left : g.right, second_r = rtl_page ? g.left : text_right;
    lines.reserve(first.size() + second.size() + spans.size());
    std::size_t i = 0, j = 0;
    auto centre = [](const Row& r) { return (r.top + r.bottom) / 2; };
    for (std::size_t s = 0; s <= spans.size(); ++s) {
        double until = s < spans.size() ? centre(spans[s]) : 1e300;
        for (; i < first.size() && centre(first[i]) < until; ++i)
            lines.push_back(make_line(first[i].words, first_l, first_r));
        for (; j < second.size() && centre(second[j]) < until; ++j)
            lines.push_back(make_line(second[j].words, second_l, second_r));
        if (s < spans.size()) lines.push_back(make_line(spans[s].words, text_left, text_right));
    }
    return lines;
}

} // namespace mahdar
