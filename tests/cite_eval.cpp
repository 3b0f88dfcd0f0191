// mahdar-cite-eval: how often the citation lookup (issue 6) puts the right passage first when
// the pasted quote is perturbed as writers perturb quotes.
//
//   mahdar-cite-eval --db DIR [--trials N] [--pair-trials M] [--seed S] [--source-prefix P]
//                    [--show-failures K] [--candidates N] [--terms N] [--pairs N] [--min-score X]
//                    [--negatives FILE [--negative-trials N]]...
//
// Takes passages from the index, cuts random stretches of 8–40 words (or one whole sentence
// of a longer passage), applies each perturbation of cite_perturb.h alone (N cases per
// language) and every pair of them (M cases per language and pair), looks each text up with
// cite() exactly as /api/cite does (no language given), and prints top-1 accuracy per
// perturbation and language, false "verbatim" answers and time per lookup. --negatives takes
// a file of sentences that are NOT in the index (one per line) and counts how often a lookup
// of one of them still returns a match. Seeded: the same arguments give the same cases.
#include "cite/cite.h"
#include "cite_perturb.h"
#include "format/record.h"
#include "http/cite_routes.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>

namespace {

using namespace mahdar;
using namespace mahdar::eval;

struct Args {
    std::string db, source_prefix;
    std::vector<std::string> negatives;
    std::size_t trials = 100, pair_trials = 30, show_failures = 0, negative_trials = 300;
    unsigned long long seed = 6;
    CiteOptions options;
};

bool parse_args(int argc, char** argv, Args& a) {
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i], v = argv[i + 1];
        if (k == "--db")
            a.db = v;
        else if (k == "--trials")
            a.trials = std::stoul(v);
        else if (k == "--pair-trials")
            a.pair_trials = std::stoul(v);
        else if (k == "--seed")
            a.seed = std::stoull(v);
        else if (k == "--source-prefix")
            a.source_prefix = v;
        else if (k == "--show-failures")
            a.show_failures = std::stoul(v);
        else if (k == "--negatives")
            a.negatives.push_back(v);
        else if (k == "--negative-trials")
            a.negative_trials = std::stoul(v);
        else if (k == "--candidates")
            a.options.candidates = std::stoul(v);
        else if (k == "--terms")
            a.options.query_terms = std::stoul(v);
        else if (k == "--pairs")
            a.options.query_pairs = std::stoul(v);
        else if (k == "--min-score")
            a.options.min_score = std::stod(v);
        else
            return false;
    }
    return argc % 2 == 1 && !a.db.empty();
}

struct Source {
    Passage passage;
    Spans spans;
};

struct Corpus {
    std::map<Lang, std::vector<Source>> by_lang;
    std::map<Lang, std::vector<std::string>> vocabulary;
};

Corpus load(Context& c, const std::string& prefix) {
    Corpus corpus;
    for (auto it = c.db.postlist_begin(""); it != c.db.postlist_end(""); ++it) {
        Source s{read_passage(c.db.get_document(*it)), {}};
        s.spans = c.analyzer.word_spans(s.passage.text);
        Lang lang = s.passage.lang.value_or(Lang::en);
        auto& vocab = corpus.vocabulary[lang];
        for (auto [b, e] : s.spans)
            if (e - b >= 4 && vocab.size() < 20000)
                vocab.emplace_back(s.passage.text.substr(b, e - b));
        if (s.spans.size() >= 8 && s.passage.id.rfind(prefix, 0) == 0)
            corpus.by_lang[lang].push_back(std::move(s));
    }
    return corpus;
}

struct Case {
    const Source* source = nullptr;
    std::string original, text;
    bool expect_verbatim = true;
};

bool uses(const std::vector<Perturbation>& combo, Perturbation p) {
    return std::find(combo.begin(), combo.end(), p) != combo.end();
}

