#include "cite/citation_format.h"

#include "common/dates.h"
#include "text/normalise.h"

#include <unicode/smpdtfmt.h>
#include <unicode/ubidi.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <vector>

namespace mahdar {
namespace {

using json = nlohmann::json;

std::size_t index_of(Lang lang) {
    return static_cast<std::size_t>(lang);
}

// How each language writes a date: one ICU pattern, or two joined by "/" (Arabic gives the
// Levantine and the Egyptian month name, "13 آب/أغسطس 2020").
struct DateStyle {
    Lang lang;
    const char* locale;
    const char* pattern;
    const char* second_locale; ///< nullptr: one pattern
    const char* second_pattern;
    const char* first_day; ///< how the 1st of a month is written, nullptr: as a number
};

const std::array<DateStyle, 3> date_styles = {{
    {Lang::ar, "ar_SY@numbers=latn", "d MMMM", "ar@numbers=latn", "MMMM y", nullptr},
    {Lang::en, "en", "d MMMM y", nullptr, nullptr, nullptr},
    {Lang::fr, "fr", "d MMMM y", nullptr, nullptr, "1er"},
}};

// The words of a citation in each language.
struct CiteStyle {
    Lang lang;
    const char* statement;       ///< before a speaker
    const char* statement_vowel; ///< before a name starting with a vowel (French elision)
    const char* para;            ///< before the paragraph number
    const char* separator;
    const char* page;            ///< before the page number of a paged original (PDF)
};

const std::array<CiteStyle, 3> cite_styles = {{
    {Lang::ar, "بيان ", "بيان ", "الفقرة ", "، ", "الصفحة "},
    {Lang::en, "Statement by ", "Statement by ", "para. ", ", ", "p. "},
    {Lang::fr, "Déclaration de ", "Déclaration d’", "par. ", ", ", "p. "},
}};

// Honorifics that tell a person's gender, as shown in ar, en, fr (Lang order), and the
// normalised forms (final dot removed) that announce them in a text.
struct Honorific {
    std::array<const char*, 3> shown;
    std::vector<std::string> forms;
};

const std::array<Honorific, 2> honorifics = {{
    {{"السيد", "Mr.", "M."}, {"mr", "m", "monsieur", "السيد"}},
    {{"السيدة", "Ms.", "Mme"},
     {"ms", "mrs", "miss", "mme", "mlle", "madame", "mademoiselle", "السيده", "الانسه"}},
}};

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::unique_ptr<icu::SimpleDateFormat> make_formatter(const char* locale, const char* pattern) {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(pattern),
                                                     icu::Locale(locale), status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU: cannot build a date formatter for ") + locale);
    f->setTimeZone(*icu::TimeZone::getGMT());
    return f;
}

struct Ymd {
    int y = 0, m = 0, d = 0;
};

std::optional<Ymd> parse_iso_date(std::string_view iso) {
    if (!is_iso_date(iso)) return std::nullopt;
    auto num = [&iso](std::size_t b, std::size_t n) { return std::stoi(std::string(iso.substr(b, n))); };
    Ymd d{num(0, 4), num(5, 2), num(8, 2)};
    if (d.y < 1) return std::nullopt;
    return d;
}

// Milliseconds since 1970-01-01 UTC at midnight of the date (days_from_civil, H. Hinnant).
UDate to_udate(const Ymd& d) {
    int y = d.y - (d.m <= 2);
    int era = y / 400;
    int yoe = y - era * 400;
    int doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (static_cast<double>(era) * 146097 + doe - 719468) * 86400000.0;
}

// Words of a text split at whitespace, punctuation trimmed, normalised and accent-folded.
std::vector<std::string> plain_words(std::string_view text) {
    static const std::array<std::string_view, 16> trim = {".",  ",", ";", ":", "!", "?", "(", ")",
                                                          "\"", "'", "«", "»", "“", "”", "’", "،"};
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find_first_of(" \t\r\n", pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view w = text.substr(pos, end - pos);
        for (bool cut = true; cut && !w.empty();) {
            cut = false;
            for (auto t : trim) {
                if (w.size() >= t.size() && w.substr(0, t.size()) == t)
                    w.remove_prefix(t.size()), cut = true;
                if (w.size() >= t.size() && w.substr(w.size() - t.size()) == t)
                    w.remove_suffix(t.size()), cut = true;
            }
        }
        if (!w.empty()) out.push_back(fold_accents(normalise_word(w)));
        pos = end + 1;
    }
    return out;
}

// Index of the first word of `name` (or of its surname) in `words`, or words.size().
std::size_t find_name(const std::vector<std::string>& words, const std::vector<std::string>& name) {
    for (std::size_t len : {name.size(), std::size_t{1}}) {
        std::size_t from = name.size() - len;
        for (std::size_t k = 0; k + len <= words.size(); ++k)
            if (std::equal(name.begin() + static_cast<long>(from), name.end(),
                           words.begin() + static_cast<long>(k)))
                return k;
    }
    return words.size();
}

bool starts_with_vowel(std::string_view name) {
    std::size_t pos = 0;
    std::string first;
    if (!name.empty()) append_utf8(first, next_code_point(name, pos));
    std::string folded = fold_accents(normalise_word(first));
    return !folded.empty() && std::string_view("aeiouy").find(folded[0]) != std::string_view::npos;
}

std::string speaker_part(const Passage& p, const CiteStyle& style) {
    std::string title = honorific(p.text, p.speaker, style.lang);
    std::string out =
        !title.empty() || !starts_with_vowel(p.speaker) ? style.statement : style.statement_vowel;
    if (!title.empty()) out += title + " ";
    out += bidi_isolated(p.speaker, style.lang);
    if (!p.affiliation.empty()) out += " (" + bidi_isolated(p.affiliation, style.lang) + ")";
    return out;
}

json csl_item(const Passage& p, std::string_view symbol) {
    json item = {{"id", p.id},
                 {"type", p.speaker.empty() ? "report" : "speech"},
                 {"title", p.doc_title.empty() ? p.doc_id : p.doc_title},
                 {"language", lang_code(p.lang.value_or(Lang::en))}};
    if (!p.speaker.empty()) item["author"] = json::array({{{"literal", p.speaker}}});
    if (auto d = parse_iso_date(p.date))
        item["issued"] = {{"date-parts", json::array({json::array({d->y, d->m, d->d})})}};
    if (!p.para.empty()) {
        item["locator"] = p.para;
        item["label"] = "paragraph";
    } else if (p.page) {
        item["locator"] = std::to_string(p.page);
        item["label"] = "page";
    }
    if (!symbol.empty()) item["number"] = std::string(symbol);
    return item;
}

} // namespace

struct CitationFormatter::Formatters {
    std::array<std::unique_ptr<icu::SimpleDateFormat>, 3> first, second;
};

CitationFormatter::CitationFormatter() : formatters_(std::make_unique<Formatters>()) {
    for (const DateStyle& s : date_styles) {
        formatters_->first[index_of(s.lang)] = make_formatter(s.locale, s.pattern);
        if (s.second_locale)
            formatters_->second[index_of(s.lang)] =
                make_formatter(s.second_locale, s.second_pattern);
    }
}

CitationFormatter::~CitationFormatter() = default;

std::string CitationFormatter::date(std::string_view iso, Lang lang) const {
    auto ymd = parse_iso_date(iso);
    if (!ymd) return "";
    const DateStyle& style = date_styles[index_of(lang)];
    UDate when = to_udate(*ymd);
    icu::UnicodeString first, second;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        formatters_->first[index_of(lang)]->format(when, first);
        if (style.second_locale) formatters_->second[index_of(lang)]->format(when, second);
    }
    std::string out = to_utf8(first);
    if (style.second_locale) out += "/" + to_utf8(second);
    if (style.first_day && ymd->d == 1) out = style.first_day + out.substr(1);
    return out;
}

