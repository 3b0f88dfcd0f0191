#include "office_support.h"

#include "common/utf8.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <unicode/uchar.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace mahdar::test {

namespace {

std::vector<std::string> words(const std::string &text) {
    std::vector<std::string> out;
    std::string word;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        char32_t c = pos < text.size() ? next_code_point(text, pos) : (++pos, U' ');
        if (u_isalpha(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) ||
            u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) {
            append_utf8(word, static_cast<char32_t>(
                                  u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)));
        } else if (!word.empty()) {
            out.push_back(word);
            word.clear();
        }
    }
    return out;
}

} // namespace

std::string document_fixture(const std::string &name) {
    std::ifstream in(fixtures() / "documents" / name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<Block> blocks_of(const Layout &layout, BlockKind kind) {
    std::vector<Block> out;
    for (const auto &b : layout.blocks)
        if (b.kind == kind)
            out.push_back(b);
    return out;
}

const Block *find_block(const Layout &layout, const std::string &needle) {
    for (const auto &b : layout.blocks)
        if (b.text.find(needle) != std::string::npos)
            return &b;
    return nullptr;
}

std::string all_text(const Layout &layout) {
    std::string out;
    for (const auto &b : layout.blocks)
        out += b.text + "\n";
    return out;
}

double word_recall(const std::string &source, const std::string &text) {
    std::string body;
    std::istringstream in(source);
    bool header = true;
    static const std::regex header_line("^[a-z]+: .*"), note_ref(R"(\[\^\w+\](: )?)"),
        markup(R"(^(#+ |- |\d+(\.\d+)?\. |\([a-z]\) ))");
    for (std::string line; std::getline(in, line);) {
        if (header && std::regex_match(line, header_line))
            continue;
        header = false;
        line = std::regex_replace(line, note_ref, " ");
        line = std::regex_replace(line, markup, "");
        body += line + "\n";
    }
    std::map<std::string, int> found;
    for (auto &w : words(text))
        ++found[w];
    std::size_t total = 0, hits = 0;
    for (auto &w : words(body)) {
        ++total;
        if (found[w]-- > 0)
            ++hits;
    }
    return total ? static_cast<double>(hits) / total : 0.0;
}

std::string describe(const Layout &layout) {
    static const char *kinds[] = {"heading", "paragraph", "item", "row", "note"};
    std::ostringstream out;
    out << "title=" << layout.title << " lang=" << layout.lang << " pages=" << layout.pages << "\n";
    for (const auto &b : layout.blocks)
        out << kinds[static_cast<int>(b.kind)] << " L" << b.level << " p" << b.page << " ["
            << b.number << "] " << b.text << "\n";
    return out.str();
}

} // namespace mahdar::test
