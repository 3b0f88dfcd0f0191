#include "ingest/reports.h"

#include "common/strings.h"
#include "text/normalise.h"
#include "text/text_scan.h"

#include <map>
#include <optional>
#include <vector>

namespace mahdar {
namespace {

struct Line {
    std::uint32_t number;
    std::string text; // trimmed of trailing spaces and \r
};

enum class Kind { paragraph, item, row };

struct Piece {
    Kind kind;
    std::uint32_t line;
    std::string text;
    std::string section;
};

// Length of a list marker at the start of `s` ("- ", "• ", "a) ", "12) "), or 0.
size_t list_marker(std::string_view s) {
    for (std::string_view m : {"- ", "* ", "• ", "▪ ", "o ", "◦ ", "– ", "● ", "· "})
        if (starts_with(s, m)) return m.size();
    size_t i = 0;
    while (i < s.size() && i < 3 && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z'))) ++i;
    if (i > 0 && i < s.size() - 1 && s[i] == ')' && s[i + 1] == ' ') return i + 2;
    return 0;
}

bool is_table_row(std::string_view raw) {
    return raw.find('\t') != std::string_view::npos || starts_with(trim(raw), "|");
}

bool is_separator_row(std::string_view s) {
    for (char c : s)
        if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') return false;
    return true;
}

// The last code point of s, as a string.
std::string last_code_point(std::string_view s) {
    s = trim(s);
    if (s.empty()) return {};
    size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return std::string(s.substr(i));
}

bool ends_sentence(std::string_view s, bool colon_ends) {
    std::string c = last_code_point(strip_markdown(s));
    return c == "." || c == "!" || c == "?" || c == "؟" || (colon_ends && c == ":") ||
           c == "»" || c == "”" || c == ")" || c == "\"";
}

bool starts_lower_latin(std::string_view s) {
    s = trim(s);
    return !s.empty() && s[0] >= 'a' && s[0] <= 'z';
}

// True when the first character is an Arabic letter (not a digit or a list marker).
bool starts_arabic_letter(std::string_view s) {
    s = trim(s);
    size_t pos = 0;
    if (s.empty()) return false;
    next_code_point(s, pos);
    return is_arabic_script(s.substr(0, pos));
}

std::vector<Line> read_lines(std::string_view text) {
    std::vector<Line> lines;
    std::uint32_t n = 0;
    size_t start = 0;
    while (start <= text.size()) {
        size_t nl = text.find('\n', start);
        std::string_view l = text.substr(start, nl == std::string_view::npos ? text.size() - start : nl - start);
        while (!l.empty() && (l.back() == '\r' || l.back() == ' ')) l.remove_suffix(1);
        lines.push_back({++n, std::string(l)});
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

// Short lines repeated 3+ times are running page headers ("Note for File").
void drop_running_headers(std::vector<Line>& lines) {
    std::map<std::string, int> seen;
    for (const auto& l : lines) {
        std::string t(trim(l.text));
        if (!t.empty() && count_words(t) < 8) ++seen[t];
    }
    for (auto& l : lines) {
        auto it = seen.find(std::string(trim(l.text)));
        if (it != seen.end() && it->second >= 3) l.text.clear();
    }
}

std::string heading_text(std::string_view line) {
    while (!line.empty() && line.front() == '#') line.remove_prefix(1);
    return std::string(trim(strip_markdown(trim(line))));
}

} // namespace

std::string strip_markdown(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if ((c == '*' || c == '_') && i + 1 < text.size() && text[i + 1] == c) { ++i; continue; }
        if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '(' || text[i + 1] == ')' ||
                                                 text[i + 1] == '[' || text[i + 1] == ']')) continue;
        if (c == ']' && i + 1 < text.size() && text[i + 1] == '(') {
            size_t close = text.find(')', i + 1);
            if (close != std::string_view::npos) { i = close; continue; }
        }
        if (c == '[' && text.find("](", i) != std::string_view::npos) continue;
        out += c;
    }
    return out;
}

std::size_t count_words(std::string_view text) { return token_spans(text).size(); }

namespace {

// Builds the pieces of a report block by block, applying the rules of corpus/README.md.
class Splitter {
public:
    Document& doc;
    std::vector<Piece> pieces;
    std::string section;
    std::string first_heading; ///< the title when there is no level-1 heading
    bool seen_heading = false;

