#include "commands/lexicon_builder.h"

#include "commands/word_alignment.h"
#include "common/strings.h"

#include <algorithm>
#include <cstdio>

namespace mahdar {
namespace {

std::size_t idx(Lang l) {
    return static_cast<std::size_t>(l);
}

bool has_letter(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80 || (c >= 'a' && c <= 'z'))
            return true;
    return false;
}

void keep_max(std::map<std::string, double>& m, const std::string& k, double w) {
    auto& v = m[k];
    v = std::max(v, w);
}

const std::map<std::string, double>&
seen(const std::map<std::string, std::map<std::string, double>>& table, const std::string& source) {
    static const std::map<std::string, double> none;
    auto it = table.find(source);
    return it == table.end() ? none : it->second;
}

} // namespace

// The heaviest per_word translations, with at most dictionary_only_per_word of those that
// only FreeDict gives.
std::vector<std::pair<double, std::string>>
LexiconBuilder::pruned(const std::vector<std::pair<double, std::string>>& best,
                       const std::map<std::string, double>& aligned,
                       const std::map<std::string, double>& glossary) const {
    std::vector<std::pair<double, std::string>> out;
    std::size_t dictionary_only = 0;
    for (const auto& candidate : best) {
        if (out.size() == options_.per_word)
            break;
        if (!aligned.count(candidate.second) && !glossary.count(candidate.second) &&
            ++dictionary_only > options_.dictionary_only_per_word)
            continue;
        out.push_back(candidate);
    }
    return out;
}

LexiconBuilder::LexiconBuilder(Analyzer& analyzer, const LexiconOptions& options)
    : analyzer_(analyzer), options_(options) {}

std::vector<std::string> LexiconBuilder::content_stems(const std::string& text, Lang lang) {
    std::vector<std::string> out;
    for (const auto& t : analyzer_.analyse(text, lang))
        if (!t.function_word && t.stem.size() > 1 && has_letter(t.stem) &&
            !analyzer_.lists().is_stopword(t.word))
            out.push_back(t.stem);
    return out;
}

std::uint32_t LexiconBuilder::id(Lang lang, const std::string& stem) {
    auto [it, added] =
        ids_[idx(lang)].emplace(stem, static_cast<std::uint32_t>(words_[idx(lang)].size()));
    if (added)
        words_[idx(lang)].push_back(stem);
    return it->second;
}

LexiconBuilder::Scores& LexiconBuilder::table(std::array<Scores, 9>& tables, Lang from, Lang to) {
    return tables[idx(from) * 3 + idx(to)];
}

void LexiconBuilder::add_aligned(const std::vector<AlignedText>& texts, int repeat) {
    for (const auto& t : texts) {
        std::array<std::vector<std::uint32_t>, 3> ids;
        for (Lang l : all_langs)
            for (const auto& s : content_stems(t.text[idx(l)], l))
                ids[idx(l)].push_back(id(l, s));
        for (int r = 0; r < repeat; ++r)
            texts_.push_back(ids);
        counts_.aligned_texts += static_cast<std::size_t>(repeat);
    }
}

void LexiconBuilder::add_dictionary(const std::vector<DictPair>& pairs) {
    for (const auto& p : pairs) {
        auto head = content_stems(p.headword, p.from);
        auto gloss = content_stems(p.gloss, p.to);
        if (head.size() != 1 || gloss.size() != 1)
            continue; // multiword glosses are dropped
        double w = p.rank < 3 ? options_.dictionary_weight : options_.dictionary_weight * 0.625;
        keep_max(table(dictionary_, p.from, p.to)[head[0]], gloss[0], w);
        keep_max(table(dictionary_, p.to, p.from)[gloss[0]], head[0], w);
        ++counts_.dictionary_pairs;
    }
}

// A one-word name (an acronym, "migration") gets each name of the other language as one term,
// a phrase when it has several words; names of several words on both sides are learnt from as
// aligned texts, weighted by repetition.
void LexiconBuilder::add_glossary(const std::vector<GlossaryEntry>& entries) {
    for (const auto& g : entries) {
        AlignedText official;
        for (Lang l : all_langs)
            if (!g.names[idx(l)].empty())
                official.text[idx(l)] = g.names[idx(l)].front();
        add_aligned({official}, options_.glossary_repeat);
        for (Lang from : all_langs)
            for (Lang to : all_langs) {
                if (from == to)
                    continue;
                for (const auto& a : g.names[idx(from)]) {
                    auto sa = content_stems(a, from);
                    if (sa.size() != 1)
                        continue;
                    for (const auto& b : g.names[idx(to)]) {
                        auto sb = content_stems(b, to);
                        if (sb.empty())
                            continue;
                        table(glossary_, from, to)[sa[0]][joined(sb, " ")] = 1.0;
                        ++counts_.glossary_pairs;
                    }
                }
            }
    }
}

void LexiconBuilder::add_statistics(Lang a, Lang b, std::array<Scores, 9>& out) {
    std::vector<IdPair> pairs;
    for (const auto& t : texts_)
        if (!t[idx(a)].empty() && !t[idx(b)].empty())
            pairs.push_back({t[idx(a)], t[idx(b)]});
    auto scores = learn_alignment(pairs, {options_.iterations});
    auto& ab = table(out, a, b);
    auto& ba = table(out, b, a);
    for (const auto& [key, s] : scores) {
        const auto& wa = words_[idx(a)][key >> 32];
        const auto& wb = words_[idx(b)][static_cast<std::uint32_t>(key)];
        ab[wa][wb] = s;
        ba[wb][wa] = s;
    }
}

// The rows of one direction: each source term's heaviest translations, pruned.
void LexiconBuilder::write_rows(Lang from, Lang to, const Scores& merged, const Scores& aligned,
                                std::string& out) {
    for (const auto& [src, tgts] : merged) {
        std::vector<std::pair<double, std::string>> best;
        for (const auto& [tgt, w] : tgts)
            if (w >= options_.min_weight)
                best.emplace_back(w, tgt);
        std::stable_sort(best.begin(), best.end(),
                         [](const auto& x, const auto& y) { return x.first > y.first; });
        best = pruned(best, seen(aligned, src), seen(table(glossary_, from, to), src));
        for (const auto& [w, tgt] : best) {
            char weight[16];
            std::snprintf(weight, sizeof weight, "%.2f", w);
            out += std::string(lang_code(from)) + '\t' + src + '\t' + std::string(lang_code(to)) +
                   '\t' + tgt + '\t' + weight + '\n';
            ++counts_.rows;
        }
    }
}

std::string LexiconBuilder::build_tsv() {
    std::array<Scores, 9> stats;
    add_statistics(Lang::ar, Lang::en, stats);
    add_statistics(Lang::en, Lang::fr, stats);
    add_statistics(Lang::ar, Lang::fr, stats);
    std::string out = "#source_lang\tsource_term\ttarget_lang\ttarget_term\tweight\n";
    for (Lang from : all_langs)
        for (Lang to : all_langs) {
            if (from == to)
                continue;
            Scores merged = table(stats, from, to);
            for (const auto& [src, tgts] : table(dictionary_, from, to))
                for (const auto& [tgt, w] : tgts)
                    merged[src][tgt] = std::min(0.95, merged[src][tgt] + w);
            for (const auto& [src, tgts] : table(glossary_, from, to))
                for (const auto& [tgt, w] : tgts)
                    merged[src][tgt] = w;
            write_rows(from, to, merged, table(stats, from, to), out);
        }
    return out;
}

} // namespace mahdar
