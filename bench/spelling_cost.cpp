// spelling_cost: what american_spelling() (text/spelling.h) costs per word, over the words of
// corpus/en (a real mix, nearly all misses) and over the table's own British spellings (all
// hits). The machine may be shared: prints the fastest of 30 batches, in ns per lookup.
//
//   g++ -O2 -std=c++17 -I core -o spelling_cost bench/spelling_cost.cpp
//       core/text/spelling.cpp build/core/libmahdar_reference.a     (one line)
//   ./spelling_cost            # from the repository's root
#include "text/spelling.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

double ns_per_lookup(const std::vector<std::string>& words, std::size_t& rewritten) {
    double best = 1e9;
    for (int batch = 0; batch < 30; ++batch) {
        rewritten = 0;
        auto t0 = std::chrono::steady_clock::now();
        for (int r = 0; r < 5; ++r)
            for (const auto& w : words) rewritten += mahdar::american_spelling(w).data() != w.data();
        auto t1 = std::chrono::steady_clock::now();
        double ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / (5.0 * words.size());
        best = std::min(best, ns);
    }
    rewritten /= 5;
    return best;
}

std::vector<std::string> corpus_words() {
    std::vector<std::string> words;
    for (const auto& e : std::filesystem::directory_iterator("corpus/en")) {
        std::ifstream f(e.path());
        std::string w;
        for (char c; f.get(c);) {
            if (std::isalpha(static_cast<unsigned char>(c))) {
                w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            } else if (!w.empty()) {
                words.push_back(w);
                w.clear();
            }
        }
    }
    return words;
}

std::vector<std::string> british_spellings() {
    std::ifstream f("core/reference/data/spelling_uk_us.tsv");
    std::vector<std::string> words;
    for (std::string line; std::getline(f, line);)
        if (!line.empty() && line[0] != '#') words.push_back(line.substr(0, line.find('\t')));
    return words;
}

} // namespace

int main() {
    std::printf("table: %zu rows\n", mahdar::embedded_spelling_table().size());
    std::size_t rewritten = 0;
    auto corpus = corpus_words();
    double ns = ns_per_lookup(corpus, rewritten);
    std::printf("corpus/en: %zu words, %zu rewritten, %.1f ns/lookup\n", corpus.size(), rewritten, ns);
    auto british = british_spellings();
    ns = ns_per_lookup(british, rewritten);
    std::printf("table's British spellings: %zu words, %zu rewritten, %.1f ns/lookup\n",
                british.size(), rewritten, ns);
}
