#include "text/language.h"

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

const LatinRules& latin_rules(Lang lang) {
    for (const auto& r : rules)
        if (r.lang == lang) return r;
    return rules[1];
}

} // namespace mahdar
