// Content fingerprints: FNV-1a 64-bit, written as 16 lower-case hex digits.
#pragma once

#include <string>
#include <string_view>

namespace mahdar {

/// Hex FNV-1a 64-bit hash of `data` (standard offset basis and prime). Not cryptographic: it
/// tells whether a file or a word list changed, never who made it. Pure.
std::string fnv1a_hex(std::string_view data);

} // namespace mahdar
