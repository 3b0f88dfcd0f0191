// Phrases in a query ("…", a hyphenated word, a UN symbol): as the indexer would have written
// them in a passage of each language, and loosely, their words inflected.
#include "search/query_parser.h"

#include "format/schema.h"

#include <algorithm>

namespace mahdar {

Xapian::Query adjacent_words(const std::string& first, const std::string& second, WordPairs pairs,
                             const WordLists& lists) {
    std::vector<Xapian::Query> words = {Xapian::Query(first), Xapian::Query(second)};
    std::string pair = pairs == WordPairs::indexed ? schema::word_pair(first, second, lists) : "";
    if (pair.empty()) return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                         Xapian::Query(pair));
}

// One phrase of normalised words: a word, two adjacent words, or a longer phrase whose
// positions are checked only where all its word pairs occur.
Xapian::Query QueryParser::phrase_of(const std::vector<std::string>& words) const {
    if (words.size() == 1) return Xapian::Query(words.front());
    if (words.size() == 2) return adjacent_words(words[0], words[1], pairs_, analyzer_.lists());
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 1; i < words.size() && pairs_ == WordPairs::indexed; ++i)
        if (auto pair = schema::word_pair(words[i - 1], words[i], analyzer_.lists()); !pair.empty()) pairs.emplace_back(pair);
    Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end());
    if (pairs.empty()) return phrase;
    // Xapian tests a phrase after the rest of an AND.
    return Xapian::Query(Xapian::Query::OP_FILTER, phrase,
                         Xapian::Query(Xapian::Query::OP_AND, pairs.begin(), pairs.end()));
}

// One phrase over the words' stems, where a word has them in a passage of `lang`: a word is
// any of its stems and variants at its position; numbers and function words as written.
// Nothing when no word has a stem (the phrase as written is all there is).
std::optional<Xapian::Query> QueryParser::loose_phrase_of(const std::vector<WordToken>& tokens, Lang lang,
                                                          Highlight& marks) const {
    std::vector<Xapian::Query> parts;
    bool stemmed = false;
    for (const auto& t : tokens) {
        if (t.stem.empty() || (t.function_word && analyzer_.lists().is_stopword(t.word, lang))) {
            parts.emplace_back(t.word);
            continue;
        }
        stemmed = true;
        std::vector<Xapian::Query> forms;
        for (const auto& stem : stems_of(t)) {
            forms.emplace_back(std::string(schema::stem) + stem);
            marks.stems.insert(stem);
        }
        parts.push_back(forms.size() == 1 ? forms.front() : Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end()));
    }
    if (!stemmed) return std::nullopt;
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), static_cast<Xapian::termcount>(parts.size()));
}

// A phrase is analysed as the indexer would have analysed the same words in a passage of each
// language it may be in (text/language.h word_languages): "l'objectif 23" is "objectif 23" in a
// French passage and "l'objectif 23" in an English one, whatever else the query holds. Unless
// `exact`, the words may be inflected or carry other clitics (their stems at consecutive
// positions), and the phrase as written ranks first.
std::optional<Xapian::Query> QueryParser::phrase_query(std::string_view text, bool exact, Highlight& marks) {
    std::vector<Xapian::Query> as_written, loose;
    std::vector<std::vector<std::string>> seen;
    std::vector<std::string> seen_loose; // the same words may have other stems in another language
    for (Lang lang : word_languages("", only_lang_)) {
        std::vector<WordToken> tokens = analyzer_.analyse(text, lang);
        std::vector<std::string> words;
        for (const auto& t : tokens) words.push_back(t.word);
        if (words.empty()) continue;
        if (std::find(seen.begin(), seen.end(), words) == seen.end()) {
            seen.push_back(words);
            marks.words.insert(words.begin(), words.end());
            as_written.push_back(phrase_of(words));
        }
        auto q = exact ? std::nullopt : loose_phrase_of(tokens, lang, marks);
        if (q && std::find(seen_loose.begin(), seen_loose.end(), q->serialise()) == seen_loose.end()) {
            seen_loose.push_back(q->serialise());
            loose.push_back(*q);
        }
    }
    if (as_written.empty()) return std::nullopt;
    auto any = [](std::vector<Xapian::Query>& q) {
        return q.size() == 1 ? q.front() : Xapian::Query(Xapian::Query::OP_OR, q.begin(), q.end());
    };
    if (loose.empty()) return any(as_written);
    // OR, not AND_MAYBE: an index from before schema version 3 has stems without positions,
    // where only the phrase as written can match. A match as written is a loose match too,
    // and has both weights.
    return Xapian::Query(Xapian::Query::OP_OR, any(loose), any(as_written));
}

std::vector<std::string> QueryParser::stems_of(const WordToken& t) {
    std::vector<std::string> out = {t.stem};
    out.insert(out.end(), t.variants.begin(), t.variants.end());
    return out;
}

// A UN symbol typed as a word finds its document first — every passage of it, ahead of
// everything else, in document order — then the passages that cite it (its words as a phrase).
Xapian::Query QueryParser::symbol_query(const std::string& symbol, std::string_view raw, Highlight& marks) {
    constexpr double document_weight = 1000; // above any BM25 weight of a cited phrase
    Xapian::Query document(Xapian::Query::OP_FILTER,
                           Xapian::Query((new Xapian::FixedWeightPostingSource(document_weight))->release()),
                           Xapian::Query(schema::term(schema::symbol, symbol)));
    auto cited = phrase_query(raw, true, marks);
    return cited ? Xapian::Query(Xapian::Query::OP_OR, document, *cited) : document;
}

} // namespace mahdar
