// The one analysis pipeline for documents and queries: ICU word breaking, normalisation,
// French elision, and per-language stemming.
#pragma once

#include "text/language.h"
#include "text/stopwords.h"

#include <unicode/uversion.h>
#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END
struct sb_stemmer;

namespace mahdar {

/// One word of a text: where it stands in the ORIGINAL text (UTF-8 byte offsets, so snippets
/// and highlights land on the characters the reader sees), its normalised form (the positional
/// term), its stem (empty for numbers) and the further stems it shares with its other written
/// forms (an Arabic word read without its proclitics or as the singular of a broken plural, a
/// French word's stem without accents, a -eux/-oux plural's singular). The indexer gives the
/// stem and every variant a Z term at the word's position, and the query parser asks for them
/// all: "شأن" meets "بشأن", "regulieres" meets "régulières", "enjeux" meets "enjeu".
struct WordToken {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string word;
    std::string stem;
    std::vector<std::string> variants; ///< never equal to `stem`, no repeats
    /// On a stopword list as written: "sur", "à", "a", but not "sûr", whose accent-free `word`
    /// is the stopword "sur". A function word of the passage's language gets no stem term.
    bool function_word = false;
};

/// Strips a French elided article or pronoun (l' d' qu' jusqu' …) from a normalised word:
/// "l'objectif" → "objectif"; "aujourd'hui" stays whole. Pure.
std::string strip_elision(std::string_view normalised_word);

/// Analyses text. Owns an ICU BreakIterator and Snowball stemmers (English: Xapian's; French:
/// Debian's libstemmer, Snowball 2.2, which keeps ï and ë words with their family), which are
/// costly to build and NOT thread-safe: build one Analyzer per thread and reuse it. The word
/// lists are shared (read-only) and must outlive it.
class Analyzer {
public:
    explicit Analyzer(const WordLists& lists);
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    /// The stopword and pair-word lists this analysis uses.
    const WordLists& lists() const { return lists_; }

    /// Byte spans [begin, end) of the words of `text` (ICU word rules; numbers written with
    /// no-break spaces such as "1 234" are one word; ZWNJ separates words).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> word_spans(std::string_view text);

    /// Every word of `text`, analysed with the rules of `lang` (Arabic-script words always by
    /// the Arabic rules). A word met before is taken from a cache of the last words analysed
    /// (at most max_cached_words, then started afresh): the same tokens as analyse_word() gives,
    /// without stemming "the" and "nations" again in every passage.
    std::vector<WordToken> analyse(std::string_view text, Lang lang);

    static constexpr std::size_t max_cached_words = 50000;

    /// The distinct word sequences (normalised words) the indexer gives `text` in a passage of
    /// each language word_languages() allows (`passage`: a search restricted to one language).
    /// Words are split as analyse() splits them; empty when `text` has no word.
    std::vector<std::vector<std::string>> analyse_as_indexed(std::string_view text,
                                                             std::optional<Lang> passage);

    /// One word, analysed as in analyse(); `word` is empty when nothing is left (a lone "l'").
    WordToken analyse_word(std::string_view raw, Lang lang);

private:
    void french_variants(WordToken& t, const std::string& accented);
    const WordToken& cached_word(std::string_view raw, Lang lang);
    std::string french(const std::string& word);

    struct StemmerDeleter {
        void operator()(sb_stemmer* s) const;
    };

    const WordLists& lists_;
    std::unique_ptr<icu::BreakIterator> breaker_;
    Xapian::Stem english_;
    std::unique_ptr<sb_stemmer, StemmerDeleter> french_;
    std::unordered_map<std::string, WordToken> cache_; ///< language code byte + raw word
    std::string key_;                                 ///< reused, so a lookup allocates nothing
};

} // namespace mahdar
