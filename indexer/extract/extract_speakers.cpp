#include "extract/extract_speakers.h"

#include "common/strings.h"
#include "ingest/reports.h"

#include <map>
#include <optional>

namespace mahdar {
namespace {

bool is_table_row(const std::string& text) {
    return text.find(" | ") != std::string::npos;
}

std::string join(const std::vector<std::string>& words, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n && i < words.size(); ++i)
        out += (i ? " " : "") + words[i];
    return out;
}


// Without surrounding spaces and punctuation (ASCII, and the Arabic comma and semicolon), and
// without the parentheses of "(ILO)".
std::string_view trim_apposition(std::string_view s) {
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')' && s.find(')') == s.size() - 1)
        s = s.substr(1, s.size() - 2);
    if (!s.empty() && s.back() == ')' && s.find('(') == std::string_view::npos)
        s.remove_suffix(1); // "ILO)" of "Ms. X (ILO)"
    for (bool again = true; again && !s.empty();) {
        again = false;
        for (std::string_view p : {" ", "\t", "\n", ",", ":", ";", "،", "؛"}) {
            if (starts_with(s, p)) {
                s.remove_prefix(p.size());
                again = true;
            }
            if (ends_with(s, p)) {
                s.remove_suffix(p.size());
                again = true;
            }
        }
    }
    return s;
}

// "Regional Advisor, ESCWA" → role "Regional Advisor", affiliation "ESCWA".
void split_apposition(std::string_view apposition, SpeakerInfo& info) {
    apposition = trim_apposition(apposition);
    std::size_t comma = apposition.find(", ");
    std::size_t arabic = apposition.find("، ");
    std::size_t cut = std::min(comma, arabic);
    if (cut == std::string_view::npos) {
        info.affiliation = std::string(apposition);
        return;
    }
    info.role = std::string(trim_apposition(apposition.substr(0, cut)));
    std::size_t separator = cut == comma ? 1 : std::string_view("،").size();
    info.affiliation = std::string(trim_apposition(apposition.substr(cut + separator)));
}

// Annex table row cells: "1. | Hanane Bouarourou | 5+5 Dialogue…" → name, affiliation.
std::optional<std::pair<std::string, std::string>> annex_person(const std::string& row) {
    std::vector<std::string> cells;
    for (std::size_t start = 0;;) {
        std::size_t bar = row.find(" | ", start);
        cells.emplace_back(trim_apposition(row.substr(start, bar == std::string::npos ? bar : bar - start)));
        if (bar == std::string::npos)
            break;
        start = bar + 3;
    }
    for (std::size_t i = 0; i + 1 < cells.size(); ++i) {
        Tokens t = scan_tokens(cells[i]);
        bool name = t.size() >= 2 && t.size() <= 5 && (t[0].arabic || t[0].upper);
        for (const auto& w : t)
            name = name && !w.number;
        if (name)
            return std::make_pair(cells[i], cells[i + 1]);
    }
    return std::nullopt;
}

} // namespace

struct SpeakerExtractor::Context {
    Context(const Document& d, const std::vector<Tokens>& t, const NameRules& rules)
        : doc(d), tokens(t), book(rules), out(d.passages.size()) {}
    const Document& doc;
    const std::vector<Tokens>& tokens;
    std::vector<Lang> langs;
    std::vector<std::optional<Head>> heads;
    std::vector<bool> annex;
    NameBook book;
    std::vector<SpeakerInfo> out;
    std::optional<SpeakerInfo> current, moderator; ///< the statement going on; the last moderator
    bool sticky = false; ///< `current` carries on without a continuation cue
    std::map<std::string, SpeakerInfo> described; ///< speakers whose affiliation was given
    std::vector<std::pair<std::string, std::string>> annex_affiliations; ///< name, affiliation
    bool record = false; ///< `current` is a record's speech: only record heads end it
    std::map<std::string, std::string> role_holders; ///< role key → who the record says holds it
};

namespace {

std::string role_key(std::string_view role) {
    std::string key;
    for (const auto& t : scan_tokens(role))
        key += t.norm + ' ';
    return key;
}

} // namespace

SpeakerExtractor::SpeakerExtractor(const ReferenceData& data, const CountryMatcher& countries)
    : names_(data), heads_(data, names_), countries_(countries),
      records_(data, heads_, countries) {}

