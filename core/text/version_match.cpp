#include "text/version_match.h"

#include "text/alignment.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

namespace mahdar {
namespace {

constexpr std::array<std::string_view, 3> language_codes{"ar", "en", "fr"};

bool is_language_code(std::string_view s) {
    if (s.size() != 2) return false;
    std::string low{static_cast<char>(std::tolower(static_cast<unsigned char>(s[0]))),
                    static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])))};
    return std::find(language_codes.begin(), language_codes.end(), low) != language_codes.end();
}

} // namespace

std::string version_name_key(std::string_view path) {
    std::filesystem::path p{std::string(path)};
    std::string stem = p.stem().string();
    if (stem.size() < 4) return {};
    char sep = stem[stem.size() - 3];
    if ((sep != '.' && sep != '-' && sep != '_') || !is_language_code(stem.substr(stem.size() - 2))) return {};
    stem.resize(stem.size() - 3);
    std::filesystem::path folder = p.parent_path();
    if (is_language_code(folder.filename().string())) folder = folder.parent_path();
    return folder.string() + "\t" + stem;
}

void add_to_sketch(ContentSketch& s, std::string_view paragraph) {
    auto anchors = anchors_of(paragraph);
    s.anchors.insert(anchors.begin(), anchors.end());
    ++s.paragraphs;
}

double content_score(const ContentSketch& a, const ContentSketch& b) {
    if (a.date.empty() || a.date != b.date || a.paragraphs == 0 || b.paragraphs == 0) return 0;
    double closeness = double(std::min(a.paragraphs, b.paragraphs)) / double(std::max(a.paragraphs, b.paragraphs));
    if (closeness < 0.67) return 0;
    // The date's own numbers are in both by construction: they say nothing here.
    auto without_date = [&](const std::set<std::string>& s) {
        std::set<std::string> out = s;
        for (std::string part : {a.date.substr(0, 4), a.date.substr(5, 2), a.date.substr(8, 2)}) {
            part.erase(0, std::min(part.find_first_not_of('0'), part.size()));
            out.erase(part);
        }
        return out;
    };
    // Numbers and symbols are written alike in all three languages; Latin-script words only
    // between English and French (an Arabic text has few): they count when both have some.
    auto split = [](const std::set<std::string>& s) {
        std::pair<std::set<std::string>, std::set<std::string>> out;
        for (const auto& x : s)
            (std::isdigit(static_cast<unsigned char>(x[0])) || x[0] == '#' ? out.first : out.second).insert(x);
        return out;
    };
    auto [numbers_a, words_a] = split(without_date(a.anchors));
    auto [numbers_b, words_b] = split(without_date(b.anchors));
    double agreement = anchor_agreement(numbers_a, numbers_b);
    if (words_a.size() >= 5 && words_b.size() >= 5)
        agreement = 0.5 * agreement + 0.5 * anchor_agreement(words_a, words_b);
    return 0.85 * agreement + 0.15 * closeness;
}

} // namespace mahdar
