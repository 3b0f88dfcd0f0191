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

bool is_haraka(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670; }

// A word as its letters, each with the harakat written after it: the repairs move a letter
// with its harakat, and see through them ("اأُلمَم" is "ا" + "أُ" + "ل" + "مَ" + "م").
using Units = std::vector<std::u32string>;

bool letters_are(const Units& u, std::u32string_view letters) {
    if (u.size() != letters.size()) return false;
    for (std::size_t k = 0; k < u.size(); ++k)
        if (u[k][0] != letters[k]) return false;
    return true;
}

// Two alefs never meet in Arabic spelling, so alef + (ا أ إ آ) + lam anywhere is a swapped
// ligature after an alef ("األمم", "وكاالت"); "ال", "وال", "فال" alone are "لا", "ولا", "فلا"
// (the article never stands alone); a word starting with "إل" not followed by ى ي ا ه (إلى،
// إليه، إلا، إله) is "لإ" swapped ("إلدارة").
void fix_units(Units& u) {
    auto at = [&](std::size_t k) { return u[k][0]; };
    std::size_t n = u.size();
    for (std::size_t i = 0; i + 2 < n; ++i)
        if (at(i) == U'ا' && is_alef(at(i + 1)) && at(i + 2) == U'ل') std::swap(u[i + 1], u[i + 2]);
    if (letters_are(u, U"ال") || letters_are(u, U"وال") || letters_are(u, U"فال")) {
        std::swap(u[n - 2], u[n - 1]);
        return;
    }
    std::size_t i = 0;
    if (n >= 4 && (at(0) == U'و' || at(0) == U'ف')) ++i;
    // "اللاجئين" → "الالجئين", "للاحتجاز" → "لالحتجاز": article or lam, then "ال" + a letter
    // other than ت (ال + التزام is a real "الالتزام").
    std::size_t k = i + (n - i >= 5 && at(i) == U'ا' ? 1 : 0);
    if (n - k >= 4 && at(k) == U'ل' && at(k + 1) == U'ا' && at(k + 2) == U'ل' && at(k + 3) != U'ت')
        std::swap(u[k + 1], u[k + 2]);
    if (n - i >= 3 && at(i) == U'إ' && at(i + 1) == U'ل' && at(i + 2) != U'ى' && at(i + 2) != U'ي' &&
        at(i + 2) != U'ا' && at(i + 2) != U'ه')
        std::swap(u[i], u[i + 1]);
}

// fix_units() on the word w[b, e), which starts with a letter.
void fix_word(std::u32string& w, std::size_t b, std::size_t e) {
    Units u;
    for (std::size_t i = b; i < e; ++i) {
        if (u.empty() || !is_haraka(w[i])) u.emplace_back();
        u.back() += w[i];
    }
    fix_units(u);
    for (const auto& unit : u)
        for (char32_t c : unit) w[b++] = c;
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
        while (e < w.size() && (is_arabic_letter(w[e]) || is_haraka(w[e])))
            ++e;
        if (e > b) fix_word(w, b, e);
        b = e;
    }
    return encode(w);
}

std::string brackets_as_read(std::string_view visual_word) {
    static constexpr std::u32string_view opening = U"([{\u00AB", closing = U")]}\u00BB";
    std::u32string w = decode(visual_word);
    auto arabic = [&](std::size_t i) { return i < w.size() && (is_arabic_letter(w[i]) || is_haraka(w[i])); };
    for (std::size_t i = 0; i < w.size(); ++i) {
        std::size_t o = opening.find(w[i]), c = closing.find(w[i]);
        if (o == c) continue; // not a bracket
        std::size_t pair = o != std::u32string_view::npos ? o : c;
        bool left_of_letters = arabic(i + 1), right_of_letters = i > 0 && arabic(i - 1);
        if (left_of_letters && !right_of_letters) w[i] = closing[pair];
        if (right_of_letters && !left_of_letters) w[i] = opening[pair];
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
