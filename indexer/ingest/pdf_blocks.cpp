#include "ingest/pdf_blocks.h"

#include "common/utf8.h"
#include "ingest/pdf_frames.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <regex>
#include <set>
#include <unordered_set>

namespace mahdar {
namespace {

bool is_digit(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

// Lower-case ASCII, every digit as '#', runs of spaces as one: the key two running lines share.
std::string line_key(std::string_view line) {
    std::string out;
    for (std::size_t pos = 0; pos < line.size();) {
        char32_t c = next_code_point(line, pos);
        if (is_digit(c)) {
            if (out.empty() || out.back() != '#') out += '#';
        } else if (c == ' ' || c == 0xA0) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            append_utf8(out, c < 128 ? char32_t(std::tolower(int(c))) : c);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// Lines in a page's margin: at most the first and last three, within 15% of the page's height
// from its top or bottom edge.
std::vector<std::size_t> margin_lines(const PdfPage& page) {
    std::vector<std::size_t> out;
    const auto& ls = page.lines;
    // Lines are in reading order; the margins are found by position.
    std::vector<std::size_t> order(ls.size());
    for (std::size_t i = 0; i < ls.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return ls[a].top < ls[b].top; });
    for (std::size_t k = 0; k < order.size() && k < 3; ++k)
        if (ls[order[k]].bottom < page.height * 0.15) out.push_back(order[k]);
    for (std::size_t k = 0; k < order.size() && k < 3; ++k) {
        std::size_t i = order[order.size() - 1 - k];
        if (ls[i].top > page.height * 0.85 && std::find(out.begin(), out.end(), i) == out.end())
            out.push_back(i);
    }
    return out;
}

bool ends_sentence(std::string_view text) {
    for (std::string_view end : {".", "!", "?", ":", ";", "؟", "»", "”", ".)", "\""})
        if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) return true;
    return false;
}

bool starts_with_number(std::string_view text) {
    std::size_t pos = 0;
    if (text.empty()) return false;
    char32_t c = next_code_point(text, pos);
    if (c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x2079)) return true;
    if (!is_digit(c)) return false;
    while (pos < text.size()) {
        std::size_t at = pos;
        c = next_code_point(text, pos);
        if (is_digit(c)) continue;
        (void)at;
        return c == ' ' || c == '.' || c == ')' || c == 0xA0 || (c >= 'A' && c <= 'Z') ||
               c >= 0x0600;
    }
    return false;
}

std::size_t word_count(std::string_view text) {
    return std::size_t(std::count(text.begin(), text.end(), ' ')) + 1;
}

enum class LineKind { body, heading, note };

// The font size most of the document's characters have.
double body_size(const std::vector<PdfPage>& pages) {
    std::map<double, std::size_t> sizes;
    for (const auto& p : pages)
        for (const auto& l : p.lines) sizes[l.size] += l.text.size();
    if (sizes.empty()) return 0;
    return std::max_element(sizes.begin(), sizes.end(), [](auto& a, auto& b) {
               return a.second < b.second;
           })->first;
}

// The index from which a page's lines are footnotes: small lines down to the page's end,
// the first starting with a number, in the lower half of the page. lines.size() if none.
std::size_t notes_from(const PdfPage& page, double body) {
    std::size_t k = page.lines.size();
    while (k > 0) {
        const auto& l = page.lines[k - 1];
        if (l.size >= body * 0.92 || l.top < page.height * 0.5) break;
        --k;
    }
    while (k < page.lines.size() && !starts_with_number(page.lines[k].text)) ++k;
    return k;
}

struct Classified {
    const PdfLine* line;
    std::uint32_t page;
    LineKind kind;
    double line_gap; ///< the page's usual gap between two lines of a paragraph
    Frame frame;     ///< the line's column on its page
};

bool is_heading(const PdfLine& l, double body, bool body_bold) {
    if (l.size >= body * 1.15) return true;
    return l.bold && !body_bold && word_count(l.text) <= 15 && !ends_sentence(l.text) &&
           l.text.find_first_not_of("0123456789. ") != std::string::npos;
}

// Whether the document numbers its paragraphs ("1.", "2." …), as UN reports do.
enum class Numbering { plain, numbered };

// Numbered when at least 3 paragraphs start where the layout alone shows a start (a body line
// after a heading, or after more than a line's gap on the same page and column) and at least
// 60% of them start with a number.
Numbering paragraph_numbering(const std::vector<Classified>& lines) {
    std::size_t starts = 0, numbered = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const Classified &a = lines[i - 1], &b = lines[i];
        const PdfLine &prev = *a.line, &next = *b.line;
        if (b.kind != LineKind::body) continue;
        bool after_gap = a.kind == LineKind::body && a.page == b.page &&
                         std::abs(prev.column_left - next.column_left) < 2 && next.top > prev.top &&
                         next.top - prev.bottom > a.line_gap + 0.4 * prev.size;
        if (a.kind != LineKind::heading && !after_gap) continue;
        ++starts;
        numbered += starts_with_number(next.text);
    }
    return starts >= 3 && numbered * 5 >= starts * 3 ? Numbering::numbered : Numbering::plain;
}

// True when `next` goes on with the paragraph of `prev`.
bool same_paragraph(const Classified& a, const Classified& b, Numbering numbering) {
    const PdfLine &prev = *a.line, &next = *b.line;
    if (a.kind != b.kind) return false;
    if (std::abs(prev.size - next.size) > 0.1 * prev.size || prev.bold != next.bold) return false;
    if (a.kind == LineKind::note) return !starts_with_number(next.text);
    bool moved = a.page != b.page || std::abs(prev.column_left - next.column_left) > 2 ||
                 next.top < prev.top;
    if (a.kind == LineKind::heading) return !moved && next.top - prev.bottom < prev.size;
    bool prev_full = full_line(prev, a.frame), next_indented = indented(next, b.frame);
    if (moved) {
        // A full line that ends a sentence at a page's or column's foot may end its paragraph;
        // where paragraphs are numbered, a next line without a number says it does not.
        bool ended = ends_sentence(prev.text) &&
                     (numbering == Numbering::plain || starts_with_number(next.text));
        return prev_full && !ended && !next_indented;
    }
    double gap = next.top - prev.bottom;
    if (gap > a.line_gap + 0.4 * prev.size) return false;
    if (next_indented && prev_full) return false;
    return !(ends_sentence(prev.text) && !prev_full);
}

// The document's words, lower case (ASCII), sorted and distinct.
std::vector<std::string> document_words(const std::vector<PdfPage>& pages) {
    std::unordered_set<std::string> words;
    std::string w;
    for (const auto& p : pages)
        for (const auto& l : p.lines) {
            std::size_t b = 0;
            while (b < l.text.size()) {
                std::size_t e = l.text.find(' ', b);
                if (e == std::string::npos) e = l.text.size();
                w.assign(l.text, b, e - b);
                std::transform(w.begin(), w.end(), w.begin(),
                               [](char c) { return char(std::tolower((unsigned char)c)); });
                if (words.find(w) == words.end()) words.insert(w);
                b = e + 1;
            }
        }
    std::vector<std::string> out(words.begin(), words.end());
    std::sort(out.begin(), out.end());
    return out;
}

// join_lines() in place: `second` appended to the paragraph `out`.
void append_line(std::string& out, std::string_view second, const std::vector<std::string>& words) {
    if (out.empty()) {
        out = second;
        return;
    }
    if (second.empty()) return;
    static const std::string soft = "\u00AD", typo = "\u2010";
    unsigned char next = (unsigned char)second.front();
    bool lower_next = (next >= 'a' && next <= 'z') || next >= 0xC3;
    auto cut = [&](const std::string& h) {
        return out.size() > h.size() && out.compare(out.size() - h.size(), h.size(), h) == 0;
    };
    if (lower_next && (cut(soft) || cut(typo))) {
        out.resize(out.size() - (cut(soft) ? soft.size() : typo.size()));
        out += second;
        return;
    }
    if (lower_next && out.back() == '-' && out.size() >= 2 && std::isalpha((unsigned char)out[out.size() - 2])) {
        std::size_t b = out.find_last_of(' ', out.size() - 1);
        b = b == std::string::npos ? 0 : b + 1;
        std::string left = out.substr(b, out.size() - 1 - b);
        std::string right(second.substr(0, second.find(' ')));
        while (!right.empty() && std::ispunct((unsigned char)right.back())) right.pop_back();
        auto lower = [](std::string s) {
            std::transform(s.begin(), s.end(), s.begin(),
                           [](char c) { return char(std::tolower((unsigned char)c)); });
            return s;
        };
        bool hyphenated = std::binary_search(words.begin(), words.end(), lower(left + "-" + right));
        bool joined = std::binary_search(words.begin(), words.end(), lower(left + right));
        if (!hyphenated || joined) out.pop_back();
        out += second;
        return;
    }
    out += ' ';
    out += second;
}

} // namespace

