// Reference data files of core/reference/data, embedded in the library at build time.
#pragma once

#include <string_view>

namespace mahdar {

/// The contents of core/reference/data/<name> (e.g. "countries.tsv"), or empty if there is none.
std::string_view embedded_file(std::string_view name);

} // namespace mahdar
