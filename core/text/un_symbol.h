// United Nations document symbols ("A/RES/73/195", "A/73/PV.60", "E/ESCWA/SDD/2021/3"):
// recognised in text, file names and queries, and written one canonical way.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mahdar {

/// The canonical form of a symbol: upper case, no spaces, "/" between its elements. `s` is a
/// symbol when it has two elements or more, the first a known series
/// (reference/data/un_symbol_series.tsv), each made of letters, digits, '.', '-', '(' or ')',
/// and a digit somewhere ("A/RES/73/195"; not "A/B" or "and/or"). Otherwise nullopt. Pure.
std::optional<std::string> canonical_symbol(std::string_view s);

/// The first symbol written in `text` (a run without spaces that canonical_symbol() accepts
/// once trailing punctuation and brackets are taken off), or nullopt.
std::optional<std::string> find_symbol(std::string_view text);

/// The symbol a file name gives, as the UN's Official Document System names its files
/// ("A_RES_73_195-EN.pdf", "A_73_PV.60.pdf": '_' for '/', a language suffix), or nullopt.
std::optional<std::string> symbol_from_file_name(std::string_view stem);

} // namespace mahdar
