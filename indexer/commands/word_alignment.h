// Word translation probabilities learnt from aligned sentences (IBM Model 1, Brown et al. 1993),
// for the bilingual lexicon (lexicon_command.h). Pure computation over word ids.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace mahdar {

/// One aligned sentence pair as word ids of each side's vocabulary (ids from 0; repeats kept).
struct IdPair {
    std::vector<std::uint32_t> a;
    std::vector<std::uint32_t> b;
};

/// Options of learn_alignment().
struct AlignmentOptions {
    int iterations = 5;
};

/// Key of a (word of a, word of b) pair in the maps below.
inline std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
    return (std::uint64_t{a} << 32) | b;
}

/// For each pair of words seen together in a sentence pair, sqrt(t(b|a) · t(a|b)): Model 1's
/// translation probability in both directions, each trained with its own NULL word, so a pair
/// scores high only when each word is the other's likeliest translation. Deterministic.
std::unordered_map<std::uint64_t, float> learn_alignment(const std::vector<IdPair>& pairs,
                                                         const AlignmentOptions& options);

} // namespace mahdar
