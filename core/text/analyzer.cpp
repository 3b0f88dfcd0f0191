#include "text/analyzer.h"

#include "common/strings.h"
#include "text/arabic.h"
#include "text/normalise.h"
#include "text/spelling.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace mahdar {
namespace {

const std::array<std::string_view, 13> elided = {"l", "m", "t", "qu", "n", "s", "j", "d", "c",
                                                  "jusqu", "quoiqu", "lorsqu", "puisqu"};

bool is_number(std::string_view w) {
    for (char c : w)
        if (!(c >= '0' && c <= '9') && c != '.' && c != ',') return false;
    return !w.empty();
}

// True when the bytes between two words are one no-break or thin space ("1 234").
bool is_number_gap(std::string_view gap) {
    return gap == "\xC2\xA0" || gap == "\xE2\x80\xAF" || gap == "\xE2\x80\x89";
}

bool is_digits(std::string_view text, std::uint32_t b, std::uint32_t e) {
    for (auto i = b; i < e; ++i)
        if (!(text[i] >= '0' && text[i] <= '9') && static_cast<unsigned char>(text[i]) < 0x80)
            return false;
    return e > b;
}

constexpr std::string_view zwnj = "\xE2\x80\x8C";

} // namespace

std::string strip_elision(std::string_view w) {
    auto apos = w.find('\'');
    if (apos == std::string_view::npos || apos + 1 >= w.size()) return std::string(w);
    std::string_view head = w.substr(0, apos);
    for (auto e : elided)
        if (head == e) return std::string(w.substr(apos + 1));
    return std::string(w);
}

void Analyzer::StemmerDeleter::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

Analyzer::Analyzer(const WordLists& lists)
    : lists_(lists), english_("english"), french_(sb_stemmer_new("french", "UTF_8")) {
    if (!french_) throw std::runtime_error("libstemmer: no French stemmer");
    UErrorCode status = U_ZERO_ERROR;
    breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !breaker_) throw std::runtime_error("ICU: cannot create word breaker");
}

Analyzer::~Analyzer() = default;

std::string Analyzer::french(const std::string& word) {
    const sb_symbol* out = sb_stemmer_stem(french_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
    if (!out) return word; // out of memory: the word unstemmed
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(french_.get())));
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> Analyzer::word_spans(std::string_view text) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return spans;
    breaker_->setText(ut, status);
    int32_t start = breaker_->first();
    for (int32_t end = breaker_->next(); end != icu::BreakIterator::DONE;
         start = end, end = breaker_->next()) {
        if (breaker_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
        auto b = static_cast<std::uint32_t>(start), e = static_cast<std::uint32_t>(end);
        // ZWNJ inside a token separates two words.
        for (auto z = text.substr(b, e - b).find(zwnj); z != std::string_view::npos;
             z = text.substr(b, e - b).find(zwnj)) {
            if (z > 0) spans.emplace_back(b, b + static_cast<std::uint32_t>(z));
            b += static_cast<std::uint32_t>(z + zwnj.size());
        }
        if (b >= e) continue;
        if (!spans.empty() && is_digits(text, spans.back().first, spans.back().second) &&
            is_digits(text, b, e) &&
            is_number_gap(text.substr(spans.back().second, b - spans.back().second))) {
            spans.back().second = e;
            continue;
        }
        spans.emplace_back(b, e);
    }
    breaker_->setText(icu::UnicodeString()); // drop the reference to `ut` before closing it
    utext_close(ut);
    return spans;
}

