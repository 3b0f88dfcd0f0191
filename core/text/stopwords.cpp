#include "text/stopwords.h"

#include "common/hash.h"
#include "reference/embedded_data.h"
#include "text/normalise.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <unordered_set>

namespace mahdar {

namespace {

// The words of each language's line of a list, by Lang.
struct WordList {
    std::array<std::unordered_set<std::string>, 3> by_lang;
    std::unordered_set<std::string> any;
};

WordList load_list(std::string_view file) {
    WordList out;
    std::string_view data = embedded_file(file);
    size_t pos = 0;
    while (pos < data.size()) {
        size_t nl = data.find('\n', pos);
        std::string_view line = data.substr(pos, nl == std::string_view::npos ? data.size() - pos : nl - pos);
        pos = nl == std::string_view::npos ? data.size() : nl + 1;
        size_t tab = line.find('\t');
        if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
        auto lang = parse_lang(line.substr(0, tab));
        std::string_view list = line.substr(tab + 1);
        for (size_t b = 0; b <= list.size();) {
            size_t bar = list.find('|', b);
            if (bar == std::string_view::npos) bar = list.size();
            std::string word = normalise_word(list.substr(b, bar - b));
            if (lang) out.by_lang[static_cast<std::size_t>(*lang)].insert(word);
            out.any.insert(std::move(word));
            b = bar + 1;
        }
    }
    return out;
}

const WordList& stopwords() {
    static const WordList words = load_list("stopwords.tsv"); // immutable after init
    return words;
}

// Stopwords and pair words in one set: word_pair() asks of every word of every passage.
const std::unordered_set<std::string>& pair_makers() {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> all = load_list("pair_words.tsv").any;
        all.insert(stopwords().any.begin(), stopwords().any.end());
        return all;
    }();
    return words;
}

} // namespace

bool is_stopword(const std::string& normalised_word) { return stopwords().any.count(normalised_word) > 0; }

bool is_stopword(const std::string& normalised_word, Lang lang) {
    return stopwords().by_lang[static_cast<std::size_t>(lang)].count(normalised_word) > 0;
}

bool makes_word_pairs(const std::string& normalised_word) {
    return pair_makers().count(normalised_word) > 0;
}

const std::string& stopword_fingerprint() {
    static const std::string f =
        fnv1a_hex(std::string(embedded_file("stopwords.tsv")) + '\n' + std::string(embedded_file("pair_words.tsv")));
    return f;
}

} // namespace mahdar
