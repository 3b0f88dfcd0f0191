#include "text/text_scan.h"

#include "common/strings.h"
#include "text/normalise.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

namespace mahdar {
namespace {

bool is_word_char(char32_t c) {
    auto u = static_cast<UChar32>(c);
    if (u_isalnum(u))
        return true;
    int8_t type = u_charType(u);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || c == 0x0640;
}

bool is_arabic_char(char32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_ARABIC;
}

bool is_digit_char(char32_t c) {
    return u_isdigit(static_cast<UChar32>(c));
}

void finish(Token& t, std::string_view text) {
    std::string_view raw = text.substr(t.begin, t.end - t.begin);
    t.norm = word_key(raw);
    t.number = !t.norm.empty() && std::all_of(t.norm.begin(), t.norm.end(),
                                              [](char c) { return c >= '0' && c <= '9'; });
    size_t pos = 0, letters = 0, uppers = 0;
    bool first = true;
    while (pos < raw.size()) {
        auto c = static_cast<UChar32>(next_code_point(raw, pos));
        if (!u_isalpha(c))
            continue;
        ++letters;
        if (u_isupper(c))
            ++uppers;
        if (first) {
            t.upper = u_isupper(c);
            t.arabic = is_arabic_char(static_cast<char32_t>(c));
            first = false;
        }
    }
    t.all_caps = letters >= 2 && uppers == letters;
    if (t.arabic) {
        t.forms = arabic_forms(t.norm, Article::keep);
        t.bare_from = t.forms.size();
        for (auto& f : arabic_forms(t.norm, Article::strip))
            if (std::find(t.forms.begin(), t.forms.end(), f) == t.forms.end())
                t.forms.push_back(std::move(f));
        t.forms.erase(t.forms.begin()); // the word itself is `norm`
        --t.bare_from;
    }
}

std::size_t letters(std::string_view s) {
    std::size_t n = 0, pos = 0;
    while (pos < s.size()) {
        next_code_point(s, pos);
        ++n;
    }
    return n;
}

// One Arabic proclitic letter removed, when at least 3 letters remain.
void strip_one(std::vector<std::string>& out, std::string w,
               std::initializer_list<std::string_view> prefixes) {
    for (auto p : prefixes)
        if (starts_with(w, p) && letters(w) >= 4)
            out.push_back(w.substr(p.size()));
}

} // namespace

std::vector<TokenSpan> token_spans(std::string_view text) {
    std::vector<TokenSpan> out;
    size_t pos = 0;
    bool in_word = false;
    char32_t prev = 0;
    while (pos < text.size()) {
        size_t start = pos;
        char32_t c = next_code_point(text, pos);
        bool word = is_word_char(c);
        bool split =
            in_word && word && is_digit_char(c) && !is_digit_char(prev) && is_arabic_char(prev);
        if (in_word && (!word || split))
            in_word = false;
        if (word && !in_word) {
            out.push_back({static_cast<std::uint32_t>(start), 0});
            in_word = true;
        }
        if (in_word)
            out.back().end = static_cast<std::uint32_t>(pos);
        prev = c;
    }
    return out;
}

Tokens scan_tokens(std::string_view text) {
    Tokens out;
    for (auto [begin, end] : token_spans(text)) {
        out.push_back({});
        out.back().begin = begin;
        out.back().end = end;
        finish(out.back(), text);
    }
    return out;
}

std::string_view gap_before(std::string_view text, const Tokens& tokens, std::size_t i) {
    std::size_t from = i == 0 ? 0 : tokens[i - 1].end;
    std::size_t to = i < tokens.size() ? tokens[i].begin : text.size();
    return text.substr(from, to - from);
}

int token_number(const Token& t) {
    if (!t.number || t.norm.size() > 5)
        return -1;
    return std::stoi(t.norm);
}

std::vector<std::string> arabic_forms(std::string_view norm, Article article) {
    std::vector<std::string> forms{std::string(norm)};
    if (!is_arabic_script(norm))
        return forms;
    strip_one(forms, forms[0], {"و", "ف"});
    for (std::size_t i = 0, n = forms.size(); i < n; ++i) {
        strip_one(forms, forms[i], {"ب", "ك"});
        std::string w = forms[i];
        if (starts_with(w, "لل") && letters(w) >= 4)
            forms.push_back("ال" + w.substr(std::string_view("لل").size()));
        strip_one(forms, w, {"ل"});
    }
    if (article == Article::keep)
        return forms;
    for (std::size_t i = 0, n = forms.size(); i < n; ++i)
        if (starts_with(forms[i], "ال") && letters(forms[i]) >= 4) {
            std::string bare = forms[i].substr(std::string_view("ال").size());
            forms.push_back(std::move(bare));
        }
    return forms;
}

bool token_is(const Token& t, std::string_view norm) {
    return t.norm == norm || std::find(t.forms.begin(), t.forms.end(), norm) != t.forms.end();
}

void PhraseIndex::add(std::string_view phrase, int payload) {
    Tokens tokens = scan_tokens(phrase);
    if (tokens.empty())
        return;
    Entry e{{}, {}, payload};
    for (const auto& t : tokens) {
        e.words.push_back(t.norm);
        e.caps.push_back(t.all_caps ? Caps::all : t.upper ? Caps::initial : Caps::any);
    }
    by_first_[e.words[0]].push_back(std::move(e));
}

bool PhraseIndex::matches(const Entry& e, const Tokens& tokens, std::size_t i,
                          CaseRule rule) const {
    if (i + e.words.size() > tokens.size())
        return false;
    for (std::size_t k = 0; k < e.words.size(); ++k) {
        const Token& t = tokens[i + k];
        if (k > 0 && t.norm != e.words[k])
            return false;
        if (rule == CaseRule::any || t.arabic)
            continue;
        if (e.caps[k] == Caps::initial && !t.upper)
            return false;
        if (e.caps[k] == Caps::all && !t.all_caps)
            return false;
    }
    return true;
}

std::optional<PhraseMatch> PhraseIndex::match(const Tokens& tokens, std::size_t i,
                                              CaseRule rule) const {
    if (i >= tokens.size())
        return std::nullopt;
    std::optional<PhraseMatch> best;
    const Token& t = tokens[i];
    auto try_form = [&](const std::string& form) {
        auto it = by_first_.find(form);
        if (it == by_first_.end())
            return;
        for (const auto& e : it->second)
            if (matches(e, tokens, i, rule) && (!best || e.words.size() > best->last - best->first))
                best = PhraseMatch{i, i + e.words.size(), e.payload};
    };
    try_form(t.norm);
    std::size_t forms = article_ == Article::strip ? t.forms.size() : t.bare_from;
    for (std::size_t k = 0; k < forms; ++k)
        try_form(t.forms[k]);
    return best;
}

std::optional<PhraseMatch> PhraseIndex::match_ending(const Tokens& tokens, std::size_t end,
                                                     CaseRule rule) const {
    std::optional<PhraseMatch> best;
    for (std::size_t back = std::min<std::size_t>(end, 6); back >= 1; --back) {
        auto m = match(tokens, end - back, rule);
        if (m && m->last == end)
            return m; // the earliest start is the longest phrase
    }
    return best;
}

void WordSet::add(std::string_view word) {
    Tokens t = scan_tokens(word);
    if (t.size() == 1)
        words_.push_back(t[0].norm);
}

bool WordSet::contains(std::string_view norm) const {
    return std::find(words_.begin(), words_.end(), norm) != words_.end();
}

bool WordSet::contains(const Token& t) const {
    if (contains(t.norm))
        return true;
    if (match_ == WordMatch::exact)
        return false;
    return std::any_of(t.forms.begin(), t.forms.end(),
                       [this](const std::string& f) { return contains(f); });
}

} // namespace mahdar
