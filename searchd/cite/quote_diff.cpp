#include "cite/quote_diff.h"

#include "text/normalise.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_set>

namespace mahdar {
namespace {

constexpr int edit_cost = 1;
// Above this many cells the source is cut to a window around the draft's words.
constexpr std::size_t max_cells = 1u << 22;

constexpr std::string_view ellipsis = "\xE2\x80\xA6";
constexpr std::string_view soft_hyphen = "\xC2\xAD";

bool has_ellipsis(std::string_view gap) {
    return gap.find(ellipsis) != std::string_view::npos ||
           gap.find("...") != std::string_view::npos;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Whitespace holding a line break, after "-", U+2010 or a soft hyphen ending the first word.
bool is_line_end_hyphen(std::string_view gap, std::string_view before) {
    std::size_t pos = 0;
    if (gap.substr(0, 1) == "-")
        pos = 1;
    else if (gap.substr(0, 3) == "\xE2\x80\x90")
        pos = 3;
    else if (before.size() < 2 || before.substr(before.size() - 2) != soft_hyphen)
        return false;
    bool newline = false;
    for (; pos < gap.size(); ++pos) {
        if (!is_blank(gap[pos])) return false;
        newline = newline || gap[pos] == '\n';
    }
    return newline;
}

// The tail of a hyphenated word starts in lower case, or the whole text is in capitals.
bool may_continue(std::string_view head, std::string_view tail) {
    std::size_t pos = 0;
    if (u_islower(static_cast<UChar32>(next_code_point(tail, pos)))) return true;
    for (pos = 0; pos < head.size();)
        if (u_islower(static_cast<UChar32>(next_code_point(head, pos)))) return false;
    return true;
}

enum Step : std::uint8_t { start, diagonal, draft_only, source_only };

struct Window {
    const QuoteWord* words;
    std::size_t size, offset;
};

// The stretch of the source, at most about twice the draft long, holding most draft words.
Window source_window(const std::vector<QuoteWord>& draft, const std::vector<QuoteWord>& source) {
    std::size_t n = draft.size(), m = source.size();
    if (n * m <= max_cells) return {source.data(), m, 0};
    std::size_t width =
        std::min(m, std::max<std::size_t>(max_cells / std::max<std::size_t>(n, 1), 2 * n + 50));
    std::unordered_set<std::string> keys;
    for (const auto& w : draft) keys.insert(w.key);
    std::size_t best = 0, best_hits = 0, hits = 0;
    for (std::size_t j = 0; j < m; ++j) {
        hits += keys.count(source[j].key);
        if (j >= width) hits -= keys.count(source[j - width].key);
        if (hits > best_hits) {
            best_hits = hits;
            best = j + 1 >= width ? j + 1 - width : 0;
        }
    }
    return {source.data() + best, std::min(width, m - best), best};
}

struct Matrix {
    std::size_t columns;
    std::vector<std::uint8_t> steps;
    std::uint8_t& at(std::size_t i, std::size_t j) { return steps[i * columns + j]; }
};

// Fills the step matrix; returns the best score and the column where the draft ends.
std::pair<int, std::size_t> fill(const std::vector<QuoteWord>& draft, const Window& src,
                                 Matrix& mx) {
    std::size_t n = draft.size(), m = src.size;
    std::vector<int> prev(m + 1, 0), cur(m + 1, 0);
    for (std::size_t i = 1; i <= n; ++i) {
        bool free_skip = i < n && draft[i].after_ellipsis;
        cur[0] = prev[0] - edit_cost;
        mx.at(i, 0) = draft_only;
        for (std::size_t j = 1; j <= m; ++j) {
            int d =
                prev[j - 1] + (draft[i - 1].key == src.words[j - 1].key ? match_gain : -edit_cost);
            int u = prev[j] - edit_cost;
            int l = cur[j - 1] - (free_skip ? 0 : edit_cost);
            int best = std::max({d, u, l});
            cur[j] = best;
            mx.at(i, j) = best == d ? diagonal : best == u ? draft_only : source_only;
        }
        std::swap(prev, cur);
    }
    std::size_t end =
        static_cast<std::size_t>(std::max_element(prev.begin(), prev.end()) - prev.begin());
    return {prev[end], end};
}

// A step of the traceback: the draft and source word it consumes (npos for none).
struct Move {
    DiffOp op;
    std::size_t draft, source;
    bool elided;
};

constexpr std::size_t none = static_cast<std::size_t>(-1);

std::vector<Move> trace(const std::vector<QuoteWord>& draft, const Window& src, Matrix& mx,
                        std::size_t j) {
    std::vector<Move> moves;
    std::size_t i = draft.size();
    while (i > 0) {
        std::uint8_t s = mx.at(i, j);
        if (s == diagonal) {
            bool same = draft[i - 1].key == src.words[j - 1].key;
            moves.push_back(
                {same ? DiffOp::equal : DiffOp::changed, i - 1, src.offset + j - 1, false});
            --i, --j;
        } else if (s == draft_only) {
            moves.push_back({DiffOp::added, i - 1, none, false});
            --i;
        } else {
            bool elided = i < draft.size() && draft[i].after_ellipsis;
            moves.push_back({DiffOp::missing, none, src.offset + j - 1, elided});
            --j;
        }
    }
    std::reverse(moves.begin(), moves.end());
    return moves;
}

// Run kind of a move: equal words, elided words, and everything else, each grouped apart.
int run_kind(const Move& m) {
    return m.op == DiffOp::equal ? 0 : m.elided ? 1 : 2;
}

DiffPart part_of(const std::vector<Move>& moves, std::size_t b, std::size_t e, std::size_t draft_at,
                 std::size_t source_at) {
    DiffPart p{DiffOp::equal, draft_at, draft_at, source_at, source_at, moves[b].elided};
    for (std::size_t k = b; k < e; ++k) {
        if (moves[k].draft != none) p.draft_end = moves[k].draft + 1;
        if (moves[k].source != none) p.source_end = moves[k].source + 1;
    }
    bool has_draft = p.draft_end > p.draft_begin, has_source = p.source_end > p.source_begin;
    if (run_kind(moves[b]) != 0)
        p.op = has_draft && has_source ? DiffOp::changed
               : has_draft             ? DiffOp::added
                                       : DiffOp::missing;
    return p;
}

std::vector<DiffPart> group(const std::vector<Move>& moves, std::size_t source_first) {
    std::vector<DiffPart> parts;
    std::size_t draft_at = 0, source_at = source_first;
    for (std::size_t b = 0; b < moves.size();) {
        std::size_t e = b + 1;
        while (e < moves.size() && run_kind(moves[e]) == run_kind(moves[b])) ++e;
        parts.push_back(part_of(moves, b, e, draft_at, source_at));
        draft_at = parts.back().draft_end;
        source_at = std::max(source_at, parts.back().source_end);
        b = e;
    }
    return parts;
}

std::string_view cut(std::string_view text, const std::vector<QuoteWord>& words, std::size_t b,
                     std::size_t e) {
    if (e <= b) return {};
    return text.substr(words[b].begin, words[e - 1].end - words[b].begin);
}

} // namespace

std::vector<QuoteWord> quote_words(std::string_view text, Analyzer& analyzer,
                                   const KnownWord& known) {
    std::vector<QuoteWord> out;
    std::uint32_t last_end = 0;
    for (auto [b, e] : analyzer.word_spans(text)) {
        std::string_view raw = text.substr(b, e - b);
        std::string key = word_key(raw);
        if (key.empty()) continue;
        std::string_view gap = text.substr(last_end, b - last_end);
        last_end = e;
        if (!out.empty()) {
            QuoteWord& prev = out.back();
            std::string_view prev_raw = text.substr(prev.begin, prev.end - prev.begin);
            if (is_line_end_hyphen(gap, prev_raw) && may_continue(prev_raw, raw) &&
                known(prev.key + key)) {
                prev.key += key;
                prev.end = e;
                continue;
            }
        }
        out.push_back({std::move(key), b, e, !out.empty() && has_ellipsis(gap)});
    }
    return out;
}

std::string_view diff_op_name(DiffOp op) {
    switch (op) {
    case DiffOp::equal:
        return "equal";
    case DiffOp::missing:
        return "missing";
    case DiffOp::added:
        return "added";
    case DiffOp::changed:
        return "changed";
    }
    return "equal";
}

Alignment align_quote(const std::vector<QuoteWord>& draft, const std::vector<QuoteWord>& source) {
    Alignment a;
    if (draft.empty() || source.empty()) return a;
    Window src = source_window(draft, source);
    Matrix mx{src.size + 1, std::vector<std::uint8_t>((draft.size() + 1) * (src.size + 1), start)};
    auto [score, end] = fill(draft, src, mx);
    std::vector<Move> moves = trace(draft, src, mx, end);
    a.score = score;
    bool first = true;
    for (const Move& m : moves) {
        if (m.op == DiffOp::equal) ++a.equal_words;
        if (m.elided) ++a.elided_words;
        if (m.source == none || m.op == DiffOp::missing) continue;
        if (first) a.source_first = m.source;
        first = false;
        a.source_last = m.source + 1;
    }
    a.coverage = static_cast<double>(a.equal_words) / static_cast<double>(draft.size());
    a.verbatim = a.equal_words == draft.size() && moves.size() == draft.size();
    if (a.equal_words > 0) a.parts = group(moves, a.source_first);
    return a;
}

std::vector<DiffEntry> describe(const Alignment& a, const QuoteTexts& t) {
    std::vector<DiffEntry> out;
    for (const DiffPart& p : a.parts) {
        DiffEntry d;
        d.op = p.op;
        d.elided = p.elided;
        d.source = std::string(cut(t.source, t.source_words, p.source_begin, p.source_end));
        d.draft = std::string(cut(t.draft, t.draft_words, p.draft_begin, p.draft_end));
        out.push_back(std::move(d));
    }
    return out;
}

std::uint32_t utf16_offset(std::string_view text, std::uint32_t byte) {
    std::uint32_t units = 0;
    std::size_t pos = 0;
    while (pos < byte && pos < text.size()) units += next_code_point(text, pos) >= 0x10000 ? 2 : 1;
    return units;
}

} // namespace mahdar
