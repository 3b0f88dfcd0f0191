#include "extract/record_heads.h"

#include "common/strings.h"
#include "common/utf8.h"

#include <unicode/uchar.h>

#include <algorithm>

namespace mahdar {
namespace {

constexpr std::size_t max_lead_in = 12;    ///< words before a head, ending with a comma
constexpr std::size_t max_arabic_verbs = 2; ///< "ثم قال", "وقال"

std::size_t idx(Lang lang) {
    return static_cast<std::size_t>(lang);
}

bool is_comma(std::string_view gap) {
    return contains_any(gap, {",", "،"});
}

bool ends_sentence(std::string_view gap) {
    return contains_any(gap, {". ", "!", "?", "؟", ";", "؛", ":", "\n"});
}

// Only spaces, a comma or nothing between two words.
bool plain_gap(std::string_view gap) {
    for (std::size_t i = 0; i < gap.size();) {
        std::size_t before = i;
        for (std::string_view p : {",", "،", " ", "\t", "\u00A0", "\u202F"})
            if (gap.substr(i, p.size()) == p) {
                i += p.size();
                break;
            }
        if (i == before)
            return false;
    }
    return true;
}

// "representative of Egypt" → "Representative of Egypt"; spaces and line breaks collapsed.
std::string label_text(std::string_view text, Lang lang) {
    std::string out;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t';
        if (space && (out.empty() || out.back() == ' '))
            continue;
        out += space ? ' ' : c;
    }
    if (lang == Lang::ar || out.empty())
        return out;
    std::size_t pos = 0;
    auto first = static_cast<UChar32>(next_code_point(out, pos));
    std::string capital;
    append_utf8(capital, static_cast<char32_t>(u_toupper(first)));
    return capital + out.substr(pos);
}

} // namespace

struct RecordHeadFinder::Scan {
    std::string_view text;
    const Tokens& t;
    Lang lang;
    std::size_t l;
    const CountryMatcher& countries;
    mutable std::optional<std::vector<CountryMention>> found; ///< countries, once asked for
    std::string_view gap(std::size_t i) const { return gap_before(text, t, i); }
    const std::vector<CountryMention>& mentions() const {
        if (!found)
            found = countries.find(text, t, lang);
        return *found;
    }
    /// The country named from token i (after an article), and the token after it.
    std::optional<std::pair<std::size_t, const CountryMention*>> country_at(std::size_t i,
                                                                             const WordSet& article) const {
        for (std::size_t j = i; j < t.size() && j <= i + 1; ++j) {
            for (const auto& m : mentions()) {
                if (m.begin != t[j].begin)
                    continue;
                std::size_t k = j;
                while (k < t.size() && t[k].end <= m.end)
                    ++k;
                return std::make_pair(k, &m);
            }
            if (!article.contains(t[j]))
                break;
        }
        return std::nullopt;
    }
};

RecordHeadFinder::RecordHeadFinder(const ReferenceData& data, const HeadFinder& heads,
                                   const CountryMatcher& countries)
    : heads_(heads), countries_(countries) {
    for (Lang lang : {Lang::ar, Lang::en, Lang::fr}) {
        std::size_t l = idx(lang);
        add_all(roles_[l], data.cues(lang, Cue::presiding_role));
        add_all(representative_[l], data.cues(lang, Cue::representative));
        add_all(interpretation_[l], data.cues(lang, Cue::interpretation));
        add_all(procedural_[l], data.cues(lang, Cue::procedural));
        add_all(article_[l], data.cues(lang, Cue::article));
        add_all(complement_[l], data.cues(lang, Cue::role_complement));
        add_all(and_[l], data.cues(lang, Cue::list_and));
        add_all(speech_verb_[l], data.cues(lang, Cue::speech_verb));
        add_all(stop_[l], data.cues(lang, Cue::apposition_stop));
    }
}

// The parentheses opening right before token i: "(Morocco)", "(spoke in Arabic)".
std::optional<RecordHeadFinder::Paren> RecordHeadFinder::paren_at(const Scan& s,
                                                                  std::size_t i) const {
    if (i >= s.t.size())
        return std::nullopt;
    std::string_view before = s.gap(i);
    std::size_t open = before.rfind('(');
    if (open == std::string_view::npos || !trim(before.substr(open + 1)).empty())
        return std::nullopt;
    for (std::size_t k = i + 1; k <= s.t.size(); ++k) {
        std::string_view g = s.gap(k);
        if (g.find(')') != std::string_view::npos)
            return Paren{i, k, s.text.substr(s.t[i].begin, s.t[k - 1].end - s.t[i].begin)};
        if (g.find('(') != std::string_view::npos)
            return std::nullopt;
    }
    return std::nullopt;
}