bool is_page_number(std::string_view line) {
    static const std::regex number(
        R"(^[-–— ]*((page|p\.|pag\.|صفحة|الصفحة) ?)?#( ?(/|of|de|sur|من) ?#)?[-–— ]*$)",
        std::regex::icase);
    std::string key = line_key(line);
    if (key.empty() || key.size() > 40) return false;
    return std::regex_match(key, number);
}

std::string find_un_symbol(std::string_view line) {
    static const std::regex symbol(R"((^|[\s(])([A-Z]{1,6}(/[A-Za-z0-9.\-()]+)+)([\s),;]|$))");
    std::string s(line);
    std::smatch m;
    for (auto it = s.cbegin(); std::regex_search(it, s.cend(), m, symbol); it = m[2].second) {
        std::string found = m[2].str();
        while (!found.empty() && (found.back() == '.' || found.back() == ')')) found.pop_back();
        if (found.find_first_of("0123456789") != std::string::npos && found.size() >= 5)
            return found;
    }
    return "";
}

std::string remove_running_lines(std::vector<PdfPage>& pages) {
    std::string symbol;
    std::map<std::string, std::size_t> seen; // key → pages it is in a margin of
    std::size_t with_text = 0;
    for (const auto& p : pages) {
        std::set<std::string> keys;
        for (auto i : margin_lines(p)) keys.insert(line_key(p.lines[i].text));
        for (const auto& k : keys) ++seen[k];
        with_text += !p.lines.empty();
        if (symbol.empty() && p.number == 1)
            for (auto i : margin_lines(p))
                if (symbol.empty()) symbol = find_un_symbol(p.lines[i].text);
    }
    std::size_t need = std::max<std::size_t>(2, (with_text + 1) / 2);
    for (auto& p : pages) {
        std::vector<bool> drop(p.lines.size(), false);
        for (auto i : margin_lines(p)) {
            const std::string& t = p.lines[i].text;
            drop[i] = is_page_number(t) || seen[line_key(t)] >= need ||
                      (!symbol.empty() && find_un_symbol(t) == symbol && t.size() < symbol.size() + 4);
        }
        std::size_t out = 0;
        for (std::size_t i = 0; i < p.lines.size(); ++i)
            if (!drop[i]) {
                if (out != i) p.lines[out] = std::move(p.lines[i]);
                ++out;
            }
        p.lines.resize(out);
    }
    return symbol;
}

