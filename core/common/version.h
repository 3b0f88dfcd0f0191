// The version of both executables, from the one project(… VERSION …) of the top CMakeLists.txt,
// and the command-line conventions every command shares (--help, --version).
#pragma once

#include <string>
#include <string_view>

namespace mahdar {

/// The project's version ("0.1.0"), as CMake's project() declares it.
const char* project_version();

/// "mahdar-searchd 0.1.0 (Xapian 1.4.22, ICU 72.1)": `program`, the project's version and the
/// versions of the Xapian and ICU libraries it runs with (read at run time, not from headers).
std::string version_line(std::string_view program);

/// Whether argv[1…] holds `flag` ("--help", "--version"); "-h" counts as "--help". Commands
/// answer these before reading any other argument, on stdout with exit status 0.
bool has_flag(int argc, char** argv, std::string_view flag);

} // namespace mahdar