    void block(const std::vector<Line>& lines, size_t begin, size_t end) {
        std::string_view first = trim(lines[begin].text);
        bool single = end - begin == 1;
        if (single && first[0] != '#' && !is_table_row(lines[begin].text) && !list_marker(first)) {
            if (pieces.empty() && !seen_heading && doc.title.empty() && count_words(first) <= 30 &&
                !ends_sentence(first, false)) {
                doc.title = heading_text(first);
                return;
            }
            if (count_words(first) <= 6 && !ends_sentence(first, true)) {
                set_heading(first, lines[begin].number);
                return;
            }
        }
        bool block_start = true;
        for (size_t i = begin; i < end; ++i) {
            line(lines[i], block_start);
            block_start = false;
        }
    }

private:
    void set_heading(std::string_view raw, std::uint32_t line) {
        section = heading_text(raw);
        seen_heading = true;
        doc.headings.push_back({line, section});
        if (first_heading.empty() && count_words(section) >= 3) first_heading = section;
    }

    void line(const Line& l, bool block_start) {
        std::string_view t = trim(l.text);
        if (t[0] == '#') {
            if (starts_with(t, "# ") && doc.title.empty() && count_words(t) >= 4) doc.title = heading_text(t);
            set_heading(t, l.number);
            return;
        }
        if (is_table_row(l.text)) {
            if (!is_separator_row(t)) pieces.push_back({Kind::row, l.number, row_text(t), section});
            return;
        }
        std::string text = strip_markdown(t);
        if (size_t m = list_marker(t)) {
            pieces.push_back({Kind::item, l.number, strip_markdown(t.substr(m)), section});
        } else if (block_start && continues_previous(t)) {
            pieces.back().text += ' ';
            pieces.back().text += text;
        } else if (block_start || pieces.empty() || pieces.back().kind == Kind::row) {
            pieces.push_back({Kind::paragraph, l.number, text, section});
        } else {
            pieces.back().text += '\n';
            pieces.back().text += text;
        }
    }

    // Page-break repair: does this block continue the previous passage?
    bool continues_previous(std::string_view t) const {
        if (pieces.empty() || pieces.back().kind == Kind::row) return false;
        const std::string& prev = pieces.back().text;
        if (starts_lower_latin(t)) return !ends_sentence(prev, false);
        std::string_view body = prev;
        size_t dot = body.find(". ");
        if (dot != std::string_view::npos && dot <= 12 && !is_arabic_script(body.substr(0, dot)))
            body.remove_prefix(dot + 2); // "6. قدمت …": the paragraph number is not yet taken off
        return starts_arabic_letter(t) && starts_arabic_letter(body) && count_words(prev) >= 20 &&
               !ends_sentence(prev, true);
    }

    static std::string row_text(std::string_view t) {
        while (!t.empty() && t.front() == '|') t.remove_prefix(1);
        while (!t.empty() && t.back() == '|') t.remove_suffix(1);
        std::string out;
        for (char c : strip_markdown(trim(t))) {
            if (c == '\t' || c == '|') out += " | ";
            else out += c;
        }
        return out;
    }
};


} // namespace

void take_paragraph_number(Passage& p) {
    size_t dot = p.text.find(". ");
    if (dot == std::string::npos || dot == 0 || dot > 12) return;
    std::string number = normalise_word(p.text.substr(0, dot));
    for (char c : number)
        if (c < '0' || c > '9') return;
    p.para = number;
    p.text.erase(0, dot + 2);
}

Document split_report(std::string_view text, const std::string& doc_id) {
    Document doc;
    doc.doc_id = doc_id;
    std::vector<Line> lines = read_lines(text);
    drop_running_headers(lines);
    Splitter splitter{doc, {}, {}, {}, false};
    for (size_t i = 0; i < lines.size();) {
        if (trim(lines[i].text).empty()) { ++i; continue; }
        size_t j = i;
        while (j < lines.size() && !trim(lines[j].text).empty()) ++j;
        splitter.block(lines, i, j);
        i = j;
    }
    for (auto& piece : splitter.pieces) {
        Passage p;
        p.line = piece.line;
        p.section = std::move(piece.section);
        p.text = std::string(trim(piece.text));
        if (piece.kind == Kind::paragraph) take_paragraph_number(p);
        if (p.text.empty()) continue;
        p.doc_id = doc_id;
        p.ordinal = static_cast<std::uint32_t>(doc.passages.size());
        p.id = doc_id + ":" + std::to_string(p.ordinal);
        doc.passages.push_back(std::move(p));
    }
    if (doc.title.empty()) doc.title = splitter.first_heading;
    for (auto& p : doc.passages) p.doc_title = doc.title;
    return doc;
}

} // namespace mahdar
