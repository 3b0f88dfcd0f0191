// Countries named in a passage.
#pragma once

#include "reference/reference_data.h"
#include "text/language.h"
#include "text/text_scan.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mahdar {

/// A country mention: its ISO code and where it is (byte offsets in the text).
struct CountryMention {
    std::string code;
    std::uint32_t begin = 0, end = 0;
};

/// Byte ranges [begin, end) of a text.
using Spans = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

/// Finds countries by name, short name, official name or alias (any of the three languages,
/// with ICU's CLDR names), and by adjective or demonym (the passage's language: "Moroccan",
/// "marocaines", "المغاربة"). Matching uses search normalisation: case, accents, hamza, teh
/// marbuta, elision ("l’Algérie") and Arabic proclitics ("وللمغرب", "بالجزائر"). English and
/// French names must be capitalised as in the table ("Chad", not "chad"). Not countries:
/// masks of the reference data ("Gulf of Guinea", "المغرب العربي", "American University"),
/// demonyms next to a language name ("English, Arabic and French"), the language of a speech
/// in a record ("(spoke in French)", "(تكلم بالفرنسية)"), and ambiguous Arabic
/// names ("عمان" is also Amman) unless they stand in a list of countries. Immutable after
/// construction; thread-safe.
class CountryMatcher {
  public:
    explicit CountryMatcher(const ReferenceData& data);

    /// Every country mention in `text`, in order, outside the `excluded` byte ranges
    /// (personal names, for instance).
    std::vector<CountryMention> find(std::string_view text, Lang lang,
                                     const Spans& excluded = {}) const;

    /// The codes of find(), sorted and unique.
    std::vector<std::string> codes(std::string_view text, Lang lang,
                                   const Spans& excluded = {}) const;

    /// The same, for a text already scanned (`t` are the tokens of `text`).
    std::vector<CountryMention> find(std::string_view text, const Tokens& t, Lang lang,
                                     const Spans& excluded = {}) const;
    std::vector<std::string> codes(std::string_view text, const Tokens& t, Lang lang,
                                   const Spans& excluded = {}) const;

  private:
    struct Found {
        std::size_t first, last;
        int country; ///< index into codes_
        bool adjective;
    };
    std::vector<Found> scan(std::string_view text, const Tokens& t, Lang lang) const;
    void mask_interpretation(std::string_view text, const Tokens& t, Lang lang,
                             std::vector<bool>& masked) const;
    bool near_language_word(const Tokens& t, const Found& f, Lang lang) const;
    bool isolated(const std::vector<Found>& all, std::size_t k) const;

    std::vector<std::string> codes_;
    PhraseIndex names_; ///< all languages; payload: index into codes_
    std::array<PhraseIndex, 3> adjectives_{PhraseIndex(Article::strip), PhraseIndex(Article::strip),
                                           PhraseIndex(Article::strip)}; ///< per language
    PhraseIndex masks_; ///< all languages; payload unused
    std::array<PhraseIndex, 3> interpretation_; ///< "spoke in", "parle en", "تكلم"
    std::array<WordSet, 3> language_words_{WordSet(WordMatch::arabic_forms),
                                           WordSet(WordMatch::arabic_forms),
                                           WordSet(WordMatch::arabic_forms)};
    WordSet ambiguous_{WordMatch::arabic_forms};
};

} // namespace mahdar
