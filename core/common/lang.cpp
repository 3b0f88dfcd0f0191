#include "common/lang.h"

namespace mahdar {

std::string_view lang_code(Lang lang) {
    switch (lang) {
    case Lang::ar: return "ar";
    case Lang::en: return "en";
    case Lang::fr: return "fr";
    }
    return "en";
}

std::optional<Lang> parse_lang(std::string_view code) {
    for (Lang l : all_langs) {
        std::string_view c = lang_code(l);
        if (code.size() == 2 && (code[0] | 0x20) == c[0] && (code[1] | 0x20) == c[1]) return l;
    }
    return std::nullopt;
}

} // namespace mahdar
