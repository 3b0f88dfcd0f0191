#include "extract/extract_dates.h"

#include "common/dates.h"
#include "ingest/reports.h"
#include "text/normalise.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace mahdar {
namespace {

constexpr std::size_t long_paragraph_words = 30;

// Spaces and commas only (between a month and its year: "February 10, 2022", "2021،").
bool is_space_gap(std::string_view gap) {
    std::size_t pos = 0;
    while (pos < gap.size()) {
        char32_t c = next_code_point(gap, pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != ',' && c != 0x060C && c != 0x00A0 &&
            c != 0x202F)
            return false;
    }
    return true;
}

bool is_dash_gap(std::string_view gap) {
    return gap == "-" || gap == "–" || gap == "—" || gap == " - " || gap == " – " || gap == "‑";
}

std::string_view digits_prefix(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9')
        ++n;
    return s.substr(0, n);
}

void add_unique(std::vector<std::string>& v, std::string s) {
    if (std::find(v.begin(), v.end(), s) == v.end())
        v.push_back(std::move(s));
}

} // namespace

std::string DateMatch::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

DateParser::DateParser(const ReferenceData& data) {
    for (Lang lang : {Lang::ar, Lang::en, Lang::fr}) {
        const auto& months = data.months(lang);
        for (int m = 1; m <= 12; ++m)
            for (const auto& name : months[m])
                months_.add(name, m);
        for (const auto& forms : data.ordinals(lang))
            for (const auto& form : forms) {
                Tokens t = scan_tokens(form);
                if (t.size() != 1)
                    continue;
                std::string_view digits = digits_prefix(t[0].norm);
                if (!digits.empty() && digits.size() < t[0].norm.size())
                    add_unique(day_suffixes_, t[0].norm.substr(digits.size()));
            }
        for (const auto& w : data.cues(lang, Cue::date_range))
            range_words_.add(w);
    }
}

bool DateParser::read_day(const Token& t, int& day) const {
    std::string_view digits = digits_prefix(t.norm);
    if (digits.empty() || digits.size() > 2)
        return false;
    std::string_view suffix = std::string_view(t.norm).substr(digits.size());
    if (!suffix.empty() &&
        std::find(day_suffixes_.begin(), day_suffixes_.end(), suffix) == day_suffixes_.end())
        return false;
    day = std::stoi(std::string(digits));
    return day >= 1 && day <= 31;
}

bool DateParser::read_year(std::string_view text, const Tokens& t, std::size_t i, int& year) const {
    if (i >= t.size() || !is_space_gap(gap_before(text, t, i)))
        return false;
    year = token_number(t[i]);
    return t[i].norm.size() == 4 && year >= 1900 && year <= 2100;
}

// The month name at token i, with an optional second name after a slash ("آب/أغسطس"); returns
// the index after it, or 0.
std::size_t DateParser::read_month(std::string_view text, const Tokens& t, std::size_t i,
                                   int& month) const {
    auto m = months_.match(t, i, CaseRule::as_written);
    if (!m)
        return 0;
    month = m->payload;
    std::size_t next = m->last;
    std::string_view gap = gap_before(text, t, next);
    if (gap.find('/') != std::string_view::npos && gap.size() <= 3) {
        auto second = months_.match(t, next, CaseRule::as_written);
        if (second && second->payload == month)
            next = second->last;
    }
    return next;
}

// True when the day at token `day` ends a range: "24-25", "17 to 20", "1er et 2", "١ و٢".
bool DateParser::ends_range(std::string_view text, const Tokens& t, std::size_t day) const {
    if (day >= 1 && t[day - 1].number && is_dash_gap(gap_before(text, t, day)))
        return true;
    int ignored = 0;
    return day >= 2 && range_words_.contains(t[day - 1]) && read_day(t[day - 2], ignored);
}

bool DateParser::parse_at(std::string_view text, const Tokens& t, std::size_t i,
                          DateMatch& out) const {
    std::size_t day_at = i, after = 0;
    if (read_day(t[i], out.day)) {
        after = read_month(text, t, i + 1, out.month);
    } else if (std::size_t m = read_month(text, t, i, out.month);
               m && m < t.size() && read_day(t[m], out.day)) {
        day_at = m; // "February 10, 2022"
        after = m + 1;
    }
    if (after == 0 || !read_year(text, t, after, out.year))
        return false;
    if (out.day > days_in_month(out.year, out.month))
        return false;
    out.begin = t[i].begin;
    out.end = t[after].end;
    out.range = ends_range(text, t, day_at);
    return true;
}

std::vector<DateMatch> DateParser::find(std::string_view text) const {
    Tokens t = scan_tokens(text);
    std::vector<DateMatch> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        DateMatch d;
        if (parse_at(text, t, i, d))
            out.push_back(d);
    }
    return out;
}

std::string DateParser::meeting_date(const Document& doc) const {
    auto single_dates = [this](std::string_view text) {
        std::vector<std::string> out;
        for (const auto& d : find(text))
            if (!d.range)
                add_unique(out, d.iso());
        return out;
    };
    auto first_long = std::find_if(doc.passages.begin(), doc.passages.end(), [](const Passage& p) {
        return count_words(p.text) >= long_paragraph_words;
    });
    std::uint32_t end_line = first_long == doc.passages.end() ? UINT32_MAX : first_long->line;
    // The header: headings and short passages before the first long paragraph, in line order.
    std::vector<std::pair<std::uint32_t, const std::string*>> header;
    for (const auto& h : doc.headings)
        if (h.line < end_line)
            header.emplace_back(h.line, &h.text);
    for (auto p = doc.passages.begin(); p != first_long; ++p)
        header.emplace_back(p->line, &p->text);
    std::stable_sort(header.begin(), header.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    if (auto title = single_dates(doc.title); !title.empty())
        return title.front();
    for (const auto& [line, text] : header)
        if (auto dates = single_dates(*text); !dates.empty())
            return dates.front();
    if (first_long == doc.passages.end())
        return {};
    auto opening = single_dates(first_long->text);
    return opening.size() == 1 ? opening.front() : std::string();
}

} // namespace mahdar
