#include "text/language.h"

#include "text/normalise.h"

#include <algorithm>
#include <array>
#include <string>

namespace mahdar {
namespace {

// English first: the default, and the language a Latin word is tried in first.
const std::array<LatinRules, 3> rules = {{
    {Lang::en, "english", Elision::keep, StemOrder::fold_then_stem},
    {Lang::fr, "french", Elision::strip, StemOrder::stem_then_fold},
    {Lang::ar, "english", Elision::keep, StemOrder::fold_then_stem},
}};

// One language for each distinct set of Latin rules: Arabic passages share English's.
bool same_rules(const LatinRules& a, const LatinRules& b) {
    return std::string_view(a.snowball) == b.snowball && a.elision == b.elision && a.order == b.order;
}

const std::vector<Lang> latin_languages = [] {
    std::vector<Lang> out;
    for (const auto& r : rules)
        if (std::none_of(out.begin(), out.end(), [&r](Lang l) { return same_rules(latin_rules(l), r); }))
            out.push_back(r.lang);
    return out;
}();

} // namespace

std::vector<Lang> word_languages(std::string_view word, std::optional<Lang> passage) {
    if (is_arabic_script(word)) return {Lang::ar};
    if (passage) return {*passage};
    return latin_languages;
}

const LatinRules& latin_rules(Lang lang) {
    for (const auto& r : rules)
        if (r.lang == lang) return r;
    return rules[0];
}

} // namespace mahdar
