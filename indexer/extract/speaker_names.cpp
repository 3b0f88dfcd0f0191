#include "extract/speaker_names.h"

#include "text/normalise.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_map>

namespace mahdar {
namespace {

std::string all_letters(std::string_view name) {
    std::string out;
    for (const auto& t : scan_tokens(name))
        out += t.norm;
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// The words of `shorter` all in `longer`, with the same surname.
bool is_short_form(const std::vector<std::string>& shorter,
                   const std::vector<std::string>& longer) {
    if (shorter.empty() || shorter.size() > longer.size() || shorter.back() != longer.back())
        return false;
    for (const auto& w : shorter)
        if (!contains(longer, w))
            return false;
    return true;
}

std::string title_case(std::string_view word) {
    std::string out;
    std::size_t pos = 0;
    bool first = true;
    while (pos < word.size()) {
        auto c = static_cast<UChar32>(next_code_point(word, pos));
        append_utf8(out, static_cast<char32_t>(first ? c : u_tolower(c)));
        if (u_isalpha(c))
            first = false;
        if (c == '-' || c == '\'')
            first = true;
    }
    return out;
}

} // namespace

NameRules::NameRules(const ReferenceData& data) {
    for (Lang lang : {Lang::ar, Lang::en, Lang::fr})
        for (const auto& p : data.cues(lang, Cue::name_particle))
            particles_.add(p);
}

NameKey NameRules::key(std::string_view name) const {
    NameKey k;
    for (auto& t : scan_tokens(name)) {
        k.letters += t.norm;
        if (!particles_.contains(t.norm))
            k.key_words.push_back(t.norm);
        k.words.push_back(std::move(t.norm));
    }
    return k;
}

std::vector<std::string> NameRules::key_words(std::string_view name) const {
    return key(name).key_words;
}

bool NameRules::same_person(const NameKey& a, const NameKey& b) const {
    if (a.letters == b.letters)
        return true;
    const auto& shorter = a.key_words.size() <= b.key_words.size() ? a.key_words : b.key_words;
    const auto& longer = a.key_words.size() <= b.key_words.size() ? b.key_words : a.key_words;
    if (shorter.size() == longer.size())
        return !shorter.empty() && shorter == longer;
    return is_short_form(shorter, longer);
}

bool NameRules::same_person(std::string_view a, std::string_view b) const {
    return same_person(key(a), key(b));
}

std::string display_name(std::string_view name) {
    std::string out;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && (name[i] == ' ' || name[i] == '\n' || name[i] == '\t'))
            ++i;
        std::size_t j = i;
        while (j < name.size() && name[j] != ' ' && name[j] != '\n' && name[j] != '\t')
            ++j;
        if (j == i)
            break;
        std::string_view word = name.substr(i, j - i);
        Tokens t = scan_tokens(word);
        bool shout = t.size() == 1 && t[0].all_caps && !t[0].arabic && t[0].norm.size() >= 3;
        if (!out.empty())
            out += ' ';
        out += shout ? title_case(word) : std::string(word);
        i = j;
    }
    return out;
}

void NameBook::add(std::string_view name, NameSource source) {
    if (name.empty())
        return;
    for (auto& e : names_)
        if (e.name == name) {
            ++e.count;
            return;
        }
    names_.push_back({std::string(name), rules_.key(name), source});
}

std::string NameBook::resolve(std::string_view name) const {
    NameKey key = rules_.key(name);
    const Entry* best = nullptr;
    std::size_t best_size = key.key_words.size();
    for (const auto& e : names_) {
        if (!rules_.same_person(key, e.key))
            continue;
        std::size_t size = e.key.key_words.size();
        bool better =
            !best ? size >= best_size
                  : size > best_size || (size == best_size && e.source == NameSource::statement &&
                                         best->source == NameSource::annex);
        if (better) {
            best = &e;
            best_size = size;
        }
    }
    return display_name(best ? best->name : name);
}

std::size_t NameBook::known_prefix(const std::vector<std::string>& words,
                                   std::string_view self) const {
    std::vector<std::string> norms;
    for (const auto& w : words)
        norms.push_back(all_letters(w));
    std::size_t best = 0;
    for (const auto& e : names_) {
        const auto& known = e.key.words;
        if (e.name == self && e.count < 2)
            continue;
        if (known.size() > best && known.size() <= norms.size() &&
            std::equal(known.begin(), known.end(), norms.begin()))
            best = known.size();
    }
    if (best > 0 || norms.empty())
        return best;
    for (const auto& e : names_)
        if (e.name != self && e.key.words.size() > 1 && e.key.words.back() == norms[0])
            return 1;
    return 0;
}

std::map<std::string, std::string> unify_names(const std::vector<std::string>& names,
                                               const NameRules& rules) {
    std::vector<NameKey> keys;
    std::unordered_map<std::string, std::vector<std::size_t>> by_surname;
    for (std::size_t i = 0; i < names.size(); ++i) {
        keys.push_back(rules.key(names[i]));
        if (!keys.back().key_words.empty())
            by_surname[keys.back().key_words.back()].push_back(i);
    }
    std::map<std::string, std::string> out;
    for (const auto& [surname, group] : by_surname) {
        for (std::size_t i : group) {
            std::size_t target = names.size();
            bool conflict = false;
            for (std::size_t j : group) {
                const auto& kj = keys[j].key_words;
                if (j == i || kj.size() <= keys[i].key_words.size() ||
                    !is_short_form(keys[i].key_words, kj))
                    continue;
                if (target == names.size()) {
                    target = j;
                    continue;
                }
                conflict = conflict || !rules.same_person(keys[target], keys[j]);
                const auto& kt = keys[target].key_words;
                if (kj.size() > kt.size() || (kj.size() == kt.size() && names[j] < names[target]))
                    target = j;
            }
            if (target != names.size() && !conflict)
                out[names[i]] = names[target];
        }
    }
    return out;
}

} // namespace mahdar
