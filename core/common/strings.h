// Small string rules used everywhere: one definition each.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// `s` without leading and trailing ASCII white space (space, tab, CR, LF). Pure.
inline std::string_view trim(std::string_view s) {
    constexpr std::string_view space = " \t\r\n";
    auto b = s.find_first_not_of(space);
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(space) - b + 1);
}

inline bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}
inline bool starts_with(std::u32string_view s, std::u32string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

inline bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
inline bool ends_with(std::u32string_view s, std::u32string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// The parts with `separator` between them ("a, b, c"). Pure.
inline std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

/// True when `s` contains any of `parts`.
inline bool contains_any(std::string_view s, std::initializer_list<std::string_view> parts) {
    for (auto p : parts)
        if (s.find(p) != std::string_view::npos) return true;
    return false;
}

} // namespace mahdar