// After "(Morocco)": the index after "(spoke in Arabic)" when it follows, else i.
std::size_t RecordHeadFinder::skip_interpretation(const Scan& s, std::size_t i) const {
    auto p = paren_at(s, i);
    return p && interpretation_[s.l].match(s.t, p->first, CaseRule::any) ? p->last : i;
}

// The country a parenthesis is, whole: "Morocco", "the Sudan", "Observer for the State of
// Palestine"; empty for anything else ("Secretary of the Committee", "2019").
std::vector<std::string> RecordHeadFinder::country_of(std::string_view text, Lang lang) const {
    Tokens t = scan_tokens(text);
    Scan s{text, t, lang, idx(lang), countries_, {}};
    std::size_t j = 0;
    if (j < t.size() && article_[s.l].contains(t[j]))
        ++j;
    if (auto m = representative_[s.l].match(t, j, CaseRule::any))
        j = m->last;
    auto c = s.country_at(j, article_[s.l]);
    if (!c || c->first != t.size())
        return {};
    return {c->second->code};
}

// What follows a head's last token (i is the token after it): a colon makes a speaker line;
// a verb or a comma a statement; another title or "and" a joint head, left to speaker_heads.h.
bool RecordHeadFinder::ends_head(const Scan& s, std::size_t i, Head& head) const {
    std::string_view g = s.gap(i);
    std::size_t close = g.rfind(')');
    if (close != std::string_view::npos)
        g = g.substr(close + 1);
    if (g.find(':') != std::string_view::npos) {
        head.kind = HeadKind::speaker_line;
        return true;
    }
    PersonRef other;
    if (i >= s.t.size() || !plain_gap(g) || and_[s.l].contains(s.t[i]) ||
        heads_.titled_person(s.text, s.t, i, s.lang, other))
        return false;
    if (s.lang != Lang::ar && s.t[i].upper && !is_comma(g))
        return false;
    head.kind = HeadKind::statement;
    return true;
}

std::optional<Head> RecordHeadFinder::delegate(const Scan& s, std::size_t i) const {
    PersonRef p;
    std::size_t after = heads_.titled_person(s.text, s.t, i, s.lang, p);
    auto paren = after ? paren_at(s, after) : std::nullopt;
    if (!paren)
        return std::nullopt;
    bool letters = std::any_of(s.t.begin() + static_cast<std::ptrdiff_t>(paren->first),
                               s.t.begin() + static_cast<std::ptrdiff_t>(paren->last),
                               [](const Token& w) { return !w.number; });
    if (!letters)
        return std::nullopt; // "Mr. Smith (2019)"
    Head head;
    head.style = HeadStyle::record;
    std::size_t end = paren->last;
    if (!interpretation_[s.l].match(s.t, paren->first, CaseRule::any)) {
        p.apposition = std::string(paren->text);
        head.countries = country_of(paren->text, s.lang);
        end = skip_interpretation(s, end);
    }
    if (!ends_head(s, end, head))
        return std::nullopt;
    head.people.push_back(std::move(p));
    return head;
}

// "Chair: Mr. Omar Hilale (Morocco)" (i: the token after the colon): who holds the role.
std::optional<Head> RecordHeadFinder::role_holder(const Scan& s, std::size_t i, Head head) const {
    PersonRef p;
    std::size_t end = heads_.titled_person(s.text, s.t, i, s.lang, p);
    if (end == 0)
        return std::nullopt;
    if (auto paren = paren_at(s, end))
        end = paren->last;
    if (end != s.t.size())
        return std::nullopt;
    head.kind = HeadKind::role_line;
    head.people = {std::move(p)};
    return head;
}

std::optional<Head> RecordHeadFinder::presiding(const Scan& s, std::size_t i) const {
    std::size_t j = i < s.t.size() && article_[s.l].contains(s.t[i]) ? i + 1 : i;
    auto m = roles_[s.l].match(s.t, j, s.lang == Lang::ar ? CaseRule::any : CaseRule::as_written);
    if (!m)
        return std::nullopt;
    Head head;
    head.style = HeadStyle::record;
    head.role = label_text(s.text.substr(s.t[j].begin, s.t[m->last - 1].end - s.t[j].begin),
                           Lang::ar);
    std::size_t k = m->last;
    PersonRef p;
    if (auto paren = paren_at(s, k);
        paren && heads_.titled_person(s.text, s.t, paren->first, s.lang, p) == paren->last) {
        head.people.push_back(std::move(p)); // "The Chair (Ms. Dupont)"
        k = paren->last;
    }
    k = skip_interpretation(s, k);
    std::string_view g = s.gap(k);
    if (std::size_t close = g.rfind(')'); close != std::string_view::npos)
        g = g.substr(close + 1);
    if (g.find(':') != std::string_view::npos && (head.people.empty() || k < s.t.size())) {
        if (auto line = role_holder(s, k, head))
            return line;
        if (j == i && s.lang != Lang::ar)
            return std::nullopt; // "Chair: the Bureau …" is no speaker's line
        head.kind = HeadKind::speaker_line;
        return head;
    }
    if (k >= s.t.size() || !plain_gap(g))
        return std::nullopt;
    if (s.lang == Lang::ar) { // "قال الرئيس إن", "وقالت الرئيسة، …"
        if (i == 0 || !(stop_[s.l].contains(s.t[k]) || is_comma(g)))
            return std::nullopt;
    } else if (j == i || (s.t[k].upper && !is_comma(g)) || complement_[s.l].contains(s.t[k])) {
        return std::nullopt; // "The President of the General Assembly", "Chair said"
    }
    head.kind = HeadKind::statement;
    return head;
}

