#include "cite_perturb.h"

#include "text/normalise.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

namespace mahdar::eval {
namespace {

icu::UnicodeString u16(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string u8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::string word_key(std::string_view w) {
    return fold_accents(normalise_word(w));
}

bool is_harakah(UChar c) {
    return (c >= 0x064B && c <= 0x0652) || c == 0x0670;
}
bool is_arabic_letter(UChar c) {
    return c >= 0x0621 && c <= 0x064A;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

bool has_harakat(const Draft& d) {
    for (const auto& w : d.words) {
        icu::UnicodeString u = u16(w);
        for (int32_t i = 0; i < u.length(); ++i)
            if (is_harakah(u[i])) return true;
    }
    return false;
}

// Harakat added after about a third of the letters, hamza forms swapped, a tatweel inserted.
std::string arabic_marks(const std::string& w, Rng& rng) {
    static const UChar marks[] = {0x064E, 0x064F, 0x0650, 0x0651, 0x0652};
    icu::UnicodeString in = u16(w), out;
    for (int32_t i = 0; i < in.length(); ++i) {
        UChar c = in[i];
        if (c == 0x0623 || c == 0x0625 || c == 0x0622)
            c = draw(rng, 0, 1) ? 0x0627 : c; // أ إ آ → ا
        else if (c == 0x0627 && i == 0)
            c = draw(rng, 0, 2) == 0 ? 0x0623 : c;
        else if (c == 0x0629 && draw(rng, 0, 2) == 0)
            c = 0x0647; // ة → ه
        out += c;
        if (is_arabic_letter(c) && draw(rng, 0, 2) == 0) out += marks[draw(rng, 0, 4)];
        if (i == 1 && in.length() >= 4 && draw(rng, 0, 3) == 0) out += static_cast<UChar>(0x0640);
    }
    return u8(out);
}

std::string strip_harakat(const std::string& w) {
    icu::UnicodeString in = u16(w), out;
    for (int32_t i = 0; i < in.length(); ++i)
        if (!is_harakah(in[i])) out += in[i];
    return u8(out);
}

void diacritics(Draft& d, Rng& rng) {
    if (d.lang == Lang::ar) {
        bool strip = has_harakat(d);
        for (auto& w : d.words) w = strip ? strip_harakat(w) : arabic_marks(w, rng);
        return;
    }
    bool accented = std::any_of(d.words.begin(), d.words.end(),
                                [](const std::string& w) { return fold_accents(w) != w; });
    if (accented) {
        for (auto& w : d.words) w = fold_accents(w);
        return;
    }
    static const std::pair<char, const char*> add[] = {
        {'e', "é"}, {'a', "à"}, {'o', "ô"}, {'i', "ï"}, {'u', "ù"}};
    for (std::size_t k = draw(rng, 1, 3); k > 0; --k) {
        std::string& w = d.words[draw(rng, 0, d.words.size() - 1)];
        for (auto [from, to] : add)
            if (auto at = w.find(from); at != std::string::npos) {
                w.replace(at, 1, to);
                break;
            }
    }
}

void quotes(Draft& d, Rng&) {
    bool swapped = false;
    for (auto& w : d.words) {
        std::string before = w;
        if (w.find('\'') != std::string::npos)
            replace_all(w, "'", "’");
        else
            replace_all(w, "’", "'");
        swapped = swapped || w != before;
    }
    for (auto& g : d.gaps) {
        std::string before = g;
        replace_all(g, "\"", "”");
        replace_all(g, "«", "\"");
        replace_all(g, "»", "\"");
        swapped = swapped || g != before;
    }
    if (swapped) return;
    d.gaps[0] = d.lang == Lang::fr ? "« " : d.lang == Lang::ar ? "«" : "“";
    d.words.back() += d.lang == Lang::fr ? " »" : d.lang == Lang::ar ? "»" : "”";
}

void erase_word(Draft& d, std::size_t i) {
    d.words.erase(d.words.begin() + static_cast<long>(i));
    d.gaps.erase(d.gaps.begin() + static_cast<long>(i + 1 < d.gaps.size() ? i + 1 : i));
}

void ellipsis(Draft& d, Rng& rng) {
    std::size_t n = d.words.size();
    std::size_t k = draw(rng, 1, std::max<std::size_t>(1, std::min(n / 3, n - 8)));
    std::size_t at = draw(rng, 3, n - 3 - k);
    for (std::size_t i = 0; i < k; ++i) {
        d.words.erase(d.words.begin() + static_cast<long>(at));
        d.gaps.erase(d.gaps.begin() + static_cast<long>(at));
    }
    static const char* marks[] = {" … ", " ... ", " […] ", "… "};
    d.gaps[at] = marks[draw(rng, 0, 3)];
}

void dropped(Draft& d, Rng& rng) {
    for (std::size_t k = draw(rng, 1, 2); k > 0; --k)
        erase_word(d, draw(rng, 1, d.words.size() - 2));
}

bool is_digits(const std::string& w) {
    return !w.empty() &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void changed(Draft& d, Rng& rng, const std::vector<std::string>& vocabulary) {
    for (std::size_t k = draw(rng, 1, 2); k > 0; --k) {
        std::string& w = d.words[draw(rng, 0, d.words.size() - 1)];
        if (is_digits(w) && w.size() < 9) {
            w = std::to_string(std::stoll(w) + static_cast<long long>(draw(rng, 1, 9)));
            continue;
        }
        std::string old = word_key(w);
        for (int attempt = 0; attempt < 20 && word_key(w) == old; ++attempt)
            w = vocabulary[draw(rng, 0, vocabulary.size() - 1)];
    }
}

bool ascii_letters(const std::string& w) {
    return std::all_of(w.begin(), w.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

void line_break(Draft& d, Rng& rng) {
    std::size_t at = draw(rng, 1, d.words.size() - 1);
    std::string& w = d.words[at];
    if (ascii_letters(w) && w.size() >= 8 && draw(rng, 0, 1)) {
        std::size_t cut = draw(rng, 3, w.size() - 3);
        w = w.substr(0, cut) + "-\n" + w.substr(cut);
        return;
    }
    static const char* breaks[] = {"\n", " \n", "\r\n", "\n  "};
    d.gaps[at] = breaks[draw(rng, 0, 3)];
}

void case_change(Draft& d, Rng& rng) {
    std::size_t mode = draw(rng, 0, 2);
    for (auto& w : d.words) {
        icu::UnicodeString u = u16(w);
        if (mode == 0)
            u.toUpper(icu::Locale::getRoot());
        else if (mode == 1)
            u.toLower(icu::Locale::getRoot());
        else
            u.replace(0, 1, icu::UnicodeString(u, 0, 1).toUpper(icu::Locale::getRoot()));
        w = u8(u);
    }
}

} // namespace

std::string_view name(Perturbation p) {
    switch (p) {
    case Perturbation::none:
        return "none";
    case Perturbation::diacritics:
        return "diacritics";
    case Perturbation::quotes:
        return "quotes";
    case Perturbation::ellipsis:
        return "ellipsis";
    case Perturbation::changed:
        return "changed";
    case Perturbation::dropped:
        return "dropped";
    case Perturbation::line_break:
        return "line_break";
    case Perturbation::case_change:
        return "case";
    case Perturbation::sentence:
        return "sentence";
    }
    return "?";
}

bool keeps_verbatim(Perturbation p) {
    return p != Perturbation::ellipsis && p != Perturbation::changed && p != Perturbation::dropped;
}

std::size_t draw(Rng& rng, std::size_t lo, std::size_t hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<std::size_t>(rng() % (hi - lo + 1));
}

std::string Draft::text() const {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) out += gaps[i] + words[i];
    return out;
}

Draft draft_from(std::string_view text,
                 const std::vector<std::pair<std::uint32_t, std::uint32_t>>& spans,
                 std::size_t first, std::size_t last, Lang lang) {
    Draft d;
    d.lang = lang;
    for (std::size_t i = first; i < last; ++i) {
        d.gaps.emplace_back(
            i == first ? std::string_view()
                       : text.substr(spans[i - 1].second, spans[i].first - spans[i - 1].second));
        d.words.emplace_back(text.substr(spans[i].first, spans[i].second - spans[i].first));
    }
    return d;
}

std::vector<std::pair<std::size_t, std::size_t>> sentence_ranges(const std::string& text,
                                                                 const Spans& spans) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return out;
    it->setText(ut, status);
    std::size_t w = 0;
    for (int32_t b = it->first(), e = it->next(); e != icu::BreakIterator::DONE;
         b = e, e = it->next()) {
        while (w < spans.size() && spans[w].first < static_cast<std::uint32_t>(b)) ++w;
        std::size_t first = w;
        while (w < spans.size() && spans[w].second <= static_cast<std::uint32_t>(e)) ++w;
        if (w - first >= 8 && w - first <= 40) out.emplace_back(first, w);
    }
    it->setText(icu::UnicodeString());
    utext_close(ut);
    return out;
}

void apply(Perturbation p, Draft& d, Rng& rng, const std::vector<std::string>& vocabulary) {
    switch (p) {
    case Perturbation::diacritics:
        return diacritics(d, rng);
    case Perturbation::quotes:
        return quotes(d, rng);
    case Perturbation::ellipsis:
        return ellipsis(d, rng);
    case Perturbation::changed:
        return changed(d, rng, vocabulary);
    case Perturbation::dropped:
        return dropped(d, rng);
    case Perturbation::line_break:
        return line_break(d, rng);
    case Perturbation::case_change:
        return case_change(d, rng);
    case Perturbation::none:
    case Perturbation::sentence:
        return;
    }
}

} // namespace mahdar::eval
