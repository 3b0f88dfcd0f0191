#include "text/language.h"

#include "text/normalise.h"

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

} // namespace

std::vector<Lang> word_languages(std::string_view word, std::optional<Lang> passage) {
    if (is_arabic_script(word)) return {Lang::ar};
    if (passage) return {*passage};
    // One language for each distinct set of Latin rules (Arabic passages share English's).
    std::vector<Lang> out;
    for (const auto& r : rules) {
        bool seen = false;
        for (Lang l : out) {
            const LatinRules& o = latin_rules(l);
            seen = seen || (std::string_view(o.snowball) == r.snowball && o.elision == r.elision && o.order == r.order);
        }
        if (!seen) out.push_back(r.lang);
    }
    return out;
}

const LatinRules& latin_rules(Lang lang) {
    for (const auto& r : rules)
        if (r.lang == lang) return r;
    return rules[0];
}

} // namespace mahdar
