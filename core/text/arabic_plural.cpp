#include "text/arabic_plural.h"

#include "reference/embedded_data.h"
#include "text/normalise.h"

namespace mahdar {
namespace {

std::string_view next_line(std::string_view data, std::size_t& pos) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    return line;
}

std::vector<std::string> split_bars(std::string_view cell) {
    std::vector<std::string> out;
    for (std::size_t b = 0; b <= cell.size();) {
        std::size_t bar = cell.find('|', b);
        if (bar == std::string_view::npos) bar = cell.size();
        if (bar > b) out.push_back(normalise_word(cell.substr(b, bar - b)));
        b = bar + 1;
    }
    return out;
}

} // namespace

ArabicPlurals ArabicPlurals::from_tsv(std::string_view tsv) {
    ArabicPlurals plurals;
    for (std::size_t pos = 0; pos < tsv.size();) {
        std::string_view line = next_line(tsv, pos);
        std::size_t tab = line.find('\t');
        if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
        std::string_view rest = line.substr(tab + 1);
        std::vector<std::string> singulars = split_bars(rest.substr(0, rest.find('\t')));
        if (!singulars.empty()) plurals.table_[normalise_word(line.substr(0, tab))] = std::move(singulars);
    }
    return plurals;
}

ArabicPlurals ArabicPlurals::embedded() {
    return from_tsv(embedded_file("arabic_plurals.tsv"));
}

const std::vector<std::string>& ArabicPlurals::singulars(std::string_view bare_word) const {
    static const std::vector<std::string> none;
    auto it = table_.find(std::string(bare_word));
    return it == table_.end() ? none : it->second;
}

const std::vector<std::string>& arabic_singulars(std::string_view bare_word) {
    static const ArabicPlurals table = ArabicPlurals::embedded();
    return table.singulars(bare_word);
}

} // namespace mahdar
