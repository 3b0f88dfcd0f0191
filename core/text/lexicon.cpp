#include "text/lexicon.h"

#include "reference/embedded_data.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace mahdar {
namespace {

// The tab-separated cells of one line.
std::vector<std::string_view> cells(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t b = 0;;) {
        std::size_t tab = line.find('\t', b);
        out.push_back(
            line.substr(b, tab == std::string_view::npos ? std::string_view::npos : tab - b));
        if (tab == std::string_view::npos)
            return out;
        b = tab + 1;
    }
}

const std::vector<Translation> none;

} // namespace

Lexicon::Lexicon(std::string_view tsv) {
    std::size_t line_no = 0;
    for (std::size_t pos = 0; pos < tsv.size();) {
        std::size_t nl = tsv.find('\n', pos);
        std::string_view line =
            tsv.substr(pos, nl == std::string_view::npos ? tsv.size() - pos : nl - pos);
        pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
        ++line_no;
        if (line.empty() || line[0] == '#')
            continue;
        auto c = cells(line);
        auto from = c.size() == 5 ? parse_lang(c[0]) : std::nullopt;
        auto to = c.size() == 5 ? parse_lang(c[2]) : std::nullopt;
        std::string weight_text = c.size() == 5 ? std::string(c[4]) : "";
        char* end = nullptr;
        double weight = std::strtod(weight_text.c_str(), &end);
        if (!from || !to || c[1].empty() || c[3].empty() || end == weight_text.c_str() || *end ||
            weight <= 0 || weight > 1)
            throw std::runtime_error(
                "lexicon line " + std::to_string(line_no) +
                ": expected source_lang, source_term, target_lang, target_term, weight in (0, 1]");
        auto& list = by_source_[key(c[1], *from, *to)];
        list.push_back({std::string(c[3]), weight});
        ++rows_;
    }
    for (auto& [k, list] : by_source_) {
        std::stable_sort(list.begin(), list.end(), [](const Translation& a, const Translation& b) {
            return a.weight > b.weight;
        });
        if (list.size() > max_translations) {
            rows_ -= list.size() - max_translations;
            list.resize(max_translations);
        }
    }
}

Lexicon Lexicon::embedded() {
    return Lexicon(embedded_file("lexicon.tsv"));
}

const std::vector<Translation>& Lexicon::translations(std::string_view term, Lang from,
                                                      Lang to) const {
    if (from == to)
        return none;
    auto it = by_source_.find(key(term, from, to));
    return it == by_source_.end() ? none : it->second;
}

std::string Lexicon::key(std::string_view term, Lang from, Lang to) {
    std::string k;
    k += static_cast<char>('0' + static_cast<int>(from));
    k += static_cast<char>('0' + static_cast<int>(to));
    k += term;
    return k;
}

} // namespace mahdar
