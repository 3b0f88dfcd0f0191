#include "language.h"

#include <array>
#include <cctype>
#include <string>

namespace mahdar {
namespace {

const std::array<LatinRules, 3> rules = {{
    {Lang::ar, "english", Elision::keep, StemOrder::fold_then_stem},
    {Lang::en, "english", Elision::keep, StemOrder::fold_then_stem},
    {Lang::fr, "french", Elision::strip, StemOrder::stem_then_fold},
}};

} // namespace

std::string_view lang_code(Lang lang) {
    switch (lang) {
    case Lang::ar: return "ar";
    case Lang::en: return "en";
    case Lang::fr: return "fr";
    }
    return "en";
}

std::optional<Lang> parse_lang(std::string_view code) {
    std::string lower;
    for (char c : code) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "ar") return Lang::ar;
    if (lower == "en") return Lang::en;
    if (lower == "fr") return Lang::fr;
    return std::nullopt;
}

const LatinRules& latin_rules(Lang lang) {
    for (const auto& r : rules)
        if (r.lang == lang) return r;
    return rules[1];
}

} // namespace mahdar