std::string join_lines(std::string_view first, std::string_view second,
                       const std::vector<std::string>& words) {
    std::string out(first);
    append_line(out, second, words);
    return out;
}

std::vector<Block> pdf_blocks(const std::vector<PdfPage>& pages) {
    double body = body_size(pages);
    std::size_t bold_chars = 0, body_chars = 0;
    for (const auto& p : pages)
        for (const auto& l : p.lines)
            if (std::abs(l.size - body) < 0.5) {
                body_chars += l.text.size();
                if (l.bold) bold_chars += l.text.size();
            }
    bool body_bold = bold_chars * 2 > body_chars;
    std::vector<Classified> lines;
    lines.reserve(std::accumulate(pages.begin(), pages.end(), std::size_t(0),
                                  [](std::size_t n, const PdfPage& p) { return n + p.lines.size(); }));
    for (const auto& p : pages) {
        std::size_t notes = notes_from(p, body);
        double line_gap = usual_line_gap(p);
        std::vector<LineKind> kinds(p.lines.size());
        std::vector<bool> body_kind(p.lines.size());
        for (std::size_t i = 0; i < p.lines.size(); ++i) {
            kinds[i] = i >= notes                               ? LineKind::note
                       : is_heading(p.lines[i], body, body_bold) ? LineKind::heading
                                                                 : LineKind::body;
            body_kind[i] = kinds[i] == LineKind::body;
        }
        std::vector<Frame> frames = page_frames(p, body_kind);
        for (std::size_t i = 0; i < p.lines.size(); ++i)
            lines.push_back({&p.lines[i], p.number, kinds[i], line_gap, frames[i]});
    }
    // Heading levels: the larger the font, the higher; bold body-size headings last.
    std::set<double, std::greater<double>> heading_sizes;
    for (const auto& c : lines)
        if (c.kind == LineKind::heading) heading_sizes.insert(std::round(c.line->size * 2) / 2);
    std::vector<std::string> words = document_words(pages);
    Numbering numbering = paragraph_numbering(lines);
    std::vector<Block> blocks;
    // The last body line and its block: a paragraph goes on past the notes at a page's foot.
    const Classified* body_line = nullptr;
    std::size_t body_block = 0, last_block = 0; // the block the previous line went into
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Classified& c = lines[i];
        if (i > 0 && !blocks.empty() && same_paragraph(lines[i - 1], c, numbering)) {
            append_line(blocks[last_block].text, c.line->text, words);
            if (c.kind == LineKind::body) body_line = &c;
            continue;
        }
        if (c.kind == LineKind::body && body_line && lines[i - 1].kind == LineKind::note &&
            body_block < blocks.size() && same_paragraph(*body_line, c, numbering)) {
            append_line(blocks[body_block].text, c.line->text, words);
            body_line = &c;
            last_block = body_block;
            continue;
        }
        if (c.kind == LineKind::body) body_line = &c, body_block = blocks.size();
        last_block = blocks.size();
        Block b;
        b.kind = c.kind == LineKind::note      ? BlockKind::note
                 : c.kind == LineKind::heading ? BlockKind::heading
                                               : BlockKind::paragraph;
        b.text = c.line->text;
        b.page = c.page;
        if (c.kind == LineKind::heading) {
            auto at = heading_sizes.find(std::round(c.line->size * 2) / 2);
            b.level = 1 + int(std::distance(heading_sizes.begin(), at));
        }
        blocks.push_back(std::move(b));
    }
    blocks.erase(std::remove_if(blocks.begin(), blocks.end(),
                                [](const Block& b) { return b.text.empty(); }),
                 blocks.end());
    return blocks;
}

} // namespace mahdar
