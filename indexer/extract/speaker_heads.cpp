#include "extract/speaker_heads.h"

#include "common/strings.h"

#include <algorithm>

namespace mahdar {
namespace {

std::size_t idx(Lang lang) {
    return static_cast<std::size_t>(lang);
}

/// How statements are introduced in each language (index: Lang).
struct LangRules {
    std::size_t lead_in_max;         ///< words allowed before the title in its sentence
    bool lead_in_needs_comma;        ///< the lead-in must end with a comma ("In closing, Mr. X")
    std::size_t continuation_window; ///< words searched for a continuation cue
};
constexpr std::array<LangRules, 3> lang_rules = {{
    {10, false, 1}, // ar: "وفي ختام الاجتماع، شكرت السيدة خوري": verb phrases come first
    {12, true, 20}, // en
    {12, true, 8},  // fr
}};

constexpr std::size_t max_name_words = 6, max_arabic_name_words = 4, max_apposition = 60;
constexpr std::size_t max_arabic_segment = 6; ///< words of a second apposition segment

bool is_comma(std::string_view gap) {
    return contains_any(gap, {",", "،"});
}
bool ends_sentence(std::string_view gap) {
    return contains_any(gap, {". ", ".\n", "!", "?", "؟", ";", "؛"}) || gap == ".";
}
bool is_name_gap(std::string_view gap) {
    return gap == " " || gap == "-" || gap == "'" || gap == "’" || gap == "\u00A0";
}
bool is_blank(std::string_view gap) {
    return std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '\t'; });
}

} // namespace

bool is_bare_line(std::string_view text) {
    constexpr std::size_t max_words = 25;
    std::size_t last = text.find_last_not_of(" \t\n");
    if (last == std::string_view::npos || text.find('\n') != std::string_view::npos)
        return false;
    text = text.substr(0, last + 1);
    std::size_t words = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] != ' ' && (i == 0 || text[i - 1] == ' '))
            ++words;
    if (words > max_words)
        return false;
    for (std::string_view end : {".", "!", "?", ":", ";", "؟", "؛", "»", "\"", "”", ")", "…"})
        if (ends_with(text, end))
            return false;
    return true;
}

struct HeadFinder::Scan {
    std::string_view text;
    const Tokens& t;
    Lang lang;
    std::size_t l;
    std::string_view gap(std::size_t i) const { return gap_before(text, t, i); }
};

HeadFinder::HeadFinder(const ReferenceData& data, const NameRules& names) : names_(names) {
    for (Lang lang : {Lang::ar, Lang::en, Lang::fr}) {
        std::size_t l = idx(lang);
        for (const auto& title : data.titles(lang)) {
            titles_[l].add(title.text, static_cast<int>(title_dot_[l].size()));
            title_dot_[l].push_back(ends_with(title.text, "."));
            title_plural_[l].push_back(title.kind == TitleKind::plural);
        }
        add_all(moderated_by_[l], data.cues(lang, Cue::moderated_by));
        add_all(moderator_[l], data.cues(lang, Cue::moderator));
        add_all(by_line_[l], data.cues(lang, Cue::by_line));
        add_all(annex_[l], data.cues(lang, Cue::annex));
        add_all(government_[l], data.cues(lang, Cue::government));
        add_all(continuation_[l], data.cues(lang, Cue::continuation));
        add_all(impersonal_[l], data.cues(lang, Cue::impersonal_next));
        add_all(apposition_word_[l], data.cues(lang, Cue::apposition_word));
        add_all(verb_start_[l], data.cues(lang, Cue::verb_start));
        add_all(apposition_stop_[l], data.cues(lang, Cue::apposition_stop));
        add_all(and_[l], data.cues(lang, Cue::list_and));
    }
}

std::optional<HeadFinder::TitleHit> HeadFinder::title_at(std::string_view text, const Tokens& t,
                                                         std::size_t i, Lang lang) const {
    auto m = titles_[idx(lang)].match(t, i, CaseRule::as_written);
    if (!m || m->last >= t.size())
        return std::nullopt;
    auto k = static_cast<std::size_t>(m->payload);
    if (title_dot_[idx(lang)][k] && gap_before(text, t, m->last).substr(0, 1) != ".")
        return std::nullopt;
    TitleHit hit{m->first, m->last, title_plural_[idx(lang)][k]};
    if (auto next = title_at(text, t, hit.last, lang))
        hit.last = next->last; // "H.E. Mr.", "معالي الدكتور"
    return hit;
}

