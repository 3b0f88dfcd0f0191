// UTF-8 decoding and encoding, one code point at a time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mahdar {

/// Decodes one code point at `pos` (advancing it); invalid bytes give U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& pos);

/// Appends the UTF-8 encoding of `c` to `out`.
void append_utf8(std::string& out, char32_t c);

/// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

} // namespace mahdar
