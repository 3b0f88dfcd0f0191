#include "search/suggest.h"

#include "format/record.h"
#include "text/language.h"

#include <algorithm>
#include <map>

namespace mahdar {
namespace {

constexpr Xapian::doccount surface_sample = 50; // passages read to find a word's written form

// The written form of the normalised `word` in a sample of the passages that have it.
std::string written_form(Context& c, const std::string& word) {
    Xapian::Enquire e(c.db);
    e.set_query(Xapian::Query(word));
    e.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<std::string> texts;
    Xapian::MSet mset = e.get_mset(0, surface_sample);
    for (auto it = mset.begin(); it != mset.end(); ++it) texts.push_back(read_passage(it.get_document()).text);
    return surface_form(word, texts, c.analyzer);
}

// A query chunk as the query syntax around its word (quotes, parentheses, a leading + - =, a
// trailing *), which a suggestion keeps as typed, and the word itself. Without this, `"and`
// was looked up as a word the index lacks: every quoted phrase with under three hits got a
// "suggestion" of its own words without quotes, at a cost of 10-30 ms (bench/README.md).
struct Chunk {
    std::string_view before, word, after;
};

Chunk split_syntax(std::string_view chunk) {
    auto syntax = [](char ch) { return ch == '"' || ch == '(' || ch == ')' || ch == '+' || ch == '-' || ch == '=' || ch == '*'; };
    std::size_t b = 0, e = chunk.size();
    while (b < e && syntax(chunk[b])) ++b;
    while (e > b && syntax(chunk[e - 1])) --e;
    return {chunk.substr(0, b), chunk.substr(b, e - b), chunk.substr(e)};
}

} // namespace

std::string surface_form(const std::string& word, const std::vector<std::string>& texts, Analyzer& analyzer) {
    std::map<std::string, std::size_t> seen;
    std::string best = word;
    std::size_t best_count = 0;
    for (const auto& text : texts) {
        for (auto [begin, end] : analyzer.word_spans(text)) {
            std::string_view raw = std::string_view(text).substr(begin, end - begin);
            Lang lang = word_languages(raw, std::nullopt).front();
            // Capitals at the start of a sentence are not how a word is written.
            bool capital = std::any_of(raw.begin(), raw.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
            if (capital || analyzer.analyse_word(raw, lang).word != word) continue;
            std::size_t n = ++seen[std::string(raw)];
            if (n > best_count) {
                best_count = n;
                best = std::string(raw);
            }
        }
    }
    return best;
}

std::optional<std::string> suggest(Context& c, const std::string& q) {
    std::string out;
    bool changed = false;
    size_t pos = 0;
    while (pos < q.size()) {
        size_t end = q.find(' ', pos);
        if (end == std::string::npos) end = q.size();
        std::string chunk = q.substr(pos, end - pos);
        Chunk parts = split_syntax(chunk);
        WordToken t = c.analyzer.analyse_word(parts.word, Lang::en);
        // Only words the index does not have are corrected: a known word is no typo, and the
        // spelling look-up is costly on a large index.
        std::string fix = t.word.size() >= 3 && chunk.find(':') == std::string::npos && !c.db.term_exists(t.word)
                              ? c.db.get_spelling_suggestion(t.word, 2) : "";
        if (!fix.empty() && fix != t.word) {
            chunk = std::string(parts.before) + written_form(c, fix) + std::string(parts.after);
            changed = true;
        }
        out += (out.empty() ? "" : " ") + chunk;
        pos = end + 1;
    }
    return changed ? std::optional<std::string>(out) : std::nullopt;
}

} // namespace mahdar