// Picks the passage and the stretch: a whole sentence of a longer passage, or 8–40 words.
std::optional<std::pair<const Source*, std::pair<std::size_t, std::size_t>>>
cut(const std::vector<Source>& pool, const std::vector<Perturbation>& combo, Rng& rng) {
    std::size_t min_words = uses(combo, Perturbation::ellipsis) ? 12 : 8;
    for (int attempt = 0; attempt < 500; ++attempt) {
        const Source& s = pool[draw(rng, 0, pool.size() - 1)];
        std::size_t n = s.spans.size();
        if (uses(combo, Perturbation::sentence)) {
            auto found = sentence_ranges(s.passage.text, s.spans);
            if (found.empty()) continue;
            auto range = found[draw(rng, 0, found.size() - 1)];
            if (range.second - range.first < min_words || n < range.second - range.first + 8)
                continue;
            return std::make_pair(&s, range);
        }
        if (n < min_words) continue;
        std::size_t len = draw(rng, min_words, std::min<std::size_t>(40, n));
        std::size_t first = draw(rng, 0, n - len);
        return std::make_pair(&s, std::make_pair(first, first + len));
    }
    return std::nullopt;
}

std::optional<Case> make_case(const Corpus& corpus, Lang lang,
                              const std::vector<Perturbation>& combo, Rng& rng) {
    auto picked = cut(corpus.by_lang.at(lang), combo, rng);
    if (!picked) return std::nullopt;
    auto [source, range] = *picked;
    Case c;
    c.source = source;
    Draft d = draft_from(source->passage.text, source->spans, range.first, range.second, lang);
    c.original = d.text();
    const auto& vocab = corpus.vocabulary.at(lang);
    for (Perturbation p : {Perturbation::ellipsis, Perturbation::dropped, Perturbation::changed,
                           Perturbation::diacritics, Perturbation::quotes,
                           Perturbation::case_change, Perturbation::line_break})
        if (uses(combo, p)) {
            apply(p, d, rng, vocab);
            c.expect_verbatim = c.expect_verbatim && keeps_verbatim(p);
        }
    c.text = d.text();
    return c;
}

struct Tally {
    std::size_t n = 0, top1 = 0, duplicate = 0, empty = 0, false_verbatim = 0, missed_verbatim = 0;
    void add(const Tally& o) {
        n += o.n, top1 += o.top1, duplicate += o.duplicate, empty += o.empty;
        false_verbatim += o.false_verbatim, missed_verbatim += o.missed_verbatim;
    }
};

bool contains(const std::vector<QuoteWord>& hay, const std::vector<QuoteWord>& needle) {
    auto same = [](const QuoteWord& a, const QuoteWord& b) { return a.key == b.key; };
    return !needle.empty() &&
           std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), same) != hay.end();
}

struct Evaluator {
    Context& ctx;
    const CitationFormatter& formatter;
    std::vector<double> ms;
    std::vector<double> right_scores; ///< alignment score / its maximum, of right answers
    std::size_t failures_left = 0;
    CiteOptions options;

    std::vector<QuoteWord> words(const std::string& text) {
        return quote_words(text, ctx.analyzer, [this](std::string_view k) {
            return ctx.db.term_exists(std::string(k));
        });
    }

    Tally run(const Case& c, const std::string& label) {
        auto start = std::chrono::steady_clock::now();
        CiteResult r = cite(ctx, CiteRequest{c.text, std::nullopt}, options);
        std::string body = to_json(r, formatter).dump();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        Tally t;
        t.n = 1;
        if (r.matches.empty()) return t.empty = 1, report(c, label, r), t;
        const CiteMatch& top = r.matches.front();
        auto top_words = words(top.passage.text);
        bool right = top.passage.id == c.source->passage.id;
        t.duplicate = !right && contains(top_words, words(c.original));
        t.top1 = right || t.duplicate;
        if (t.top1)
            right_scores.push_back(top.score / (2.0 * static_cast<double>(words(c.text).size())));
        t.false_verbatim = top.verbatim && !contains(top_words, words(c.text));
        t.missed_verbatim = c.expect_verbatim && t.top1 && !top.verbatim;
        if (!t.top1 || t.false_verbatim || t.missed_verbatim) report(c, label, r);
        return t;
    }