namespace {

void add_variant(WordToken& t, std::string v) {
    if (!v.empty() && v != t.stem && std::find(t.variants.begin(), t.variants.end(), v) == t.variants.end())
        t.variants.push_back(std::move(v));
}

bool ends_with_x_plural(std::string_view folded) {
    return folded.size() >= 4 && (ends_with(folded, "eux") || ends_with(folded, "oux"));
}

// Feminine endings Snowball 2.2 stems apart from their masculine, and that masculine's ending:
// mauvaise / mauvais, productrice / producteur, acheteuse / acheteur, nouvelle / nouveau,
// folle / fou.
struct Feminine {
    std::string_view ending, masculine;
};
constexpr Feminine feminines[] = {{"aise", "ais"}, {"trice", "teur"}, {"euse", "eur"}, {"elle", "eau"}, {"olle", "ou"}};

// The masculine singular of a French feminine form (accented, normalised), or "".
std::string masculine_of(std::string_view accented) {
    std::string_view w = accented;
    if (ends_with(w, "s")) w.remove_suffix(1);
    for (const auto& f : feminines)
        if (w.size() > f.ending.size() && ends_with(w, f.ending))
            return std::string(w.substr(0, w.size() - f.ending.size())) + std::string(f.masculine);
    return {};
}

} // namespace

// French: the accented word is stemmed, then the stem folded (LANGUAGE.md), but a word typed
// without its accents can only be stemmed as typed ("regulieres" → "regulier", where
// "régulières" → "reguli"): the folded word's stem is a variant. Snowball leaves the -eux/-oux
// plurals of -eu/-ou nouns whole (enjeux, hiboux) and some feminines apart from their
// masculine (feminines above): the singular's or the masculine's stem is one too.
void Analyzer::french_variants(WordToken& t, const std::string& accented) {
    add_variant(t, french(t.word));
    if (ends_with_x_plural(t.word)) add_variant(t, fold_accents(french(accented.substr(0, accented.size() - 1))));
    if (std::string m = masculine_of(accented); !m.empty()) add_variant(t, fold_accents(french(m)));
}

WordToken Analyzer::analyse_word(std::string_view raw, Lang lang) {
    WordToken t;
    std::string w = normalise_word(raw);
    if (is_arabic_script(w)) {
        t.stem = arabic_light_stem(w);
        for (auto& v : arabic_stem_variants(w)) add_variant(t, std::move(v));
        t.function_word = lists_.is_stopword(w);
        t.word = std::move(w);
        return t;
    }
    const LatinRules& rules = latin_rules(lang);
    if (rules.elision == Elision::strip) w = strip_elision(w);
    else if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
    if (w.empty() || is_number(w)) {
        t.word = std::move(w);
        return t;
    }
    t.word = fold_accents(w);
    t.function_word = lists_.is_stopword(t.word) && (t.word == w || lists_.is_listed_form(w));
    if (rules.lang == Lang::fr) t.stem = fold_accents(french(w));
    else t.stem = english_(std::string(american_spelling(t.word))); // "labour" and "labor" share "labor"
    if (rules.lang == Lang::fr) french_variants(t, w);
    return t;
}

std::vector<std::vector<std::string>> Analyzer::analyse_as_indexed(std::string_view text,
                                                                   std::optional<Lang> passage) {
    std::vector<std::vector<std::string>> out;
    auto spans = word_spans(text); // broken once, analysed in each language
    // Arabic-script words are analysed alike in every passage, so the Latin words decide.
    for (Lang lang : word_languages("", passage)) {
        std::vector<std::string> words;
        for (auto [b, e] : spans)
            if (std::string w = analyse_word(text.substr(b, e - b), lang).word; !w.empty())
                words.push_back(std::move(w));
        if (!words.empty() && std::find(out.begin(), out.end(), words) == out.end())
            out.push_back(std::move(words));
    }
    return out;
}

const WordToken& Analyzer::cached_word(std::string_view raw, Lang lang) {
    key_.assign(1, static_cast<char>(lang));
    key_.append(raw);
    if (auto it = cache_.find(key_); it != cache_.end()) return it->second;
    if (cache_.size() >= max_cached_words) cache_.clear();
    return cache_.emplace(key_, analyse_word(raw, lang)).first->second;
}

std::vector<WordToken> Analyzer::analyse(std::string_view text, Lang lang) {
    std::vector<WordToken> out;
    auto spans = word_spans(text);
    out.reserve(spans.size());
    for (auto [b, e] : spans) {
        const WordToken& cached = cached_word(text.substr(b, e - b), lang);
        if (cached.word.empty()) continue;
        WordToken t = cached;
        t.begin = b;
        t.end = e;
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace mahdar
