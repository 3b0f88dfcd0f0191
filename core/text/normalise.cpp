#include "text/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace mahdar {
namespace {

const icu::Normalizer2& nfkc_casefold() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: no NFKC_Casefold normaliser");
    return *n;
}

const icu::Normalizer2& nfd() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: no NFD normaliser");
    return *n;
}

bool is_arabic_mark(char32_t c) {
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640;
}

// NFKC turns no-break spaces into U+0020; inside one word they only ever split a number.
bool is_removed_space(char32_t c) {
    return c == 0x0020 || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x200C || c == 0x200D ||
           c == 0x200E || c == 0x200F || c == 0xFEFF;
}

// Letter-level rewrites applied after NFKC case folding.
void append_normalised(std::string& out, char32_t c) {
    if (is_arabic_mark(c) || is_removed_space(c)) return;
    switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: c = 0x0627; break; // alef forms
    case 0x0649: c = 0x064A; break;                                         // alef maqsura
    case 0x0629: c = 0x0647; break;                                         // teh marbuta
    case 0x0624: c = 0x0648; break;                                         // waw with hamza
    case 0x0626: c = 0x064A; break;                                         // yeh with hamza
    case 0x2019: case 0x02BC: case 0x2018: c = '\''; break;
    case 0x0153: out += "oe"; return;
    case 0x00E6: out += "ae"; return;
    default: break;
    }
    if (c > 0x7F && u_isdigit(static_cast<UChar32>(c))) {
        int32_t v = u_charDigitValue(static_cast<UChar32>(c));
        if (v >= 0 && v <= 9) c = static_cast<char32_t>('0' + v);
    }
    append_utf8(out, c);
}

bool is_ascii(std::string_view s) {
    for (unsigned char ch : s)
        if (ch >= 0x80) return false;
    return true;
}

} // namespace

std::string normalise_word(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    if (is_ascii(word)) { // fast path: most English and much French text
        for (char ch : word) out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc_casefold().normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))),
        status);
    if (U_FAILURE(status)) return std::string(word);
    for (int32_t i = 0; i < folded.length();) {
        UChar32 c = folded.char32At(i);
        append_normalised(out, static_cast<char32_t>(c));
        i += U16_LENGTH(c);
    }
    return out;
}

std::string fold_accents(std::string_view word) {
    if (is_ascii(word) || is_arabic_script(word)) return std::string(word);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed = nfd().normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))),
        status);
    if (U_FAILURE(status)) return std::string(word);
    std::string out;
    out.reserve(word.size());
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        append_utf8(out, static_cast<char32_t>(c));
    }
    return out;
}

std::string word_key(std::string_view word) { return fold_accents(normalise_word(word)); }

bool is_arabic_script(std::string_view word) {
    size_t pos = 0;
    while (pos < word.size()) {
        char32_t c = next_code_point(word, pos);
        if (u_isalpha(static_cast<UChar32>(c))) {
            UErrorCode status = U_ZERO_ERROR;
            return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_ARABIC;
        }
    }
    return false;
}

} // namespace mahdar
