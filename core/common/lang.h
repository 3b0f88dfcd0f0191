// The three languages of the record.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace mahdar {

enum class Lang : std::uint8_t { ar, en, fr };
inline constexpr Lang all_langs[] = {Lang::ar, Lang::en, Lang::fr};

/// "ar", "en" or "fr".
std::string_view lang_code(Lang lang);

/// The language for a code ("ar", "en", "fr"; case-insensitive), or nullopt.
std::optional<Lang> parse_lang(std::string_view code);

} // namespace mahdar
