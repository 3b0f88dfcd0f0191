// Search across languages (issue 19, `langs=all`): a query word also matches its lexicon
// translations (text/lexicon.h) in the other languages, and a hit says which of them it holds.
#pragma once

#include "common/lang.h"
#include "text/analyzer.h"
#include "text/lexicon.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// Whether a query's words also find their translations in the other languages (`langs=all`).
enum class CrossLanguage { off, on };

/// One translation added to a query word.
struct TranslatedTerm {
    std::string word;        ///< the query word as typed
    std::string translation; ///< the lexicon's analysed term: stems, space-separated for a phrase
    Lang lang = Lang::en;    ///< the translation's language
    double weight = 0;       ///< the lexicon's weight, in (0, 1]
};

/// What translations_of() reads: the lexicon, and the languages to translate into.
struct TranslationScope {
    const Lexicon& lexicon;
    std::vector<Lang> targets; ///< the search's languages (all three, or its one `lang` filter)
};

/// The translations of the query word `raw` into each language of `scope.targets` other than
/// the word's own: the word is analysed by the rules of each language it may be written in
/// (text/language.h word_languages: a Latin word as English and as French), and the stem and
/// variants of each analysis are looked up. At most Lexicon::max_translations per target
/// language, heaviest first; none for a function word; none equal to one of `own_terms` (the
/// Z terms the word already asks for, such as a French cognate).
std::vector<TranslatedTerm> translations_of(std::string_view raw, Analyzer& analyzer, const TranslationScope& scope,
                                            const std::vector<std::string>& own_terms);

/// The Z terms of a translation: one stem, or the stems of a phrase in order.
std::vector<std::string> translation_terms(const TranslatedTerm& t);

/// The query for a translation: its stem's Z term, or its stems within n + 2 positions of one
/// another (a phrase translation, whose wording may vary a little).
Xapian::Query translation_query(const TranslatedTerm& t);

/// The translations of `query` that `doc` (a passage in `lang`) holds: every term of one, in
/// `query`'s order. Reads the document's term list.
std::vector<TranslatedTerm> matched_translations(const Xapian::Document& doc, Lang lang,
                                                 const std::vector<TranslatedTerm>& query);

} // namespace mahdar