std::vector<HeadFinder::TitleHit> HeadFinder::titles(std::string_view text, const Tokens& t,
                                                     Lang lang) const {
    std::vector<TitleHit> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (auto hit = title_at(text, t, i, lang)) {
            out.push_back(*hit);
            i = hit->last - 1;
        }
    }
    return out;
}

// Reads a name at token i; returns the index after it, 0 when there is none.
std::size_t HeadFinder::read_name(const Scan& s, std::size_t i, PersonRef& p) const {
    const Tokens& t = s.t;
    std::size_t j = i;
    bool arabic = i < t.size() && t[i].arabic;
    std::size_t limit = arabic ? max_arabic_name_words : max_name_words;
    while (j < t.size() && j - i < limit) {
        if (j > i && !(arabic ? is_blank(s.gap(j)) : is_name_gap(s.gap(j))))
            break;
        if (j > i && title_at(s.text, t, j, s.lang))
            break;
        const Token& w = t[j];
        if (arabic && (!w.arabic || (j > i && apposition_stop_[s.l].contains(w))))
            break;
        bool particle = !arabic && names_.is_particle(w) && j + 1 < t.size() && t[j + 1].upper;
        bool elided = j > i && (s.gap(j) == "'" || s.gap(j) == "’"); // "Ma'an"
        if (!arabic && !w.upper && !particle && !elided)
            break;
        ++j;
    }
    while (j > i && !arabic && names_.is_particle(t[j - 1]) && !t[j - 1].upper)
        --j;
    if (j == i || (!arabic && !t[i].upper))
        return 0;
    p.open = arabic && j - i == limit && j < t.size() && t[j].arabic && is_blank(s.gap(j));
    p.words.clear();
    for (std::size_t k = i; k < j; ++k)
        p.words.emplace_back(s.text.substr(t[k].begin, t[k].end - t[k].begin));
    p.begin = t[i].begin;
    p.end = t[j - 1].end;
    p.name = std::string(s.text.substr(p.begin, p.end - p.begin));
    return j;
}

bool HeadFinder::ends_apposition(const Scan& s, std::size_t k, std::size_t segment_start,
                                 bool first_segment) const {
    const Token& w = s.t[k];
    switch (s.lang) {
    case Lang::en:
        return !w.upper && !w.number && !w.arabic && !apposition_word_[s.l].contains(w);
    case Lang::fr:
        return k == segment_start && verb_start_[s.l].contains(w);
    case Lang::ar: {
        if (k != segment_start)
            return false;
        if (apposition_stop_[s.l].contains(w))
            return true;
        if (first_segment)
            return false; // the segment right after the name is the apposition
        std::size_t end = k + 1;
        while (end < s.t.size() && !is_comma(s.gap(end)) && !ends_sentence(s.gap(end)))
            ++end;
        return end - k > max_arabic_segment;
    }
    }
    return false;
}

// The role and affiliation after a name ("…, Regional Advisor, ESCWA,"): comma-separated
// segments up to a colon, a sentence end, another title or the verb.
std::size_t HeadFinder::read_apposition(const Scan& s, std::size_t i, PersonRef& p) const {
    std::string_view first_gap = s.gap(i);
    std::size_t lead = first_gap.find_first_not_of(" \t");
    if (i >= s.t.size() || lead == std::string_view::npos ||
        !(is_comma(first_gap.substr(lead)) || first_gap[lead] == '('))
        return i;
    bool parenthesis = first_gap[lead] == '(';
    std::size_t k = i, segment = i;
    for (; k < s.t.size() && k - i < max_apposition; ++k) {
        std::string_view gap = s.gap(k);
        if (k > i && (contains_any(gap, {":"}) || ends_sentence(gap)))
            break;
        if (k > i && parenthesis && gap.find(')') != std::string_view::npos)
            break;
        if (k > i && is_comma(gap))
            segment = k;
        if (k > i && title_at(s.text, s.t, k, s.lang)) {
            if (k > i + 1 && and_[s.l].contains(s.t[k - 1]))
                --k; // "…, IOM, and Ms. B"
            break;
        }
        if (ends_apposition(s, k, segment, segment == i))
            break;
    }
    if (k == i)
        return i;
    std::size_t end = s.t[k - 1].end;
    std::string_view after = s.gap(k);
    if (after.find(')') != std::string_view::npos && after.find(')') < after.find_first_of(":,;"))
        end += static_cast<std::uint32_t>(after.find(')') + 1);
    std::string_view text = s.text.substr(s.t[i].begin, end - s.t[i].begin);
    p.apposition = std::string(text);
    return k;
}

