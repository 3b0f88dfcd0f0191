#include "search/snippets.h"

#include <algorithm>

namespace mahdar {
namespace {

bool matches(const WordToken& t, const Highlight& h) {
    if (h.words.count(t.word) || (!t.stem.empty() && h.stems.count(t.stem))) return true;
    for (const auto& v : t.variants)
        if (h.stems.count(v)) return true;
    return std::any_of(h.prefixes.begin(), h.prefixes.end(),
                       [&t](const std::string& p) { return t.word.compare(0, p.size(), p) == 0; });
}

// First token of the window of `width` tokens holding the most matches.
std::size_t best_window(const std::vector<bool>& marked, std::size_t width) {
    std::size_t best = 0, best_count = 0, count = 0;
    for (std::size_t i = 0; i < marked.size(); ++i) {
        count += marked[i];
        if (i >= width) count -= marked[i - width];
        if (count > best_count) {
            best_count = count;
            best = i + 1 >= width ? i + 1 - width : 0;
        }
    }
    // The window found ends on its last match: start it instead a little before its first
    // match, so the matches are read in context, none is lost, and the window stays full.
    if (best_count > 0) {
        std::size_t first = best;
        while (first < marked.size() && !marked[first]) ++first;
        if (first > best + 5) best = std::min(first - 5, marked.size() > width ? marked.size() - width : 0);
    }
    return best;
}

} // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

namespace {

// The words of tokens[first, last) of `text`, escaped, the marked ones in <mark>; "…" where cut.
std::string marked_range(std::string_view text, const std::vector<WordToken>& tokens, const std::vector<bool>& marked,
                         std::size_t first, std::size_t last) {
    std::uint32_t begin = first == 0 ? 0 : tokens[first].begin;
    std::uint32_t end = last == tokens.size() ? static_cast<std::uint32_t>(text.size()) : tokens[last - 1].end;
    std::string out = begin > 0 ? "… " : "";
    std::uint32_t pos = begin;
    for (std::size_t i = first; i < last; ++i) {
        if (!marked[i]) continue;
        out += html_escape(text.substr(pos, tokens[i].begin - pos));
        out += "<mark>" + html_escape(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin)) + "</mark>";
        pos = tokens[i].end;
    }
    out += html_escape(text.substr(pos, end - pos));
    if (end < text.size()) out += " …";
    return out;
}

std::vector<bool> marks_of(const std::vector<WordToken>& tokens, const Highlight& highlight) {
    std::vector<bool> marked(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) marked[i] = !highlight.empty() && matches(tokens[i], highlight);
    return marked;
}

} // namespace

std::string snippet_html(std::string_view text, Lang lang, const Highlight& highlight,
                         Analyzer& analyzer, std::size_t max_words) {
    std::vector<WordToken> tokens = analyzer.analyse(text, lang);
    std::vector<bool> marked = marks_of(tokens, highlight);
    std::size_t first = 0, last = tokens.size();
    if (tokens.size() * 2 > max_words * 3) {
        first = best_window(marked, max_words);
        last = std::min(tokens.size(), first + max_words);
    }
    return marked_range(text, tokens, marked, first, last);
}

std::string marked_html(std::string_view text, Lang lang, const Highlight& highlight, Analyzer& analyzer) {
    std::vector<WordToken> tokens = analyzer.analyse(text, lang);
    return marked_range(text, tokens, marks_of(tokens, highlight), 0, tokens.size());
}

} // namespace mahdar
