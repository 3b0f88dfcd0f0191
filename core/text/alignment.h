// Paragraph alignment between two language versions of one text: which paragraphs of one are
// the translation of which of the other. Pure functions over strings, no index.
//
// One Gale–Church dynamic programme over character lengths (the two versions' overall length
// ratio stands for the language pair's) in which paragraph numbers weigh most (a "12." in
// English is the "12." in French and Arabic: a bead starting with the same number on both sides
// is all but certain, with two different numbers all but excluded), then the anchors both
// sides share: numbers, dates, UN symbols, and Latin-script names written the same way in both.
// Numbers decide where they are; lengths and anchors align the unnumbered rest, and a numbered
// paragraph one version splits in two or joins with the next (a 1–2 or 2–1 bead).
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
/// a doubtful one. Beads whose first paragraphs have the same number have how == numbered
/// (score 0.6 and up).
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
/// bead at most. Far from the diagonal (beyond max(60, 2·|n−m|+30) paragraphs) no path is
/// tried, so long documents stay affordable. Deterministic. Pure.
std::vector<Bead> align_paragraphs(const std::vector<AlignItem>& a, const std::vector<AlignItem>& b);

} // namespace mahdar
