// Parsing the `q` parameter into a Xapian query, with the same analysis as indexed text.
#pragma once

#include "common/result.h"
#include "search/proximity.h"
#include "search/translate.h"
#include "text/analyzer.h"
#include "text/stopwords.h"

#include <xapian.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mahdar {

/// Filters named inside q (`speaker:`, `country:`, `objective:`, `lang:`, `symbol:`, `doc:`), merged
/// by the request parser with the URL's filter parameters; negated ones exclude.
struct FieldFilters {
    std::vector<std::string> speaker, country, lang, doc;
    std::vector<std::string> symbol; ///< canonical UN symbols (text/un_symbol.h)
    std::vector<int> objective;
};

/// What the snippet writer marks: normalised words, stems and word prefixes of the query.
struct Highlight {
    std::set<std::string> words, stems, prefixes;
    bool empty() const { return words.empty() && stems.empty() && prefixes.empty(); }
};

struct ParsedQuery {
    std::optional<Xapian::Query> text; ///< nullopt: no text (browse with filters)
    FieldFilters filters;
    FieldFilters excluded; ///< `-country:MA`, `NOT speaker:"…"`: passages with these are left out
    Highlight highlight;
    std::vector<std::string> plain_words; ///< normalised words outside phrases (spelling)
    std::vector<ProximityWord> proximity; ///< the searched words in order, for proximity.h
    /// CrossLanguage::on: the translations added to the query's words, in query order.
    std::vector<TranslatedTerm> translated;
};

/// Whether the last word of q is finished (a search submitted) or being typed: `partial`
/// makes it match as written or as the start of a longer word (search as you type).
enum class LastWord { complete, partial };

/// The words a half-typed last word expands to at most: the most frequent in the index.
inline constexpr unsigned partial_expansions = 30;

/// The most a query may ask (README "Limits"): over them, a 400 bad_parameter naming the limit.
/// Each wildcard also expands to at most the 200 most frequent words it begins.
struct QueryLimits {
    unsigned max_wildcards = 10; ///< word* prefixes in one query (mahdar-searchd --max-wildcards)
    unsigned max_terms = 64;     ///< words, phrases and field:value filters in one query (--max-terms)
};

/// Maps a country name in any language ("Maroc", "المغرب") to its ISO code, or nullopt.
using CountryResolver = std::function<std::optional<std::string>(std::string_view)>;

/// Whether the index has word-pair terms made with this build's stopword list (schema.h
/// word_pair_prefix), so phrases can use them.
enum class WordPairs { absent, indexed };

/// Two adjacent words: through their pair term when there is one (no positions read), else as
/// a phrase. Either way weighted as Xapian weights a phrase, by the sum of its words' weights.
Xapian::Query adjacent_words(const std::string& first, const std::string& second, WordPairs pairs,
                             const WordLists& lists);

/// Parses queries: words (implicit AND), "phrases" (also “…” and «…»), OR between two terms,
/// NOT/-term, word* prefixes, and field:value filters. A word is its form as written and every
/// stem and variant of it (text/analyzer.h WordToken), as one synonym: a Latin word with no
/// language filter as English and French, Arabic script words by the Arabic rules. A phrase
/// matches its words inflected or with other clitics too, the phrase as written ranked first.
/// `=word` and `="…"` ask for the forms as written only (the exact operator). With
/// CrossLanguage::on (`langs=all`) a word also matches its lexicon translations (translate.h) in
/// the other languages, as more forms of the same word, and a passage needs only some of the
/// words: in another language a word's translation may be missing or worded otherwise. Passages
/// with every word rank first; phrases and exact words are not translated. Not thread-safe
/// (uses the caller's Analyzer); the Lexicon is only read.
class QueryParser {
public:
    QueryParser(Analyzer& analyzer, CountryResolver countries, WordPairs pairs = WordPairs::absent);
    /// With LastWord::partial, q's last word — when q does not end in a space and that word is
    /// not quoted, negated, exact (=), a field:value or already a word* — also matches the
    /// indexed words it begins (normalised as indexed: accents, Arabic letter forms and
    /// diacritics), the partial_expansions most frequent of them, and they are highlighted.
    /// With CrossLanguage::on, `only_lang` is the one language searched (the translations into
    /// it only); a word's own language is told by its script, whatever only_lang.
    Result<ParsedQuery> parse(std::string_view q, std::optional<Lang> only_lang,
                              LastWord last = LastWord::complete, CrossLanguage across = CrossLanguage::off);
    /// The translations CrossLanguage::on adds (nullptr: none). Must outlive the parser.
    void set_lexicon(const Lexicon* lexicon) { lexicon_ = lexicon; }
    const Lexicon* lexicon() const { return lexicon_; } ///< nullptr when none was set
    void set_word_pairs(WordPairs pairs) { pairs_ = pairs; }
    void set_limits(QueryLimits limits) { limits_ = limits; }
    WordPairs word_pairs() const { return pairs_; }

private:
    struct Token;
    struct Clause;
    std::optional<Error> check_limits(const std::vector<Token>& tokens) const;
    std::optional<Error> read_clauses(const std::vector<Token>& tokens, ParsedQuery& out,
                                      std::vector<Clause>& clauses);
    void combine(const std::vector<Clause>& clauses, ParsedQuery& out) const;
    Result<std::vector<Token>> lex(std::string_view q) const;
    std::optional<Xapian::Query> word_query(std::string_view raw, bool exact, Highlight& marks,
                                            std::vector<std::string>& plain_words);
    std::optional<Xapian::Query> phrase_query(std::string_view text, bool exact, Highlight& marks);
    std::optional<Xapian::Query> prefix_query(std::string_view raw, Highlight& marks);
    void mark_partial(std::string_view q, std::vector<Token>& tokens);
    std::optional<Xapian::Query> loose_phrase_of(const std::vector<WordToken>& tokens, Lang lang, Highlight& marks) const;
    static std::vector<std::string> stems_of(const WordToken& t);
    Xapian::Query symbol_query(const std::string& symbol, std::string_view raw, Highlight& marks);
    Xapian::Query phrase_of(const std::vector<std::string>& words) const;
    std::optional<Error> field(const Token& t, FieldFilters& f) const;
    std::vector<Lang> languages_for(std::string_view word) const;
    void add_translations(std::string_view w, std::vector<std::string>& terms,
                          std::vector<Xapian::Query>& forms, Highlight& marks);

    Analyzer& analyzer_;
    CountryResolver countries_;
    WordPairs pairs_;
    std::optional<Lang> only_lang_;
    CrossLanguage across_ = CrossLanguage::off;
    const Lexicon* lexicon_ = nullptr;
    std::vector<TranslatedTerm> translated_; ///< of the query being parsed
    QueryLimits limits_;
};


} // namespace mahdar
