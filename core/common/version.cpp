#include "common/version.h"

#include <unicode/uversion.h>
#include <xapian.h>

#ifndef MAHDAR_VERSION
#error "MAHDAR_VERSION comes from core/CMakeLists.txt (the project's VERSION)"
#endif

namespace mahdar {

const char* project_version() { return MAHDAR_VERSION; }

std::string version_line(std::string_view program) {
    UVersionInfo icu;
    u_getVersion(icu);
    char icu_text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(icu, icu_text);
    return std::string(program) + " " + MAHDAR_VERSION + " (Xapian " + Xapian::version_string() + ", ICU " +
           icu_text + ")";
}

bool has_flag(int argc, char** argv, std::string_view flag) {
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == flag || (flag == "--help" && a == "-h")) return true;
    }
    return false;
}

} // namespace mahdar
