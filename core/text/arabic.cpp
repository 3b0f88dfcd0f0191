#include "text/arabic.h"

#include "common/strings.h"
#include "text/normalise.h"

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
    for (auto s : suffixes) {
        if (w.size() >= s.size() + 2 && ends_with(w, s)) w.erase(w.size() - s.size());
    }
    std::string out;
    for (char32_t c : w) append_utf8(out, c);
    return out;
}

} // namespace mahdar