std::optional<Head> RecordHeadFinder::representative(const Scan& s, std::size_t i) const {
    std::size_t j = i < s.t.size() && article_[s.l].contains(s.t[i]) ? i + 1 : i;
    auto m = representative_[s.l].match(s.t, j, CaseRule::any);
    if (!m)
        return std::nullopt;
    auto c = s.country_at(m->last, article_[s.l]);
    if (!c)
        return std::nullopt; // "the representative of the private sector"
    const auto& [after, mention] = *c;
    if (after < s.t.size() && s.lang != Lang::ar && s.t[after].upper && !is_comma(s.gap(after)))
        return std::nullopt;
    if (after >= s.t.size() && s.gap(after).find(':') == std::string_view::npos)
        return std::nullopt;
    Head head;
    head.style = HeadStyle::press;
    head.kind = HeadKind::statement;
    head.label = label_text(s.text.substr(s.t[j].begin, mention->end - s.t[j].begin), s.lang);
    // No affiliation: the label names the country already ("Representative of Egypt").
    head.countries = {mention->code};
    return head;
}

// Where a head may start after a lead-in: a short phrase without a titled name ending with a
// comma ("Speaking on behalf of the Arab Group,", "ومتكلمةً باسم المجموعة،") and, in Arabic,
// speech verbs ("وقال", "قالت"); 0 without.
std::size_t RecordHeadFinder::head_start(const Scan& s) const {
    std::size_t start = 0;
    bool verb_first = s.lang == Lang::ar && speech_verb_[s.l].contains(s.t[0]);
    PersonRef person;
    for (std::size_t k = 1; !verb_first && k < s.t.size() && k <= max_lead_in; ++k) {
        std::string_view g = s.gap(k);
        if (ends_sentence(g) || heads_.titled_person(s.text, s.t, k - 1, s.lang, person))
            break; // "Mr. Ali Abdou, the representative of the Comoros": his apposition
        if (is_comma(g)) {
            start = k;
            break;
        }
    }
    std::size_t i = start;
    while (s.lang == Lang::ar && i < s.t.size() && i - start < max_arabic_verbs &&
           speech_verb_[s.l].contains(s.t[i]))
        ++i;
    return i;
}

std::optional<Head> RecordHeadFinder::find(std::string_view text, const Tokens& t,
                                           Lang lang) const {
    if (t.empty())
        return std::nullopt;
    Scan s{text, t, lang, idx(lang), countries_, {}};
    if (auto h = presiding(s, 0))
        return h;
    if (auto h = delegate(s, 0))
        return h;
    if (auto h = representative(s, 0))
        return h;
    std::size_t start = head_start(s);
    if (start == 0)
        return std::nullopt;
    std::optional<Head> h = presiding(s, start);
    if (!h && lang == Lang::ar)
        h = delegate(s, start);
    if (!h)
        h = representative(s, start);
    if (h && lang != Lang::ar)
        h->lead_in = std::string(text.substr(0, t[start].begin));
    return h;
}

bool RecordHeadFinder::names_other_speaker(std::string_view text, const Tokens& t,
                                           Lang lang) const {
    if (t.empty())
        return false;
    Scan s{text, t, lang, idx(lang), countries_, {}};
    for (std::size_t i : {std::size_t(0), head_start(s)}) {
        std::size_t j = i < t.size() && article_[s.l].contains(t[i]) ? i + 1 : i;
        if (representative_[s.l].match(t, j, CaseRule::any))
            return true;
    }
    return false;
}

bool RecordHeadFinder::procedural(const Tokens& t, Lang lang) const {
    return procedural_[idx(lang)].match(t, 0, CaseRule::any).has_value();
}

} // namespace mahdar
