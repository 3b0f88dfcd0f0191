// Page-level rules of the HTML reader, pure functions over bytes and strings: which encoding to
// parse with, whether the bytes are text at all, and a page's headline from its <title>.
#pragma once

#include <string>
#include <string_view>

namespace mahdar {

/// The encoding to parse with: a byte-order mark, else the charset a <meta> tag declares in
/// the first 2 KiB (if libxml2 knows it), else UTF-8 when the bytes are valid UTF-8, else
/// windows-1252 (what browsers assume for "iso-8859-1" and for undeclared Western pages).
std::string sniff_encoding(std::string_view bytes);

/// True for bytes that are not text: more than 1% control characters (other than white
/// space) in the first 4 KiB of a file without a UTF-16 byte-order mark.
bool looks_binary(std::string_view bytes);

/// The headline of a <title>: trailing " | …", " - …", " – …" parts that name the site
/// ("United Nations", "Meetings Coverage and Press Releases", "UN News", "الأمم المتحدة"…) are
/// removed; other titles are kept whole.
std::string page_title(std::string title);

} // namespace mahdar