// The people a title introduces: one, or several after a plural title or in a joint list.
std::size_t HeadFinder::read_people(const Scan& s, const TitleHit& hit, Head& head) const {
    std::size_t j = hit.last;
    for (bool more = true; more && j < s.t.size();) {
        PersonRef p;
        std::size_t after = read_name(s, j, p);
        if (after == 0)
            break;
        j = read_apposition(s, after, p);
        head.people.push_back(std::move(p));
        more = false;
        if (j >= s.t.size())
            break;
        std::string_view gap = s.gap(j);
        std::size_t k = j + (and_[s.l].contains(s.t[j]) && s.t[j].norm != "و" ? 1 : 0);
        bool listed = contains_any(gap, {";", "؛"}) || k > j || (hit.plural && is_comma(gap));
        if (hit.plural && listed && k < s.t.size() && !title_at(s.text, s.t, k, s.lang)) {
            j = k;
            more = true;
        } else if (auto next = title_at(s.text, s.t, k, s.lang);
                   next && (listed || (s.t[k].arabic && s.t[k].norm.rfind("و", 0) == 0))) {
            j = next->last;
            more = true;
        }
    }
    return head.people.empty() ? 0 : j;
}

std::size_t HeadFinder::sentence_start(const Scan& s, std::size_t i) const {
    for (std::size_t j = i; j > 0; --j) {
        std::string_view gap = s.gap(j);
        if (!contains_any(gap, {".", "!", "?", "؟", ":", "\n"}))
            continue;
        bool abbreviation =
            gap.substr(0, 1) == "." && (titles_[s.l].match_ending(s.t, j, CaseRule::any) ||
                                        (s.t[j - 1].upper && s.t[j - 1].norm.size() == 1));
        if (!abbreviation)
            return j;
    }
    return 0;
}

bool HeadFinder::cue_before(const Scan& s, std::size_t i, Cue kind) const {
    const PhraseIndex& index = kind == Cue::moderated_by ? moderated_by_[s.l] : by_line_[s.l];
    auto m = index.match_ending(s.t, i, CaseRule::any);
    if (!m || !is_blank(s.gap(i)))
        return false;
    if (kind != Cue::by_line || m->first == 0)
        return true;
    // "presented by", "organisée par": a participle before "by" is not a by-line.
    const Token& before = s.t[m->first - 1];
    std::string_view raw = s.text.substr(before.begin, before.end - before.begin);
    return !(ends_with(before.norm, "ed") || ends_with(raw, "é") || ends_with(raw, "ée") ||
             ends_with(raw, "és") || ends_with(raw, "ées"));
}

std::optional<Head> HeadFinder::moderator_in_parentheses(const Scan& s) const {
    for (std::size_t i = 0; i < s.t.size(); ++i) {
        auto m = moderator_[s.l].match(s.t, i, CaseRule::any);
        if (!m || m->last >= s.t.size() || s.gap(m->last).find('(') == std::string_view::npos)
            continue;
        PersonRef p;
        std::size_t after = read_name(s, m->last, p);
        if (after == 0)
            continue;
        read_apposition(s, after, p);
        Head head;
        head.kind = HeadKind::moderator;
        head.people.push_back(std::move(p));
        return head;
    }
    return std::nullopt;
}

// True when the title of `hit` opens a statement (see the class comment); sets the head's
// lead-in and kind. `end` is where its people and appositions end.
bool HeadFinder::opens_statement(const Scan& s, const TitleHit& hit, std::size_t end,
                                 Head& head) const {
    std::size_t start = sentence_start(s, hit.first), lead = hit.first - start;
    const LangRules& r = lang_rules[s.l];
    if (lead > 0 &&
        (lead > r.lead_in_max || (r.lead_in_needs_comma && !is_comma(s.gap(hit.first)))))
        return false;
    if (lead > 0)
        head.lead_in =
            std::string(s.text.substr(s.t[start].begin, s.t[hit.first].begin - s.t[start].begin));
    bool line = start == 0 && lead == 0 &&
                (end == s.t.size() || contains_any(s.gap(end), {":"}) || is_bare_line(s.text));
    head.kind = line ? HeadKind::speaker_line : HeadKind::statement;
    return true;
}

