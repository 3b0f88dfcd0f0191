#include "text/stopwords.h"

#include "common/hash.h"
#include "reference/embedded_data.h"
#include "text/normalise.h"

#include <optional>

namespace mahdar {
namespace {

// Calls add(lang or nullopt, normalised word) for each word of each line of a list.
template <class Add>
void read_list(std::string_view data, Add add) {
    size_t pos = 0;
    while (pos < data.size()) {
        size_t nl = data.find('\n', pos);
        std::string_view line = data.substr(pos, nl == std::string_view::npos ? data.size() - pos : nl - pos);
        pos = nl == std::string_view::npos ? data.size() : nl + 1;
        size_t tab = line.find('\t');
        if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
        std::optional<Lang> lang = parse_lang(line.substr(0, tab));
        std::string_view list = line.substr(tab + 1);
        for (size_t b = 0; b <= list.size();) {
            size_t bar = list.find('|', b);
            if (bar == std::string_view::npos) bar = list.size();
            add(lang, normalise_word(list.substr(b, bar - b)));
            b = bar + 1;
        }
    }
}

// Which adjacent words make a pair term (schema::word_pair); change it with that function.
constexpr std::string_view schema_pair_rule = "pairs: both words stopwords or pair words";

} // namespace

WordLists::WordLists(std::string_view stopwords_tsv, std::string_view pair_words_tsv)
    // The pair rule (schema::word_pair) is part of what the fingerprint says: an index whose pairs
    // followed another rule is searched by positions.
    : fingerprint_(fnv1a_hex(std::string(schema_pair_rule) + '\n' + std::string(stopwords_tsv) + '\n' +
                             std::string(pair_words_tsv))) {
    read_list(stopwords_tsv, [this](std::optional<Lang> lang, std::string word) {
        listed_forms_.insert(word);
        word = fold_accents(word);
        if (lang) stopwords_by_lang_[static_cast<std::size_t>(*lang)].insert(word);
        pair_makers_.insert(word);
        stopwords_.insert(std::move(word));
    });
    read_list(pair_words_tsv, [this](std::optional<Lang>, std::string word) { pair_makers_.insert(std::move(word)); });
}

WordLists WordLists::embedded() {
    return WordLists(embedded_file("stopwords.tsv"), embedded_file("pair_words.tsv"));
}

bool WordLists::is_stopword(const std::string& normalised_word) const {
    return stopwords_.count(normalised_word) > 0;
}

bool WordLists::is_stopword(const std::string& normalised_word, Lang lang) const {
    return stopwords_by_lang_[static_cast<std::size_t>(lang)].count(normalised_word) > 0;
}

bool WordLists::makes_word_pairs(const std::string& normalised_word) const {
    return pair_makers_.count(normalised_word) > 0;
}

} // namespace mahdar
