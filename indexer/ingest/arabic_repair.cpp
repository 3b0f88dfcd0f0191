#include "ingest/arabic_repair.h"

#include "common/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/ubidi.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace mahdar {
namespace {

bool is_presentation_form(char32_t c) {
    return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

bool is_bidi_control(char32_t c) {
    return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

bool is_arabic_letter(char32_t c) {
    return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3) ||
           (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
}

bool is_alef(char32_t c) { return c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622; }

std::u32string decode(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) out += next_code_point(text, pos);
    return out;
}

std::string encode(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) append_utf8(out, c);
    return out;
}

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// Fixes one word w[b, e) given as code points. Two alefs never meet in Arabic spelling, so
// alef + (ا أ إ آ) + lam anywhere is a swapped ligature after an alef ("األمم", "وكاالت");
// "ال", "وال", "فال" alone are "لا", "ولا", "فلا" (the article never stands alone); a word
// starting with "إل" not followed by ى ي ا ه (إلى، إليه، إلا، إله) is "لإ" swapped ("إلدارة").
void fix_word(std::u32string& w, std::size_t b, std::size_t e) {
    for (std::size_t i = b; i + 2 < e; ++i)
        if (w[i] == U'ا' && is_alef(w[i + 1]) && w[i + 2] == U'ل') std::swap(w[i + 1], w[i + 2]);
    std::u32string_view word(w.data() + b, e - b);
    if (word == U"ال" || word == U"وال" || word == U"فال") {
        std::swap(w[e - 2], w[e - 1]);
        return;
    }
    std::size_t i = b;
    if (e - i >= 4 && (w[i] == U'و' || w[i] == U'ف')) ++i;
    // "اللاجئين" → "الالجئين", "للاحتجاز" → "لالحتجاز": article or lam, then "ال" + a letter
    // other than ت (ال + التزام is a real "الالتزام").
    std::size_t k = i + (e - i >= 5 && w[i] == U'ا' ? 1 : 0);
    if (e - k >= 4 && w[k] == U'ل' && w[k + 1] == U'ا' && w[k + 2] == U'ل' && w[k + 3] != U'ت')
        std::swap(w[k + 1], w[k + 2]);
    if (e - i >= 3 && w[i] == U'إ' && w[i + 1] == U'ل' && w[i + 2] != U'ى' && w[i + 2] != U'ي' &&
        w[i + 2] != U'ا' && w[i + 2] != U'ه')
        std::swap(w[i], w[i + 1]);
}

} // namespace

std::string fold_presentation_forms(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = next_code_point(text, pos);
        if (!is_presentation_form(c) || U_FAILURE(status)) {
            append_utf8(out, c);
            continue;
        }
        UErrorCode s = U_ZERO_ERROR;
        icu::UnicodeString folded = nfkc->normalize(icu::UnicodeString(UChar32(c)), s);
        if (U_FAILURE(s)) continue;
        if (c == 0xFEFF) continue; // the byte order mark / zero-width no-break space
        out += to_utf8(folded);
    }
    return out;
}

std::string fix_lam_alef_order(std::string_view text) {
    std::u32string w = decode(text);
    std::size_t b = 0;
    while (b < w.size()) {
        while (b < w.size() && !is_arabic_letter(w[b])) ++b;
        std::size_t e = b;
        while (e < w.size() && (is_arabic_letter(w[e]) || (w[e] >= 0x064B && w[e] <= 0x065F)))
            ++e;
        if (e > b) fix_word(w, b, e);
        b = e;
    }
    return encode(w);
}

std::string strip_bidi_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = next_code_point(text, pos);
        if (!is_bidi_control(c)) append_utf8(out, c);
    }
    return out;
}

bool looks_visual_order(std::string_view line) {
    std::u32string w = decode(line);
    int logical = 0, visual = 0;
    std::size_t b = 0;
    while (b < w.size()) {
        while (b < w.size() && !is_arabic_letter(w[b])) ++b;
        std::size_t e = b;
        while (e < w.size() && is_arabic_letter(w[e])) ++e;
        std::u32string_view word(w.data() + b, e - b);
        b = e;
        if (word.size() < 3) continue;
        auto starts = [&](std::u32string_view p) { return word.substr(0, p.size()) == p; };
        auto ends = [&](std::u32string_view p) {
            return word.substr(word.size() - p.size()) == p;
        };
        if (starts(U"ال") || ends(U"ة") || ends(U"ات") || ends(U"ين") || ends(U"ون")) ++logical;
        if (ends(U"لا") || starts(U"ة") || starts(U"تا") || starts(U"ني") || starts(U"نو")) ++visual;
    }
    return visual > logical;
}

std::string visual_to_logical(std::string_view line, TextDirection paragraph) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(),
                                                                          int32_t(line.size())));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_open(), &ubidi_close);
    if (!bidi) return std::string(line);
    ubidi_setReorderingMode(bidi.get(), UBIDI_REORDER_INVERSE_NUMBERS_AS_L);
    ubidi_setPara(bidi.get(), s.getBuffer(), s.length(), paragraph == TextDirection::rtl ? UBIDI_RTL : UBIDI_LTR, nullptr,
                  &status);
    if (U_FAILURE(status)) return std::string(line);
    std::vector<UChar> out(std::size_t(s.length()) * 2 + 16);
    int32_t n = ubidi_writeReordered(bidi.get(), out.data(), int32_t(out.size()),
                                     UBIDI_KEEP_BASE_COMBINING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
    if (U_FAILURE(status)) return std::string(line);
    return to_utf8(icu::UnicodeString(out.data(), n));
}

std::string repair_arabic(std::string_view text) {
    std::string s = fix_lam_alef_order(fold_presentation_forms(strip_bidi_controls(text)));
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return s;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size())));
    icu::UnicodeString n = nfc->normalize(u, status);
    return U_FAILURE(status) ? s : to_utf8(n);
}

bool has_arabic(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();)
        if (is_arabic_letter(next_code_point(text, pos))) return true;
    return false;
}

} // namespace mahdar
