#include "text/arabic.h"

#include "common/strings.h"
#include "text/arabic_plural.h"
#include "text/normalise.h"

#include <algorithm>
#include <array>

namespace mahdar {
namespace {

// After normalisation ة is ه, so light10's suffixes ية and ة coincide with يه and ه.
const std::array<std::u32string_view, 7> prefixes = {U"ال", U"وال", U"بال", U"كال", U"فال", U"لل", U"و"};
const std::array<std::u32string_view, 8> suffixes = {U"ها", U"ان", U"ات", U"ون", U"ين", U"يه", U"ه", U"ي"};

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    size_t pos = 0;
    while (pos < s.size()) out += next_code_point(s, pos);
    return out;
}

std::string to_utf8(std::u32string_view w) {
    std::string out;
    for (char32_t c : w) append_utf8(out, c);
    return out;
}

// light10's suffix rule; `keep_dual` leaves a final ان in place.
std::u32string strip_suffixes(std::u32string w, bool keep_dual) {
    for (auto s : suffixes) {
        if (keep_dual && s == U"ان") continue;
        if (w.size() >= s.size() + 2 && ends_with(w, s)) w.erase(w.size() - s.size());
    }
    return w;
}

void add_unique(std::vector<std::u32string>& out, std::u32string w) {
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(std::move(w));
}

// `w` with its article read off: ال (always an article on a word of 4+ letters), or after the
// preposition ل the ل that ل + ال is written with ("للامم": w is "لامم", "امم" or "لامم").
void add_article_forms(std::vector<std::u32string>& out, const std::u32string& w, bool after_lam) {
    if (w.size() >= 4 && starts_with(w, U"ال")) {
        add_unique(out, w.substr(2));
        return;
    }
    add_unique(out, w);
    if (after_lam && w.size() >= 3 && starts_with(w, U"ل")) add_unique(out, w.substr(1));
}

std::vector<std::u32string> bare_forms(const std::u32string& word) {
    std::vector<std::u32string> out;
    for (std::u32string_view conj : {U"", U"و", U"ف"}) {
        if (!conj.empty() && !(word.size() >= 4 && starts_with(word, conj))) continue;
        std::u32string after_conj = word.substr(conj.size());
        for (std::u32string_view prep : {U"", U"ب", U"ك", U"ل"}) {
            if (!prep.empty() && !(after_conj.size() >= 4 && starts_with(after_conj, prep))) continue;
            add_article_forms(out, after_conj.substr(prep.size()), prep == U"ل");
        }
    }
    return out;
}

} // namespace

std::string arabic_light_stem(std::string_view normalised_word) {
    if (!is_arabic_script(normalised_word)) return std::string(normalised_word);
    std::u32string w = to_u32(normalised_word);
    for (auto p : prefixes) {
        bool long_enough = p.size() == 1 ? w.size() >= 4 : w.size() >= p.size() + 2;
        if (long_enough && starts_with(w, p)) {
            w.erase(0, p.size());
            break;
        }
    }
    return to_utf8(strip_suffixes(std::move(w), false));
}

std::vector<std::string> arabic_bare_forms(std::string_view normalised_word) {
    std::vector<std::string> out;
    if (!is_arabic_script(normalised_word)) return {std::string(normalised_word)};
    for (const auto& w : bare_forms(to_u32(normalised_word))) out.push_back(to_utf8(w));
    return out;
}

std::vector<std::string> arabic_stem_variants(std::string_view normalised_word) {
    std::vector<std::string> out;
    if (!is_arabic_script(normalised_word)) return out;
    std::string primary = arabic_light_stem(normalised_word);
    std::vector<std::u32string> stems;
    for (const auto& bare : bare_forms(to_u32(normalised_word))) {
        add_unique(stems, strip_suffixes(bare, false));
        add_unique(stems, strip_suffixes(bare, true));
        for (const auto& singular : arabic_singulars(to_utf8(bare)))
            add_unique(stems, strip_suffixes(to_u32(singular), false));
    }
    for (const auto& s : stems)
        if (std::string u = to_utf8(s); u != primary) out.push_back(std::move(u));
    return out;
}

} // namespace mahdar
