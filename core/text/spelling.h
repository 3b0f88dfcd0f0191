// English spelling variants (issue 15): British spellings written the American way, so that
// "organisation" and "organization", "programme" and "program", "labour" and "labor" give one
// stem at index time and at query time. The table is reference/data/spelling_uk_us.tsv, made
// by scripts/make-spelling-table from the SCOWL word lists.
#pragma once

#include <cstddef>
#include <string_view>
#include <unordered_map>

namespace mahdar {

/// A British → American table in the TSV form of spelling_uk_us.tsv: "british<TAB>american"
/// lines in lower case, '#' lines are comments. Immutable after construction, so thread-safe.
/// It keeps views into `tsv`, which must outlive it (the embedded data lives for the program).
class SpellingTable {
public:
    explicit SpellingTable(std::string_view tsv);

    /// The American spelling of a normalised lower-case word ("organisations" →
    /// "organizations", "centre" → "center"), or `lower_word` itself when it has none (American
    /// spellings, words spelt alike, other languages, words not in lower case). One step: the
    /// result is never itself rewritten. The view is into the table or is `lower_word`.
    std::string_view american(std::string_view lower_word) const;

    /// The number of British spellings in the table.
    std::size_t size() const { return british_to_american_.size(); }

private:
    std::unordered_map<std::string_view, std::string_view> british_to_american_;
    std::size_t shortest_ = 0, longest_ = 0; ///< key lengths: most words skip the hash
};

/// The table embedded at build time from core/reference/data, parsed once on first use
/// (thread-safe static initialisation; immutable afterwards).
const SpellingTable& embedded_spelling_table();

/// embedded_spelling_table().american(lower_word): what the analyzer calls on each English
/// word before stemming. Pure; thread-safe; the result lives as long as `lower_word` or the
/// program.
std::string_view american_spelling(std::string_view lower_word);

} // namespace mahdar
