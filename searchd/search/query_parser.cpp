#include "search/query_parser.h"

#include "search/query_token.h"

#include "format/schema.h"
#include "text/normalise.h"
#include "text/stopwords.h"
#include "text/un_symbol.h"

#include <algorithm>
#include <array>
#include <unordered_set>
#include <utility>

namespace mahdar {
namespace {

const std::array<std::string_view, 4> opening_quotes = {"\"", "“", "«", "„"};
const std::array<std::string_view, 4> closing_quotes = {"\"", "”", "»", "“"};
const std::array<std::string_view, 6> fields = {"speaker", "country", "objective", "lang", "doc", "symbol"};

// Length of the quote mark at the start of `s` among `marks`, or 0.
template <size_t N>
size_t quote_at(std::string_view s, const std::array<std::string_view, N>& marks) {
    for (auto m : marks)
        if (s.substr(0, m.size()) == m) return m.size();
    return 0;
}

// Finds the first closing quote in s; returns {position, length} or {npos, 0}.
std::pair<size_t, size_t> find_closing(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i)
        if (size_t n = quote_at(s.substr(i), closing_quotes)) return {i, n};
    return {std::string_view::npos, 0};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void merge(Highlight& into, const Highlight& from) {
    into.words.insert(from.words.begin(), from.words.end());
    into.stems.insert(from.stems.begin(), from.stems.end());
    into.prefixes.insert(from.prefixes.begin(), from.prefixes.end());
}

} // namespace

QueryParser::QueryParser(Analyzer& analyzer, CountryResolver countries, WordPairs pairs)
    : analyzer_(analyzer), countries_(std::move(countries)), pairs_(pairs) {}

// Reads a quoted stretch starting at s[i] (an opening quote); an unclosed quote runs to the end.
static Result<std::string> read_quoted(std::string_view s, size_t& i) {
    i += quote_at(s.substr(i), opening_quotes);
    auto [close, len] = find_closing(s.substr(i));
    std::string inner(s.substr(i, close == std::string_view::npos ? std::string_view::npos : close));
    i = close == std::string_view::npos ? s.size() : i + close + len;
    if (inner.find_first_not_of(" \t") == std::string::npos)
        return bad_parameter("unbalanced or empty quotes in q: close the phrase with a second \"");
    return inner;
}

Result<std::vector<QueryParser::Token>> QueryParser::lex(std::string_view q) const {
    std::vector<Token> out;
    for (size_t i = 0; i < q.size();) {
        if (is_space(q[i])) { ++i; continue; }
        Token t;
        if (q[i] == '-' && i + 1 < q.size() && !is_space(q[i + 1])) { t.negated = true; ++i; }
        if (q[i] == '=' && i + 1 < q.size() && !is_space(q[i + 1])) { t.exact = true; ++i; }
        if (size_t mark = quote_at(q.substr(i), opening_quotes)) {
            // A quote at the very end after other words (`migrant workers"`, or a phrase being
            // typed) opens nothing: left out, as an unclosed quote elsewhere runs to the end.
            if (!out.empty() && q.find_first_not_of(" \t", i + mark) == std::string_view::npos) break;
            auto inner = read_quoted(q, i);
            if (!inner) return inner.error();
            t.kind = Token::phrase;
            t.text = inner.value();
            out.push_back(std::move(t));
            continue;
        }
        size_t end = i;
        while (end < q.size() && !is_space(q[end]) && !quote_at(q.substr(end), opening_quotes)) ++end;
        std::string word(q.substr(i, end - i));
        i = end;
        size_t colon = word.find(':');
        if (colon != std::string::npos && std::find(fields.begin(), fields.end(), word.substr(0, colon)) != fields.end()) {
            t.kind = Token::field;
            t.name = word.substr(0, colon);
            t.text = word.substr(colon + 1);
            if (t.text.empty() && i < q.size() && quote_at(q.substr(i), opening_quotes)) {
                auto inner = read_quoted(q, i);
                if (!inner) return inner.error();
                t.text = inner.value();
            }
            if (t.text.empty()) return bad_parameter("\"" + t.name + ":\" needs a value");
        } else if (!t.negated && (word == "OR" || word == "AND" || word == "NOT")) {
            t.kind = word == "OR" ? Token::op_or : word == "AND" ? Token::op_and : Token::op_not;
        } else {
            t.text = std::move(word);
        }
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<Lang> QueryParser::languages_for(std::string_view word) const {
    return word_languages(word, only_lang_);
}

std::optional<Xapian::Query> QueryParser::word_query(std::string_view raw, bool exact, Highlight& marks,
                                                     std::vector<std::string>& plain_words) {
    if (raw.size() > 1 && raw.back() == '*') {
        WordToken t = analyzer_.analyse_word(raw.substr(0, raw.size() - 1), languages_for(raw).back());
        if (t.word.empty()) return std::nullopt;
        marks.prefixes.insert(t.word);
        return Xapian::Query(Xapian::Query::OP_WILDCARD, t.word, 200,
                             Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
    if (auto symbol = canonical_symbol(raw)) return symbol_query(*symbol, raw, marks);
    auto spans = analyzer_.word_spans(raw);
    if (spans.empty()) return std::nullopt;
    if (spans.size() > 1) return phrase_query(raw, exact, marks); // "whole-of-government", "A/RES/73/195"
    std::string_view w = raw.substr(spans[0].first, spans[0].second - spans[0].first);
    std::vector<std::string> terms;
    for (Lang lang : languages_for(w)) {
        WordToken t = analyzer_.analyse_word(w, lang);
        if (t.word.empty()) continue;
        if (lang == languages_for(w).front()) plain_words.push_back(t.word);
        terms.push_back(t.word);
        marks.words.insert(t.word);
        // A stem that is a function word ("ans" → "an") is asked for too: the index gives
        // function words no stem term, so it finds only the content words that stem to it.
        if (exact || t.stem.empty()) continue;
        for (const auto& stem : stems_of(t)) {
            terms.push_back(std::string(schema::stem) + stem);
            marks.stems.insert(stem);
        }
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    std::vector<Xapian::Query> translations;
    if (!exact) add_translations(w, terms, translations, marks);
    if (terms.empty() && translations.empty()) return std::nullopt;
    if (translations.empty()) return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    translations.insert(translations.begin(), terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_SYNONYM, translations.begin(), translations.end());
}

// CrossLanguage::on: the word's translations (translate.h) join its forms in one OP_SYNONYM, so
// a word with four translations weighs as one word (bench/README "Across languages": better
// than adding each translation's weight), and are marked in snippets.
void QueryParser::add_translations(std::string_view w, std::vector<std::string>& terms,
                                   std::vector<Xapian::Query>& forms, Highlight& marks) {
    if (across_ == CrossLanguage::off || !lexicon_) return;
    std::vector<Lang> targets(std::begin(all_langs), std::end(all_langs));
    if (only_lang_) targets = {*only_lang_};
    for (TranslatedTerm& t : translations_of(w, analyzer_, {*lexicon_, targets}, terms)) {
        forms.push_back(translation_query(t));
        for (const auto& z : translation_terms(t)) marks.stems.insert(z.substr(schema::stem.size()));
        translated_.push_back(std::move(t));
    }
}

// The last token, when it is a word still being typed (see parse()).
void QueryParser::mark_partial(std::string_view q, std::vector<Token>& tokens) {
    if (tokens.empty() || q.empty() || is_space(q.back())) return;
    Token& t = tokens.back();
    if (t.kind != Token::word || t.negated || t.exact || t.text.size() < 2 || t.text.back() == '*') return;
    if (q.size() < t.text.size() || q.substr(q.size() - t.text.size()) != t.text) return; // ends in a quote
    if (canonical_symbol(t.text) || analyzer_.word_spans(t.text).size() != 1) return;
    t.partial = true;
}

// The indexed words `raw` begins, as the indexer normalises it in each language it may be in:
// the most frequent partial_expansions of them. Nothing for a single letter (every word).
std::optional<Xapian::Query> QueryParser::prefix_query(std::string_view raw, Highlight& marks) {
    std::vector<Xapian::Query> parts;
    std::set<std::string> seen;
    for (Lang lang : languages_for(raw)) {
        WordToken t = analyzer_.analyse_word(raw, lang);
        if (t.word.empty() || !seen.insert(t.word).second) continue;
        std::size_t letters = 0;
        for (unsigned char ch : t.word) letters += (ch & 0xC0) != 0x80;
        if (letters < 2) continue;
        marks.prefixes.insert(t.word);
        parts.emplace_back(Xapian::Query::OP_WILDCARD, t.word, partial_expansions,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
    if (parts.empty()) return std::nullopt;
    return parts.size() == 1 ? parts.front() : Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

std::optional<Error> QueryParser::field(const Token& t, FieldFilters& f) const {
    if (t.name == "speaker") {
        f.speaker.push_back(t.text);
    } else if (t.name == "doc") {
        f.doc.push_back(t.text);
    } else if (t.name == "symbol") {
        auto s = canonical_symbol(t.text);
        if (!s) return bad_parameter("symbol: \"" + t.text + "\" is not a UN document symbol (A/RES/73/195, E/ESCWA/SDD/2021/3)");
        f.symbol.push_back(*s);
    } else if (t.name == "lang") {
        auto l = parse_lang(t.text);
        if (!l) return bad_parameter("lang: must be ar, en or fr");
        f.lang.emplace_back(lang_code(*l));
    } else if (t.name == "objective") {
        int n = 0;
        for (char c : t.text) n = (c >= '0' && c <= '9' && n < 100) ? n * 10 + (c - '0') : 1000;
        if (n < 1 || n > 23) return bad_parameter("objective: must be a GCM objective number, 1 to 23");
        f.objective.push_back(n);
    } else {
        auto code = countries_ ? countries_(t.text) : std::nullopt;
        if (!code) return bad_parameter("country: \"" + t.text + "\" is not a known country name or ISO code");
        f.country.push_back(*code);
    }
    return std::nullopt;
}

// A stopword's marks wait in its clause until it is known to be searched: a dropped "the"
// must not be marked in every snippet.
struct QueryParser::Clause {
    Xapian::Query query;
    bool negated;
    bool stopword;
    Highlight marks;
};

Result<ParsedQuery> QueryParser::parse(std::string_view q, std::optional<Lang> only_lang, LastWord last,
                                       CrossLanguage across) {
    only_lang_ = only_lang;
    across_ = across;
    translated_.clear();
    auto tokens = lex(q);
    if (!tokens) return tokens.error();
    if (auto err = check_limits(tokens.value())) return *err;
    if (last == LastWord::partial) mark_partial(q, tokens.value());
    ParsedQuery out;
    std::vector<Clause> clauses;
    if (auto err = read_clauses(tokens.value(), out, clauses)) return *err;
    combine(clauses, out);
    out.translated = std::move(translated_);
    return out;
}

// Tokens to clauses: field filters go to out.filters, OR joins a clause to the one before it.
std::optional<Error> QueryParser::read_clauses(const std::vector<Token>& tokens, ParsedQuery& out,
                                               std::vector<Clause>& clauses) {
    bool pending_or = false, pending_not = false;
    for (const Token& t : tokens) {
        if (t.kind == Token::op_or) { pending_or = !clauses.empty(); continue; }
        if (t.kind == Token::op_not) { pending_not = true; continue; }
        if (t.kind == Token::op_and) continue;
        if (t.kind == Token::field) {
            bool negated = t.negated || pending_not;
            pending_or = pending_not = false;
            if (auto err = field(t, negated ? out.excluded : out.filters)) return err;
            continue;
        }
        bool stop = t.kind == Token::word && analyzer_.analyse_word(t.text, languages_for(t.text).front()).function_word;
        Highlight marks;
        auto q1 = t.kind == Token::phrase ? phrase_query(t.text, t.exact, marks)
                                          : word_query(t.text, t.exact, marks, out.plain_words);
        if (t.partial) {
            stop = false; // "th" may be the start of "that" or of "theme"
            auto prefix = prefix_query(t.text, marks);
            if (prefix) q1 = q1 ? Xapian::Query(Xapian::Query::OP_OR, *q1, *prefix) : *prefix;
        }
        if (!stop) merge(out.highlight, std::exchange(marks, {}));
        if (!q1) continue;
        bool negated = t.negated || pending_not;
        if (pending_or && !negated && !clauses.back().negated) {
            clauses.back().query = Xapian::Query(Xapian::Query::OP_OR, clauses.back().query, *q1);
            clauses.back().stopword = false;
            for (const Highlight* h : {&clauses.back().marks, &marks}) merge(out.highlight, *h);
        } else {
            clauses.push_back({*q1, negated, stop, std::move(marks)});
        }
        pending_or = pending_not = false;
    }
    return std::nullopt;
}

// Clauses to one query: the positive ones ANDed (stopwords only when nothing else is asked),
// less the negated ones.
void QueryParser::combine(const std::vector<Clause>& clauses, ParsedQuery& out) const {
    bool has_content = std::any_of(clauses.begin(), clauses.end(), [](const Clause& c) { return !c.negated && !c.stopword; });
    std::vector<Xapian::Query> positive, negative;
    for (std::size_t i = 0; i < clauses.size(); ++i) {
        const Clause& c = clauses[i];
        if (c.negated) negative.push_back(c.query);
        else if (!c.stopword || !has_content) positive.push_back(c.query);
        if (c.stopword && !c.negated && !has_content) merge(out.highlight, c.marks);
        if (c.negated || (c.stopword && has_content)) continue; // a gap between its neighbours
        // A word is a synonym of its forms (or one term); anything else breaks a run.
        auto type = c.query.get_type();
        ProximityWord w{{}, static_cast<unsigned>(i)};
        if (type == Xapian::Query::OP_SYNONYM || type == Xapian::Query::LEAF_TERM)
            w.terms.assign(c.query.get_unique_terms_begin(), c.query.get_terms_end());
        out.proximity.push_back(std::move(w));
    }
    if (positive.empty() && negative.empty()) return;
    Xapian::Query query = positive.empty() ? Xapian::Query::MatchAll
                                           : Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
    // Across languages any of the words finds a passage; those with all of them (the AND) have
    // its weight too and rank first.
    if (across_ == CrossLanguage::on && positive.size() > 1)
        query = Xapian::Query(Xapian::Query::OP_OR, query, Xapian::Query(Xapian::Query::OP_OR, positive.begin(), positive.end()));
    if (!negative.empty())
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                              Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end()));
    out.text = query;
}

} // namespace mahdar
