// The perturbations of the citation evaluation (issue 6): how a writer's pasted quote differs
// from its source.
#pragma once

#include "text/language.h"

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mahdar::eval {

enum class Perturbation : std::uint8_t {
    none,        ///< the stretch as it stands
    diacritics,  ///< accents / harakat removed or added; Arabic also hamza forms and tatweel
    quotes,      ///< other quote marks and apostrophes
    ellipsis,    ///< "…" or "..." replacing words in the middle
    changed,     ///< one or two words replaced (a number changed when it is one)
    dropped,     ///< one or two inner words left out
    line_break,  ///< a line break between words, or a word hyphenated at a line end
    case_change, ///< UPPER, lower or Title Case
    sentence,    ///< one whole sentence out of a longer passage
};

inline constexpr std::array<Perturbation, 8> perturbations = {
    Perturbation::diacritics,  Perturbation::quotes,  Perturbation::ellipsis,
    Perturbation::changed,     Perturbation::dropped, Perturbation::line_break,
    Perturbation::case_change, Perturbation::sentence};

std::string_view name(Perturbation p);

/// True when the perturbation leaves the words the same after normalisation (so the lookup
/// must say verbatim); false for ellipsis, changed and dropped.
bool keeps_verbatim(Perturbation p);

using Rng = std::mt19937_64;

/// A uniformly drawn integer in [lo, hi] (the same sequence on every platform).
std::size_t draw(Rng& rng, std::size_t lo, std::size_t hi);

/// A pasted text being built: its words and the text before each word (gaps[0] is "").
struct Draft {
    std::vector<std::string> words;
    std::vector<std::string> gaps;
    Lang lang = Lang::en;
    std::string text() const;
};

using Spans = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

/// Word ranges [first, last) (indices into `spans`, from Analyzer::word_spans) of the
/// sentences of `text` that have 8–40 words (ICU sentence rules).
std::vector<std::pair<std::size_t, std::size_t>> sentence_ranges(const std::string& text,
                                                                 const Spans& spans);

/// The words [first, last) of `text` (byte spans from Analyzer::word_spans) with the original
/// text between them.
Draft draft_from(std::string_view text, const Spans& spans, std::size_t first, std::size_t last,
                 Lang lang);

/// Applies one perturbation (not `sentence`, which is a way of cutting). `vocabulary` gives
/// replacement words of the draft's language. Ellipsis needs at least 12 words.
void apply(Perturbation p, Draft& d, Rng& rng, const std::vector<std::string>& vocabulary);

} // namespace mahdar::eval
