#include "common/utf8.h"

#include <unicode/utf8.h>

namespace mahdar {

char32_t next_code_point(std::string_view text, size_t& pos) {
    UChar32 c;
    int32_t i = static_cast<int32_t>(pos);
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
    pos = static_cast<size_t>(i);
    return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_valid_utf8(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        UChar32 c;
        int32_t pos = static_cast<int32_t>(i);
        U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos,
                static_cast<int32_t>(text.size()), c);
        if (c < 0) return false;
        i = static_cast<size_t>(pos);
    }
    return true;
}

} // namespace mahdar