// Heads, annex flags and the names the document gives.
void SpeakerExtractor::collect_names(Context& c) const {
    bool in_annex = false;
    const std::string* section = nullptr;
    for (std::size_t i = 0; i < c.doc.passages.size(); ++i) {
        const Passage& p = c.doc.passages[i];
        if (!section || *section != p.section) {
            in_annex = heads_.starts_annex(p.section, c.langs[i]);
            auto role = records_.find(p.section, c.langs[i]); // "Chair: Mr. X" as a heading
            if (role && role->kind == HeadKind::role_line)
                c.book.add(role->people[0].name, NameSource::statement);
        }
        section = &p.section;
        in_annex = in_annex || heads_.starts_annex(p.text, c.tokens[i], c.langs[i]);
        c.annex.push_back(in_annex);
        c.heads.emplace_back();
        if (in_annex) {
            if (auto person = annex_person(p.text)) {
                c.book.add(person->first, NameSource::annex);
                c.annex_affiliations.emplace_back(std::move(*person));
            }
            continue;
        }
        if (is_table_row(p.text))
            continue;
        c.heads.back() = records_.find(p.text, c.tokens[i], c.langs[i]);
        if (!c.heads.back())
            c.heads.back() = heads_.find(p.text, c.tokens[i], c.langs[i]);
        if (!c.heads.back())
            continue;
        for (const auto& person : c.heads.back()->people)
            if (!person.open)
                c.book.add(person.name, NameSource::statement);
    }
}

std::string SpeakerExtractor::resolve(const Context& c, const PersonRef& p) const {
    if (p.words.empty())
        return {};
    if (!scan_tokens(p.name).front().arabic)
        return c.book.resolve(p.name);
    std::size_t n =
        c.book.known_prefix(p.words, p.open ? std::string_view() : std::string_view(p.name));
    if (n == 0)
        n = p.open ? 2 : p.words.size();
    return c.book.resolve(join(p.words, n));
}

SpeakerInfo SpeakerExtractor::describe(const Context& c, const Head& head, Lang lang) const {
    SpeakerInfo info;
    std::string context = head.lead_in;
    for (const auto& person : head.people) {
        std::string name = resolve(c, person);
        if (name.empty() || info.speaker.find(name) != std::string::npos)
            continue;
        info.speaker += (info.speaker.empty() ? "" : " | ") + name;
        context += ' ' + person.apposition;
    }
    if (!head.people.empty())
        split_apposition(head.people[0].apposition, info);
    if (heads_.names_government(info.role, lang)) { // "Ministry of Labour, Jordan": no role given
        info.affiliation = std::string(trim_apposition(head.people[0].apposition));
        info.role.clear();
    }
    if (heads_.names_government(context, lang))
        info.countries = countries_.codes(context, lang);
    return info;
}

// A record's head: the person it names, the holder of the role it names, the role itself, or
// a press release's label ("Representative of Egypt").
SpeakerInfo SpeakerExtractor::describe_record(const Context& c, const Head& head) const {
    SpeakerInfo info;
    info.role = head.role;
    info.countries = head.countries;
    if (!head.people.empty()) {
        info.speaker = resolve(c, head.people[0]);
        if (head.role.empty())
            split_apposition(head.people[0].apposition, info);
    } else if (auto it = c.role_holders.find(role_key(head.role)); it != c.role_holders.end()) {
        info.speaker = it->second;
    } else {
        info.speaker = head.role.empty() ? head.label : head.role;
        info.affiliation = head.affiliation;
    }
    if (!head.role.empty())
        info.countries.clear();
    return info;
}

// A single short line without final punctuation that stands alone (not in a list): a session
// title such as "Open discussion: Means to ensure …". It has no speaker and ends a statement.
bool SpeakerExtractor::title_like(const Document& doc, std::size_t i) const {
    const Passage& p = doc.passages[i];
    bool listed = (i > 0 && doc.passages[i - 1].line + 1 == p.line) ||
                  (i + 1 < doc.passages.size() && doc.passages[i + 1].line == p.line + 1);
    return p.line > 0 && !listed && is_bare_line(p.text);
}

