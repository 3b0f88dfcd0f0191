#include "extract/extract_objectives.h"

#include "common/strings.h"

#include <algorithm>

namespace mahdar {
namespace {

constexpr int first_objective = 1, last_objective = 23;

std::size_t idx(Lang lang) {
    return static_cast<std::size_t>(lang);
}

bool is_dash(std::string_view gap) {
    gap = trim(gap);
    return gap == "-" || gap == "–" || gap == "—" || gap == "‑";
}


// A list ends at a sentence end or a semicolon, not at a comma.
bool ends_list(std::string_view gap) {
    return contains_any(gap, {";", "؛", ". ", ".\n", ":", "!", "?", "؟"}) || trim(gap) == ".";
}

} // namespace

ObjectiveMatcher::ObjectiveMatcher(const ReferenceData& data) {
    for (Lang lang : {Lang::ar, Lang::en, Lang::fr}) {
        for (const auto& [singular, plural] : data.objective_words(lang)) {
            words_.add(singular, 1);
            words_.add(plural, 2);
            // Arabic duals ("الهدفين 19 و20") are formed on the singular.
            if (lang == Lang::ar) {
                words_.add(singular + "ين", 2);
                words_.add(singular + "ان", 2);
            }
        }
        const auto& ordinals = data.ordinals(lang);
        for (int n = first_objective; n <= last_objective; ++n)
            for (const auto& form : ordinals[n])
                ordinals_[idx(lang)].add(form, n);
        for (const auto& w : data.cues(lang, Cue::list_and))
            and_[idx(lang)].add(w);
        for (const auto& w : data.cues(lang, Cue::range_to))
            to_[idx(lang)].add(w);
        for (const auto& w : data.cues(lang, Cue::range_from))
            from_[idx(lang)].add(w);
    }
}

std::vector<int> ObjectiveMatcher::find(std::string_view text, Lang lang) const {
    return find(text, scan_tokens(text), lang);
}

std::vector<int> ObjectiveMatcher::find(std::string_view text, const Tokens& t, Lang lang) const {
    std::vector<int> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        auto word = words_.match(t, i, CaseRule::any);
        if (!word)
            continue;
        const PhraseIndex& ordinals = ordinals_[idx(lang)];
        if (lang != Lang::ar) {
            if (auto o = ordinals.match_ending(t, word->first, CaseRule::any))
                out.push_back(o->payload);
        } else if (auto o = ordinals.match(t, word->last, CaseRule::any)) {
            out.push_back(o->payload);
            i = o->last - 1;
            continue;
        }
        i = std::max(i, read_list(text, t, word->last, lang, out));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Reads "N", "N, M and P", "N–M", "from N to M" starting at token i; returns the index of the
// last token read (i - 1 when nothing was read).
std::size_t ObjectiveMatcher::read_list(std::string_view text, const Tokens& t, std::size_t i,
                                        Lang lang, std::vector<int>& out) const {
    std::size_t j = i;
    if (j < t.size() && from_[idx(lang)].contains(t[j]) && j + 1 < t.size() && t[j + 1].number)
        ++j;
    int value = 0;
    std::size_t next = read_item(text, t, j, value);
    if (next == 0)
        return i - 1;
    out.push_back(value);
    while (next < t.size()) {
        std::string_view gap = gap_before(text, t, next);
        if (ends_list(gap))
            break;
        std::size_t k = next;
        bool range = is_dash(gap) || is_range_word(t[k], lang);
        if (is_range_word(t[k], lang))
            ++k;
        if (!range) {
            bool comma = contains_any(gap, {",", "،"});
            bool conj = and_[idx(lang)].contains(t[k]);
            if (conj)
                ++k;
            if (!comma && !conj)
                break;
        }
        int second = 0;
        std::size_t after = read_item(text, t, k, second);
        if (after == 0)
            break;
        if (range && second > value)
            for (int n = value + 1; n <= second; ++n)
                out.push_back(n);
        else if (!range)
            out.push_back(second);
        value = second;
        next = after;
    }
    return next - 1;
}

bool ObjectiveMatcher::is_range_word(const Token& t, Lang lang) const {
    return to_[idx(lang)].contains(t);
}

// One objective number at token i, with an optional parenthesised gloss after it ("1 (data)").
// Returns the index of the token after the item, or 0 when token i is not an objective number.
std::size_t ObjectiveMatcher::read_item(std::string_view text, const Tokens& t, std::size_t i,
                                        int& value) const {
    if (i >= t.size())
        return 0;
    value = token_number(t[i]);
    if (value < first_objective || value > last_objective)
        return 0;
    std::size_t next = i + 1;
    std::string_view after = gap_before(text, t, next);
    bool joined = after == "." || after == "," || after == "/" || after == "٫";
    if (next < t.size() && joined && t[next].number)
        return 0; // 10.7, 73/195
    if (trim(after).substr(0, 1) == "(") {
        while (next < t.size() && gap_before(text, t, next).find(')') == std::string_view::npos)
            ++next;
    }
    return next;
}

} // namespace mahdar
