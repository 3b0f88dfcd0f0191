// The word lists of the analysis (core/reference/data): stopwords, the frequent function words
// of each language (stopwords.tsv), and pair words, frequent content words of UN records
// (pair_words.tsv). The query parser drops stopwords when other words remain; the index gives
// them no stemmed term in their own language; and both kinds make word pairs with their
// neighbours (format/schema.h word_pair), as Sphinx's bigram_freq_words do.
#pragma once

#include "common/lang.h"

#include <array>
#include <string>
#include <string_view>
#include <unordered_set>

namespace mahdar {

/// Both lists, parsed once. Each program's main (or a test) builds one and passes it down by
/// reference to every Analyzer; immutable after construction, so thread-safe.
class WordLists {
public:
    /// Lists in the TSV form of stopwords.tsv: "lang<TAB>word|word|…" lines, # comments.
    WordLists(std::string_view stopwords_tsv, std::string_view pair_words_tsv);

    /// The lists embedded at build time from core/reference/data.
    static WordLists embedded();

    /// True for a normalised word on any language's stopword list ("the", "de", "في").
    bool is_stopword(const std::string& normalised_word) const;

    /// True for a normalised word on `lang`'s list ("son" is one in French, not in English).
    bool is_stopword(const std::string& normalised_word, Lang lang) const;

    /// True for a word written with accents exactly as the list writes it ("à", "été"): the
    /// accent-free key of "sûr" is the stopword "sur", but "sûr" is not on the list.
    bool is_listed_form(const std::string& accented_word) const { return listed_forms_.count(accented_word) > 0; }

    /// True for a stopword or a pair word: two of them side by side make a word pair.
    bool makes_word_pairs(const std::string& normalised_word) const;

    /// Hex FNV-1a of both lists' text and the pair rule: an index made its word pairs with the lists whose
    /// fingerprint it records, and they serve only a searchd with the same lists.
    const std::string& fingerprint() const { return fingerprint_; }

private:
    std::array<std::unordered_set<std::string>, 3> stopwords_by_lang_;
    std::unordered_set<std::string> stopwords_;
    std::unordered_set<std::string> pair_makers_; ///< stopwords and pair words in one set
    std::unordered_set<std::string> listed_forms_; ///< stopwords as written, accents kept
    std::string fingerprint_;
};

} // namespace mahdar
