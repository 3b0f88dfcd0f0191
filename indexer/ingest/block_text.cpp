#include "ingest/block_text.h"

#include "common/strings.h"
#include "common/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

namespace mahdar {

namespace {

bool is_space_like(char32_t c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 ||
           u_isWhitespace(static_cast<UChar32>(c));
}

std::string to_nfc(const std::string &text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        return text;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    if (nfc->isNormalized(u, status) && U_SUCCESS(status))
        return text;
    status = U_ZERO_ERROR;
    icu::UnicodeString n = nfc->normalize(u, status);
    if (U_FAILURE(status))
        return text;
    std::string out;
    n.toUTF8String(out);
    return out;
}

} // namespace

std::string clean_block_text(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < raw.size()) {
        char32_t c = next_code_point(raw, pos);
        if (c == 0xad || c == 0xfeff)
            continue; // soft hyphen, byte-order mark
        // No-break spaces are kept: they sit inside numbers ("1 234") and before French
        // punctuation, and the analysis knows them.
        if (c != 0xa0 && c != 0x202f && is_space_like(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        append_utf8(out, c);
    }
    return to_nfc(out);
}

std::string number_of_label(std::string_view label) {
    auto is_word = [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
               (c >= 'A' && c <= 'Z');
    };
    std::size_t b = 0, e = label.size();
    while (b < e && !is_word(label[b]))
        ++b;
    while (e > b && !is_word(label[e - 1]))
        --e;
    std::string number(label.substr(b, e - b));
    // A bullet character in a private-use or symbol font is not a number.
    std::size_t pos = 0;
    while (pos < number.size()) {
        char32_t c = next_code_point(number, pos);
        if (!u_isalnum(static_cast<UChar32>(c)) && c != '.' && c != '-' && c != ')' && c != '(')
            return {};
    }
    return number;
}

std::string choose_lang(const std::string &latin, const std::string &complex,
                        const std::vector<Block> &blocks) {
    if (complex.empty())
        return latin;
    std::size_t arabic = 0, other = 0;
    for (const auto &block : blocks) {
        std::size_t pos = 0;
        while (pos < block.text.size()) {
            char32_t c = next_code_point(block.text, pos);
            if (!u_isalpha(static_cast<UChar32>(c)))
                continue;
            UErrorCode status = U_ZERO_ERROR;
            UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
            if (script == USCRIPT_ARABIC)
                ++arabic;
            else if (script == USCRIPT_LATIN)
                ++other;
        }
    }
    return arabic > other || latin.empty() ? complex : latin;
}

bool has_word_character(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size())
        if (u_isalnum(static_cast<UChar32>(next_code_point(text, pos))))
            return true;
    return false;
}

void append_with_notes(Layout &layout, Block block, std::vector<std::string> &notes, std::uint32_t note_page) {
    if (!block.text.empty())
        layout.blocks.push_back(std::move(block));
    for (auto &text : notes) {
        Block n;
        n.kind = BlockKind::note;
        n.text = std::move(text);
        n.page = note_page;
        layout.blocks.push_back(std::move(n));
    }
    notes.clear();
}

} // namespace mahdar
