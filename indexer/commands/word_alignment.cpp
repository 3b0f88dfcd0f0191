#include "commands/word_alignment.h"

#include <cmath>

namespace mahdar {
namespace {

constexpr std::uint32_t null_word = 0xffffffffu;

using Table = std::unordered_map<std::uint64_t, float>;

// t(target | source) by EM; `flip` reads each pair from b to a. The source side gets a NULL word
// so that a target word with no counterpart does not pull a real word's probability.
Table model1(const std::vector<IdPair>& pairs, bool flip, int iterations) {
    Table t;
    for (const auto& p : pairs) {
        const auto& src = flip ? p.b : p.a;
        const auto& tgt = flip ? p.a : p.b;
        for (auto f : tgt) {
            t[pair_key(null_word, f)] = 1.0f;
            for (auto e : src)
                t[pair_key(e, f)] = 1.0f;
        }
    }
    std::vector<float> row;
    for (int it = 0; it < iterations; ++it) {
        Table count;
        count.reserve(t.size());
        std::unordered_map<std::uint32_t, double> total;
        for (const auto& p : pairs) {
            const auto& src = flip ? p.b : p.a;
            const auto& tgt = flip ? p.a : p.b;
            for (auto f : tgt) {
                row.assign(1, t[pair_key(null_word, f)]);
                for (auto e : src)
                    row.push_back(t[pair_key(e, f)]);
                double z = 0;
                for (float v : row)
                    z += v;
                if (z <= 0)
                    continue;
                for (std::size_t k = 0; k < row.size(); ++k) {
                    std::uint32_t e = k == 0 ? null_word : src[k - 1];
                    float c = static_cast<float>(row[k] / z);
                    count[pair_key(e, f)] += c;
                    total[e] += c;
                }
            }
        }
        for (auto& [key, c] : count)
            c = static_cast<float>(c / total[static_cast<std::uint32_t>(key >> 32)]);
        t.swap(count);
    }
    return t;
}

} // namespace

std::unordered_map<std::uint64_t, float> learn_alignment(const std::vector<IdPair>& pairs,
                                                         const AlignmentOptions& options) {
    Table forward = model1(pairs, false, options.iterations); // key (a, b): t(b|a)
    Table backward = model1(pairs, true, options.iterations); // key (b, a): t(a|b)
    std::unordered_map<std::uint64_t, float> out;
    for (const auto& [key, p] : forward) {
        auto a = static_cast<std::uint32_t>(key >> 32), b = static_cast<std::uint32_t>(key);
        if (a == null_word)
            continue;
        auto back = backward.find(pair_key(b, a));
        if (back == backward.end())
            continue;
        float score = std::sqrt(p * back->second);
        if (score >= 0.01f)
            out[key] = score;
    }
    return out;
}

} // namespace mahdar