    void report(const Case& c, const std::string& label, const CiteResult& r) {
        if (failures_left == 0) return;
        --failures_left;
        std::printf("--- %s  source %s\n    draft: %s\n", label.c_str(),
                    c.source->passage.id.c_str(), c.text.c_str());
        if (r.matches.empty()) std::printf("    no match: %s\n", r.reason.value_or("").c_str());
        for (std::size_t i = 0; i < r.matches.size() && i < 2; ++i)
            std::printf("    #%zu %s coverage %.2f score %d verbatim %d\n", i + 1,
                        r.matches[i].passage.id.c_str(), r.matches[i].coverage, r.matches[i].score,
                        r.matches[i].verbatim ? 1 : 0);
    }
};

std::string label_of(const std::vector<Perturbation>& combo) {
    std::string s;
    for (Perturbation p : combo) s += (s.empty() ? "" : "+") + std::string(name(p));
    return s;
}

using Table = std::map<std::string, std::map<Lang, Tally>>;

void print_table(const char* title, const Table& rows, const std::vector<Lang>& langs) {
    std::printf("\n%s\n%-22s", title, "perturbation");
    for (Lang l : langs) std::printf("%14s", std::string(lang_code(l)).c_str());
    std::printf("%14s %6s %6s %6s\n", "all", "n", "dup", "empty"); // dup: right by duplicate text
    for (const auto& [label, per_lang] : rows) {
        Tally all;
        std::printf("%-22s", label.c_str());
        for (Lang l : langs) {
            auto it = per_lang.find(l);
            Tally t = it == per_lang.end() ? Tally{} : it->second;
            all.add(t);
            std::printf("  %6.1f%% %4zu", t.n ? 100.0 * t.top1 / t.n : 0.0, t.n);
        }
        std::printf("  %6.1f%%     %6zu %6zu %6zu\n", all.n ? 100.0 * all.top1 / all.n : 0.0, all.n,
                    all.duplicate, all.empty);
    }
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}

// Lookups of sentences that are not in the index: any match is a false one.
void run_negatives(Evaluator& ev, const std::string& path, std::size_t trials, Rng& rng) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        std::size_t n = ev.ctx.analyzer.word_spans(line).size();
        if (n >= 8 && n <= 40) lines.push_back(line);
    }
    std::size_t matched = 0, n = 0;
    double highest = 0;
    for (; n < trials && !lines.empty(); ++n) {
        const std::string& text = lines[draw(rng, 0, lines.size() - 1)];
        CiteResult r = cite(ev.ctx, CiteRequest{text, std::nullopt}, ev.options);
        if (r.matches.empty()) continue;
        ++matched;
        const CiteMatch& top = r.matches.front();
        highest = std::max(highest, top.coverage);
        if (ev.failures_left > 0 && ev.failures_left--)
            std::printf("--- negative matched %s (coverage %.2f, score %.2f): %s\n",
                        top.passage.id.c_str(), top.coverage,
                        top.score / (2.0 * static_cast<double>(ev.words(text).size())),
                        text.c_str());
    }
    std::printf(
        "negatives %s: %zu of %zu lookups returned a match (%.1f%%), highest coverage %.2f\n",
        path.c_str(), matched, n,
        n ? 100.0 * static_cast<double>(matched) / static_cast<double>(n) : 0.0, highest);
}

std::vector<std::vector<Perturbation>> combinations() {
    std::vector<std::vector<Perturbation>> out = {{Perturbation::none}};
    for (Perturbation p : perturbations) out.push_back({p});
    for (std::size_t i = 0; i < perturbations.size(); ++i)
        for (std::size_t j = i + 1; j < perturbations.size(); ++j)
            out.push_back({perturbations[i], perturbations[j]});
    return out;
}

struct Results {
    std::vector<Lang> langs;
    Table singles, pairs_by, pair_total;
    Tally single, pair, all;

