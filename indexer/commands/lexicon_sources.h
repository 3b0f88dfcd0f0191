// The sources of the bilingual lexicon (lexicon_command.h), read as plain text: aligned UN
// sentences, aligned meeting-report paragraphs, FreeDict dictionaries (dictd format) and the
// project's glossary. Nothing here analyses text.
#pragma once

#include "common/lang.h"

#include <array>
#include <string>
#include <vector>

namespace mahdar {

/// One text in its three language versions (index: Lang); a missing version is empty.
struct AlignedText {
    std::array<std::string, 3> text;
};

/// The UN Parallel Corpus dev set in `dir` (UNv1.0.devset.{ar,en,fr}, line-aligned). Throws
/// std::runtime_error when a file is missing or the line counts differ.
std::vector<AlignedText> read_unpc(const std::string& dir);

/// The paragraph-aligned reports of `dir` (../shared/corpus): seeds/NNN_*.txt in English and
/// ar/NNN_*.ar.txt, fr/NNN_*.fr.txt with the same line count; an English report without a
/// translation is skipped, a translation whose line count differs is an error.
std::vector<AlignedText> read_aligned_reports(const std::string& dir);

/// One dictionary entry: a headword and one of its glosses, as written.
struct DictPair {
    Lang from = Lang::en;
    Lang to = Lang::en;
    std::string headword;
    std::string gloss;
    int rank = 0; ///< the gloss's place among the headword's glosses, from 0
};

/// Every headword/gloss pair of the FreeDict dictionaries freedict-{eng-ara,ara-eng,eng-fra,
/// fra-eng}.{index,dict.dz} in `dir` (Debian's dict-freedict-* packages: /usr/share/dictd).
/// Pronunciations (/…/), grammar notes (<…>) and numbering are removed; glosses are split at
/// commas and semicolons. Throws std::runtime_error when a dictionary is missing.
std::vector<DictPair> read_freedict(const std::string& dir);

/// One glossary row: names of one thing in each language, official name first (index: Lang).
struct GlossaryEntry {
    std::array<std::vector<std::string>, 3> names;
};

/// Rows "en<TAB>fr<TAB>ar" with '|' between variants ('#' lines are comments): the format of
/// core/reference/data/glossary_ar_en_fr.tsv. Throws std::runtime_error on a row without 3 cells.
std::vector<GlossaryEntry> parse_glossary(const std::string& tsv);

/// The objective titles and short titles of gcm_objectives.tsv as glossary rows.
std::vector<GlossaryEntry> parse_objectives(const std::string& tsv);

/// A whole file, or std::runtime_error naming it.
std::string read_whole_file(const std::string& path);

} // namespace mahdar
