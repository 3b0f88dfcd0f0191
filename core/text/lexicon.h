// The bilingual lexicon (issue 19): for an analysed word of one language (a stem as
// WordToken::stem gives it), its likeliest translations into another language, as analysed
// terms of that language, with weights. Built by `mahdar-indexer lexicon` from aligned UN
// text, FreeDict and the project's glossary (core/reference/data/README.md), committed as
// core/reference/data/lexicon.tsv and embedded at build time.
#pragma once

#include "common/lang.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mahdar {

/// One translation of a term. `term` is a stem of the target language as the Analyzer gives it
/// (the index's Z term without its prefix), or several stems separated by one space: a phrase
/// ("iom" → "منظمه دولي هجره").
struct Translation {
    std::string term;
    double weight = 0; ///< in (0, 1]; 1 for the hand-checked glossary
};

/// The lexicon, parsed once. Immutable after construction, so one instance may be shared by any
/// number of threads.
class Lexicon {
  public:
    /// At most this many translations per source term and target language.
    static constexpr std::size_t max_translations = 4;

    /// Parses rows "source_lang<TAB>source_term<TAB>target_lang<TAB>target_term<TAB>weight"
    /// (lines starting with '#' are comments). Throws std::runtime_error naming the line of a
    /// malformed row (unknown language, weight not in (0, 1], a missing cell).
    explicit Lexicon(std::string_view tsv);

    /// The lexicon embedded at build time (core/reference/data/lexicon.tsv).
    static Lexicon embedded();

    /// The translations of `term` (an analysed term of `from`) into `to`, heaviest first, at
    /// most max_translations; empty when there is none or from == to.
    const std::vector<Translation>& translations(std::string_view term, Lang from, Lang to) const;

    /// Number of (source term, target term) rows.
    std::size_t size() const { return rows_; }

  private:
    static std::string key(std::string_view term, Lang from, Lang to);

    std::unordered_map<std::string, std::vector<Translation>> by_source_;
    std::size_t rows_ = 0;
};

} // namespace mahdar
