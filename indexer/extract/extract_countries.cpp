#include "extract/extract_countries.h"

#include <algorithm>

namespace mahdar {
namespace {

constexpr std::size_t language_window = 3; ///< tokens between a demonym and a language name
constexpr std::size_t list_window = 3;     ///< tokens between an ambiguous name and a neighbour

std::size_t idx(Lang lang) {
    return static_cast<std::size_t>(lang);
}

// English adjectives are capitalised ("Moroccan"); French and Arabic ones are not.
CaseRule adjective_case(Lang lang) {
    return lang == Lang::en ? CaseRule::as_written : CaseRule::any;
}

bool overlaps(std::uint32_t begin, std::uint32_t end, const Spans& spans) {
    for (const auto& [b, e] : spans)
        if (begin < e && b < end)
            return true;
    return false;
}

} // namespace

CountryMatcher::CountryMatcher(const ReferenceData& data) {
    for (const auto& c : data.countries()) {
        int k = static_cast<int>(codes_.size());
        codes_.push_back(c.code);
        for (std::size_t l = 0; l < 3; ++l) {
            for (const auto& n : c.names[l])
                names_.add(n, k);
            for (const auto& a : c.adjectives[l])
                adjectives_[l].add(a, k);
        }
    }
    for (Lang lang : {Lang::ar, Lang::en, Lang::fr}) {
        for (const auto& m : data.non_countries(lang))
            masks_.add(m, 0);
        for (const auto& m : data.cues(lang, Cue::mask))
            masks_.add(m, 0);
        for (const auto& w : data.cues(lang, Cue::language_word))
            language_words_[idx(lang)].add(w);
        for (const auto& w : data.cues(lang, Cue::ambiguous))
            ambiguous_.add(w);
        for (const auto& w : data.cues(lang, Cue::interpretation))
            interpretation_[idx(lang)].add(w, 0);
    }
}

// "(spoke in French)", "(تكلم بالفرنسية)": the word after the cue, in parentheses, is a language.
void CountryMatcher::mask_interpretation(std::string_view text, const Tokens& t, Lang lang,
                                         std::vector<bool>& masked) const {
    for (std::size_t i = 0; i < t.size(); ++i) {
        auto m = interpretation_[idx(lang)].match(t, i, CaseRule::any);
        if (m && m->last < t.size() &&
            gap_before(text, t, i).find('(') != std::string_view::npos)
            masked[m->last] = true;
    }
}

// Masks first ("Niger Delta", "Gulf of Guinea"); then the longest name or adjective at each
// position, unless it overlaps a mask ("the Niger" in "the Niger Delta").
std::vector<CountryMatcher::Found> CountryMatcher::scan(std::string_view text, const Tokens& t,
                                                        Lang lang) const {
    std::vector<bool> masked(t.size(), false);
    for (std::size_t i = 0; i < t.size();) {
        auto mask = masks_.match(t, i, CaseRule::any);
        if (!mask) {
            ++i;
            continue;
        }
        std::fill(masked.begin() + mask->first, masked.begin() + mask->last, true);
        i = mask->last;
    }
    mask_interpretation(text, t, lang, masked);
    std::vector<Found> out;
    for (std::size_t i = 0; i < t.size();) {
        auto name = names_.match(t, i, CaseRule::as_written);
        auto adj = adjectives_[idx(lang)].match(t, i, adjective_case(lang));
        auto size = [](const auto& m) { return m ? m->last - m->first : 0; };
        bool is_name = size(name) >= size(adj);
        const auto& m = is_name ? name : adj;
        if (!m || std::any_of(masked.begin() + m->first, masked.begin() + m->last,
                              [](bool b) { return b; })) {
            ++i;
            continue;
        }
        out.push_back({m->first, m->last, m->payload, !is_name});
        i = m->last;
    }
    return out;
}

bool CountryMatcher::near_language_word(const Tokens& t, const Found& f, Lang lang) const {
    std::size_t from = f.first >= language_window ? f.first - language_window : 0;
    std::size_t to = std::min(t.size(), f.last + language_window);
    for (std::size_t i = from; i < to; ++i)
        if ((i < f.first || i >= f.last) && language_words_[idx(lang)].contains(t[i]))
            return true;
    return false;
}

// An ambiguous name counts only within `list_window` tokens of another country mention.
bool CountryMatcher::isolated(const std::vector<Found>& all, std::size_t k) const {
    for (std::size_t j = 0; j < all.size(); ++j) {
        if (j == k)
            continue;
        std::size_t gap = all[j].first >= all[k].last   ? all[j].first - all[k].last
                          : all[k].first >= all[j].last ? all[k].first - all[j].last
                                                        : 0;
        if (gap <= list_window)
            return false;
    }
    return true;
}

std::vector<CountryMention> CountryMatcher::find(std::string_view text, Lang lang,
                                                 const Spans& excluded) const {
    return find(text, scan_tokens(text), lang, excluded);
}

std::vector<CountryMention> CountryMatcher::find(std::string_view text, const Tokens& t, Lang lang,
                                                 const Spans& excluded) const {
    std::vector<Found> found = scan(text, t, lang);
    std::vector<CountryMention> out;
    for (std::size_t k = 0; k < found.size(); ++k) {
        const Found& f = found[k];
        std::uint32_t begin = t[f.first].begin, end = t[f.last - 1].end;
        if (overlaps(begin, end, excluded))
            continue;
        if (f.adjective && near_language_word(t, f, lang))
            continue;
        bool ambiguous = f.last - f.first == 1 && ambiguous_.contains(t[f.first]);
        if (ambiguous && isolated(found, k))
            continue;
        out.push_back({codes_[static_cast<std::size_t>(f.country)], begin, end});
    }
    return out;
}

std::vector<std::string> CountryMatcher::codes(std::string_view text, Lang lang,
                                               const Spans& excluded) const {
    return codes(text, scan_tokens(text), lang, excluded);
}

std::vector<std::string> CountryMatcher::codes(std::string_view text, const Tokens& t, Lang lang,
                                               const Spans& excluded) const {
    std::vector<std::string> out;
    for (auto& m : find(text, t, lang, excluded))
        out.push_back(std::move(m.code));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace mahdar