    void add(Lang lang, const std::vector<Perturbation>& combo, const Tally& t) {
        all.add(t);
        if (combo.size() == 1) {
            singles[label_of(combo)][lang].add(t);
            if (combo[0] != Perturbation::none) single.add(t);
            return;
        }
        for (Perturbation p : combo) pairs_by["with " + std::string(name(p))][lang].add(t);
        pair_total["all pairs"][lang].add(t);
        pair.add(t);
    }
};

Results run_cases(Evaluator& ev, const Corpus& corpus, const Args& args, Rng& rng) {
    Results res;
    for (const auto& [lang, pool] : corpus.by_lang) {
        res.langs.push_back(lang);
        for (const auto& combo : combinations()) {
            std::size_t trials = combo.size() == 2 ? args.pair_trials : args.trials;
            for (std::size_t k = 0; k < trials; ++k) {
                auto c = make_case(corpus, lang, combo, rng);
                if (!c) break;
                res.add(lang, combo,
                        ev.run(*c, std::string(lang_code(lang)) + " " + label_of(combo)));
            }
        }
    }
    return res;
}

double strict_share(const Tally& t) {
    return t.n ? 100.0 * static_cast<double>(t.top1 - t.duplicate) / static_cast<double>(t.n) : 0.0;
}

double share(const Tally& t) {
    return t.n ? 100.0 * static_cast<double>(t.top1) / static_cast<double>(t.n) : 0.0;
}

void print_results(const Results& r, const Evaluator& ev) {
    print_table("Top-1 accuracy, one perturbation (cases per cell after the %)", r.singles,
                r.langs);
    print_table("Top-1 accuracy, two perturbations (every pair holding the perturbation)",
                r.pairs_by, r.langs);
    print_table("", r.pair_total, r.langs);
    std::printf("\none perturbation: %.2f%% of %zu; two: %.2f%% of %zu\n", share(r.single),
                r.single.n, share(r.pair), r.pair.n);
    std::printf("counting only the very passage the text was cut from (no duplicates): one %.2f%%, "
                "two %.2f%%\n",
                strict_share(r.single), strict_share(r.pair));
    std::printf(
        "false verbatim: %zu; verbatim missed on a right, unchanged quote: %zu; lookups: %zu\n",
        r.all.false_verbatim, r.all.missed_verbatim, r.all.n);
    std::printf("relative alignment score of right answers: min %.2f, 1%% %.2f, 5%% %.2f\n",
                percentile(ev.right_scores, 0), percentile(ev.right_scores, 0.01),
                percentile(ev.right_scores, 0.05));
    std::printf("time per lookup (cite + JSON): p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
                percentile(ev.ms, 0.5), percentile(ev.ms, 0.95), percentile(ev.ms, 1.0));
}

} // namespace

int main(int argc, char** argv) {
    Args args;
    if (!parse_args(argc, argv, args)) {
        std::cerr << "usage: mahdar-cite-eval --db DIR [--trials N] [--pair-trials M] [--seed S] "
                     "[--source-prefix P]\n"
                     "       [--show-failures K] [--candidates N] [--terms N] [--pairs N] "
                     "[--min-score X]\n"
                     "       [--negatives FILE [--negative-trials N]]...\n";
        return 2;
    }
    try {
        const WordLists lists = WordLists::embedded();
        Context ctx(args.db, [](std::string_view) { return std::optional<std::string>(); }, lists);
        CitationFormatter formatter;
        Corpus corpus = load(ctx, args.source_prefix);
        Evaluator ev{ctx, formatter, {}, {}, args.show_failures, args.options};
        Rng rng(args.seed);
        print_results(run_cases(ev, corpus, args, rng), ev);
        for (const auto& path : args.negatives) run_negatives(ev, path, args.negative_trials, rng);
        return 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "mahdar-cite-eval: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "mahdar-cite-eval: " << e.what() << '\n';
    }
    return 1;
}
