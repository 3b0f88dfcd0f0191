#include "text/spelling.h"

#include "reference/embedded_data.h"

namespace mahdar {

SpellingTable::SpellingTable(std::string_view tsv) {
    size_t pos = 0;
    while (pos < tsv.size()) {
        size_t nl = tsv.find('\n', pos);
        if (nl == std::string_view::npos) nl = tsv.size();
        std::string_view line = tsv.substr(pos, nl - pos);
        pos = nl + 1;
        size_t tab = line.find('\t');
        if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
        std::string_view british = line.substr(0, tab), american = line.substr(tab + 1);
        if (british.empty() || american.empty()) continue;
        british_to_american_.emplace(british, american);
        if (shortest_ == 0 || british.size() < shortest_) shortest_ = british.size();
        if (british.size() > longest_) longest_ = british.size();
    }
}

std::string_view SpellingTable::american(std::string_view lower_word) const {
    if (lower_word.size() < shortest_ || lower_word.size() > longest_) return lower_word;
    auto it = british_to_american_.find(lower_word);
    return it == british_to_american_.end() ? lower_word : it->second;
}

const SpellingTable& embedded_spelling_table() {
    static const SpellingTable table(embedded_file("spelling_uk_us.tsv"));
    return table;
}

std::string_view american_spelling(std::string_view lower_word) {
    return embedded_spelling_table().american(lower_word);
}

} // namespace mahdar