// A section whose heading is a speaker line ("Mr. Salim Korkmaz, UCLG-MEWA") is their statement.
void SpeakerExtractor::enter_section(Context& c, std::size_t i) const {
    c.current.reset();
    c.record = false;
    const std::string& section = c.doc.passages[i].section;
    if (auto role = records_.find(section, c.langs[i]); role && role->kind == HeadKind::role_line) {
        c.role_holders[role_key(role->role)] = resolve(c, role->people[0]); // "Chair: Mr. X"
        return;
    }
    auto head = heads_.find(section, c.langs[i]);
    if (head && head->lead_in.empty() && head->kind != HeadKind::moderator) {
        c.current = describe(c, *head, c.langs[i]);
        c.sticky = true;
    }
}

void SpeakerExtractor::take_head(Context& c, std::size_t i, const Head& head) const {
    SpeakerInfo& out = c.out[i];
    c.record = head.style == HeadStyle::record;
    if (head.kind == HeadKind::role_line) {
        c.role_holders[role_key(head.role)] = resolve(c, head.people[0]);
        out = {};
        c.current.reset();
        return;
    }
    if (head.style != HeadStyle::notes) {
        out = describe_record(c, head);
        if (!head.role.empty() && !head.people.empty())
            c.role_holders[role_key(head.role)] = out.speaker; // "The Chair (Ms. X)"
        c.sticky = c.record;
        c.current = out;
        return;
    }
    out = describe(c, head, c.langs[i]);
    // "Closing the meeting, Ms. Khoury…": the apposition given earlier still holds.
    if (auto it = c.described.find(out.speaker); out.affiliation.empty() && it != c.described.end())
        out = it->second;
    else if (!out.affiliation.empty())
        c.described.emplace(out.speaker, out);
    for (const auto& [name, affiliation] : c.annex_affiliations)
        if (out.affiliation.empty() && names_.same_person(name, out.speaker))
            out.affiliation = affiliation; // "Ms. El Sherbiny:" with the list of participants
    if (head.kind == HeadKind::moderator) {
        c.moderator = out;
        c.current.reset();
        return;
    }
    bool same = c.current && c.current->speaker == out.speaker;
    c.sticky = head.kind != HeadKind::statement || (c.sticky && same);
    c.current = out;
}

// The state machine of the class comment, passage by passage.
void SpeakerExtractor::assign(Context& c) const {
    const std::string* section = nullptr;
    for (std::size_t i = 0; i < c.doc.passages.size(); ++i) {
        const Passage& p = c.doc.passages[i];
        if (!section || *section != p.section)
            enter_section(c, i);
        section = &p.section;
        bool given = i < c.doc.passage_given.size() && c.doc.passage_given[i].speaker;
        if (given) {
            c.out[i].speaker = p.speaker;
            c.out[i].affiliation = p.affiliation;
            c.current = c.out[i];
            c.sticky = false;
        } else if (c.annex[i] || is_table_row(p.text)) {
            c.current.reset();
        } else if (c.heads[i] && (c.heads[i]->style != HeadStyle::notes || !(c.record && c.current))) {
            take_head(c, i, *c.heads[i]);
        } else if (records_.procedural(c.tokens[i], c.langs[i]) ||
                   records_.names_other_speaker(p.text, c.tokens[i], c.langs[i])) {
            c.current.reset();
        } else if (c.moderator && heads_.refers_to_moderator(p.text, c.tokens[i], c.langs[i])) {
            c.out[i] = *c.moderator;
        } else if (c.current && !title_like(c.doc, i) &&
                   (c.sticky || heads_.continues_statement(p.text, c.tokens[i], c.langs[i]))) {
            c.out[i] = *c.current;
        } else {
            c.current.reset();
        }
    }
}

std::vector<SpeakerInfo> SpeakerExtractor::extract(const Document& doc) const {
    std::vector<Tokens> tokens;
    for (const auto& p : doc.passages)
        tokens.push_back(scan_tokens(p.text));
    return extract(doc, tokens);
}

std::vector<SpeakerInfo> SpeakerExtractor::extract(const Document& doc,
                                                   const std::vector<Tokens>& tokens) const {
    Context c(doc, tokens, names_);
    for (const auto& p : doc.passages)
        c.langs.push_back(p.lang.value_or(doc.lang.value_or(Lang::en)));
    collect_names(c);
    assign(c);
    return std::move(c.out);
}

} // namespace mahdar
