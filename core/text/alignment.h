// Paragraph alignment between two language versions of one text: which paragraphs of one are
// the translation of which of the other. Pure functions over strings, no index.
//
// Numbered paragraphs are paired by their number first (a "12." in English is the "12." in
// French and Arabic); the stretches between those pairs are aligned by a Gale–Church dynamic
// programme over character lengths (the two versions' overall length ratio stands for the
// language pair's), helped by anchors both sides share: numbers, dates, UN symbols, and
// Latin-script names written the same way in both.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// One paragraph to align: its text and its own number ("12"), if it has one.
struct AlignItem {
    std::string text;
    std::string para;
};

/// One bead: paragraphs `a` of the first version (indices into its list, ascending, 1 or 2)
/// are the translation of paragraphs `b` of the second (1 or 2). 1–1, 1–2 and 2–1 beads; a
/// paragraph with no counterpart is in no bead. `score` in [0, 1]: 1 a sure pair, below 0.3
/// a doubtful one. Paragraphs paired by number have how == numbered.
struct Bead {
    enum How { numbered, length };
    std::vector<std::uint32_t> a, b;
    double score = 0;
    How how = length;
};

/// The anchors of a text: numbers (digits of any script, leading zeros dropped, "1,500" and
/// "1 500" both give "1" and "500"), UN symbols (canonical) and Latin-script words of three
/// letters or more starting with a capital, lower-cased. Pure.
std::set<std::string> anchors_of(std::string_view text);

/// How much two anchor sets agree: the Dice coefficient (0 when either is empty).
double anchor_agreement(const std::set<std::string>& a, const std::set<std::string>& b);

/// Aligns `a` with `b`. Beads are in order of both sides (monotone), each paragraph in one
/// bead at most. Paragraph numbers that are not unique on a side, or that would cross an
/// earlier pair, are ignored (left to the length alignment). Deterministic. Pure.
std::vector<Bead> align_paragraphs(const std::vector<AlignItem>& a, const std::vector<AlignItem>& b);

} // namespace mahdar