std::string CitationFormatter::citation(const Passage& p, std::string_view symbol, Lang lang) const {
    const CiteStyle& style = *std::find_if(cite_styles.begin(), cite_styles.end(),
                                           [lang](const CiteStyle& s) { return s.lang == lang; });
    std::string out;
    if (!p.speaker.empty()) out = speaker_part(p, style) + style.separator;
    out += bidi_isolated(p.doc_title.empty() ? p.doc_id : p.doc_title, style.lang);
    if (!symbol.empty()) out += " (" + bidi_isolated(symbol, style.lang) + ")";
    std::string when = date(p.date, style.lang);
    if (!when.empty()) out += style.separator + when;
    if (p.page) out += style.separator + std::string(style.page) + std::to_string(p.page);
    if (!p.para.empty()) out += style.separator + std::string(style.para) + p.para;
    if (out.empty() || out.back() != '.') out += '.';
    return out;
}

json CitationFormatter::csl(const Passage& p, std::string_view symbol) { return csl_item(p, symbol); }

Citation CitationFormatter::format(const Passage& p, std::string_view symbol) const {
    Citation c;
    c.en = citation(p, symbol, Lang::en);
    c.fr = citation(p, symbol, Lang::fr);
    c.ar = citation(p, symbol, Lang::ar);
    c.csl_json = csl_item(p, symbol);
    return c;
}

std::string bidi_isolated(std::string_view field, Lang lang) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(field.data(), static_cast<int32_t>(field.size())));
    UBiDiDirection dir = ubidi_getBaseDirection(u.getBuffer(), u.length());
    UBiDiDirection around = lang == Lang::ar ? UBIDI_RTL : UBIDI_LTR;
    if (dir == UBIDI_NEUTRAL || dir == around) return std::string(field);
    return "\xE2\x81\xA8" + std::string(field) + "\xE2\x81\xA9"; // U+2068 … U+2069
}

std::string honorific(std::string_view text, std::string_view speaker, Lang lang) {
    std::vector<std::string> name = plain_words(speaker);
    if (name.empty()) return "";
    std::vector<std::string> words = plain_words(text);
    std::size_t at = find_name(words, name);
    if (at == 0 || at >= words.size()) return "";
    const std::string& before = words[at - 1];
    for (const Honorific& h : honorifics)
        for (const auto& form : h.forms)
            if (before == form) return h.shown[index_of(lang)];
    return "";
}

} // namespace mahdar