std::optional<Head> HeadFinder::choose(const Scan& s, const std::vector<TitleHit>& hits) const {
    std::optional<Head> bare, by_line, moderated;
    std::size_t consumed = 0; // titles inside a joint list belong to its head
    for (const auto& hit : hits) {
        Head head;
        std::size_t end = hit.first < consumed ? 0 : read_people(s, hit, head);
        if (end == 0)
            continue;
        consumed = end;
        if (cue_before(s, hit.first, Cue::moderated_by) || cue_before(s, hit.first, Cue::by_line)) {
            bool moderator = cue_before(s, hit.first, Cue::moderated_by);
            head.kind = moderator ? HeadKind::moderator : HeadKind::by_line;
            auto& slot = moderator ? moderated : by_line;
            if (!slot)
                slot = std::move(head);
        } else if (opens_statement(s, hit, end, head)) {
            if (!head.people[0].apposition.empty())
                return head;
            if (!bare)
                bare = std::move(head);
        }
    }
    if (bare)
        return bare;
    if (by_line)
        return by_line;
    return moderated ? moderated : moderator_in_parentheses(s);
}

std::optional<Head> HeadFinder::find(std::string_view text, Lang lang) const {
    return find(text, scan_tokens(text), lang);
}

std::optional<Head> HeadFinder::find(std::string_view text, const Tokens& t, Lang lang) const {
    Scan s{text, t, lang, idx(lang)};
    return choose(s, titles(text, t, lang));
}

std::vector<std::pair<std::uint32_t, std::uint32_t>>
HeadFinder::person_spans(std::string_view text, const Tokens& t, Lang lang) const {
    Scan s{text, t, lang, idx(lang)};
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    for (const auto& hit : titles(text, t, lang)) {
        PersonRef p;
        if (read_name(s, hit.last, p))
            out.emplace_back(t[hit.first].begin, p.end);
    }
    return out;
}

bool HeadFinder::refers_to_moderator(std::string_view text, const Tokens& t, Lang lang) const {
    for (std::size_t i = 0; i < std::min<std::size_t>(2, t.size()); ++i) {
        auto m = moderator_[idx(lang)].match(t, i, CaseRule::any);
        if (m && gap_before(text, t, m->last).find('(') == std::string_view::npos)
            return true;
    }
    return false;
}

bool HeadFinder::continues_statement(std::string_view, const Tokens& t, Lang lang) const {
    std::size_t window = std::min(t.size(), lang_rules[idx(lang)].continuation_window);
    for (std::size_t i = 0; i < window; ++i) {
        if (!continuation_[idx(lang)].contains(t[i]))
            continue;
        // "il faut", "il a été souligné": an impersonal subject continues nobody's statement.
        bool impersonal = false;
        for (std::size_t k = i + 1; k < std::min(t.size(), i + 3); ++k)
            impersonal = impersonal || impersonal_[idx(lang)].contains(t[k]);
        if (impersonal)
            continue;
        return true;
    }
    return false;
}

bool HeadFinder::starts_annex(std::string_view, const Tokens& t, Lang) const {
    for (std::size_t l = 0; l < 3; ++l)
        if (annex_[l].match(t, 0, CaseRule::any))
            return true;
    return false;
}

std::size_t HeadFinder::titled_person(std::string_view text, const Tokens& t, std::size_t i,
                                      Lang lang, PersonRef& p) const {
    auto hit = title_at(text, t, i, lang);
    return hit && !hit->plural ? read_name(Scan{text, t, lang, idx(lang)}, hit->last, p) : 0;
}

bool HeadFinder::names_government(std::string_view text, Lang lang) const {
    Tokens t = scan_tokens(text);
    for (std::size_t i = 0; i < t.size(); ++i)
        if (government_[idx(lang)].match(t, i, CaseRule::any))
            return true;
    return false;
}

} // namespace mahdar
