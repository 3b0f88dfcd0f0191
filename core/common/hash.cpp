#include "common/hash.h"

#include <cstdint>
#include <cstdio>

namespace mahdar {

std::string fnv1a_hex(std::string_view data) {
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : data) h = (h ^ c) * 1099511628211ULL;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

} // namespace mahdar
