// Builds the bilingual lexicon (text/lexicon.h) from its sources (lexicon_sources.h): every
// text analysed by the project's Analyzer, so that source and target terms are the stems the
// index holds.
#pragma once

#include "commands/lexicon_sources.h"
#include "text/analyzer.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace mahdar {

/// Options of LexiconBuilder.
struct LexiconOptions {
    std::size_t per_word = 4;       ///< translations kept per source term and target language
    double min_weight = 0.1;        ///< lighter translations are dropped
    double dictionary_weight = 0.4; ///< added for a pair FreeDict gives (0.25 past its third gloss)
    int iterations = 5;             ///< EM iterations of the alignment model
    int glossary_repeat = 3;        ///< a multiword glossary row counts as this many aligned texts
    /// Translations only FreeDict gives (not seen aligned, not in the glossary) kept per word:
    /// FreeDict's many inflected and rare forms would double the lexicon for little recall.
    std::size_t dictionary_only_per_word = 1;
};

/// What went into the lexicon, for the command's summary.
struct LexiconCounts {
    std::size_t aligned_texts = 0;
    std::size_t dictionary_pairs = 0; ///< single-word pairs kept (multiword glosses dropped)
    std::size_t glossary_pairs = 0;
    std::size_t rows = 0;
};

/// Collects sources, then writes the lexicon. Not thread-safe (owns the caller's Analyzer use).
class LexiconBuilder {
  public:
    LexiconBuilder(Analyzer& analyzer, const LexiconOptions& options);

    void add_aligned(const std::vector<AlignedText>& texts, int repeat);
    void add_dictionary(const std::vector<DictPair>& pairs);
    void add_glossary(const std::vector<GlossaryEntry>& entries);

    /// Learns the alignment statistics and returns the lexicon as TSV rows (source_lang,
    /// source_term, target_lang, target_term, weight with 2 decimals), sorted, at most per_word
    /// per source term and target language; a header comment first.
    std::string build_tsv();

    const LexiconCounts& counts() const { return counts_; }

  private:
    using Scores = std::map<std::string, std::map<std::string, double>>; // source → target → weight
    std::vector<std::string> content_stems(const std::string& text, Lang lang);
    std::uint32_t id(Lang lang, const std::string& stem);
    Scores& table(std::array<Scores, 9>& tables, Lang from, Lang to);
    void add_statistics(Lang a, Lang b, std::array<Scores, 9>& out);
    void write_rows(Lang from, Lang to, const Scores& merged, const Scores& aligned,
                    std::string& out);
    std::vector<std::pair<double, std::string>>
    pruned(const std::vector<std::pair<double, std::string>>& best,
           const std::map<std::string, double>& aligned,
           const std::map<std::string, double>& glossary) const;

    Analyzer& analyzer_;
    LexiconOptions options_;
    LexiconCounts counts_;
    std::array<std::unordered_map<std::string, std::uint32_t>, 3> ids_;
    std::array<std::vector<std::string>, 3> words_;
    std::vector<std::array<std::vector<std::uint32_t>, 3>> texts_; // analysed, per language
    std::array<Scores, 9> dictionary_;
    std::array<Scores, 9> glossary_;
};

} // namespace mahdar
