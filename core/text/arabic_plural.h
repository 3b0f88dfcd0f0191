// Arabic broken plurals and their singulars (issue 15), from reference/data/arabic_plurals.tsv.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mahdar {

/// A table from broken plurals to their singulars, both as normalise_word() spells them.
/// Immutable once built: lookups are safe from any number of threads.
class ArabicPlurals {
public:
    /// Reads the rows "plural<TAB>singular|singular…[<TAB>source]" of a TSV; '#' lines are
    /// comments. Cells are passed through normalise_word().
    static ArabicPlurals from_tsv(std::string_view tsv);
    /// The table embedded from core/reference/data/arabic_plurals.tsv.
    static ArabicPlurals embedded();

    /// The singulars of a broken plural, most likely first; empty when the word is not a known
    /// broken plural. `bare_word` is normalised, with its proclitics (و ف ب ك ل ال لل) removed.
    const std::vector<std::string>& singulars(std::string_view bare_word) const;
    std::size_t size() const { return table_.size(); }

private:
    std::unordered_map<std::string, std::vector<std::string>> table_;
};

/// singulars() of the embedded table, which is built once on first use (thread-safe).
/// arabic_singulars("حقوق") == {"حق"}, arabic_singulars("نساء") == {"امراه"},
/// arabic_singulars("تعاون") is empty.
const std::vector<std::string>& arabic_singulars(std::string_view bare_word);

} // namespace mahdar
