// Display labels for facet values in the user's language.
#pragma once

#include "language.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mahdar {

/// Labels for countries (CLDR names from ICU), GCM objectives (indexer/data/gcm_objectives.tsv),
/// languages and months, in Arabic, English and French; and country names → ISO codes.
/// Built once at start-up; const and thread-safe afterwards.
class Labels {
public:
    Labels();
    std::string country(const std::string& code, Lang ui) const;
    std::string objective(int n, Lang ui) const;
    std::string language(const std::string& code, Lang ui) const;
    std::string month(const std::string& yyyymm, Lang ui) const; ///< "2021-01" → "January 2021"
    /// ISO code for an ISO code in any case or a country name in any of the three languages.
    std::optional<std::string> resolve_country(std::string_view name) const;

private:
    std::map<std::string, std::array<std::string, 3>> countries_;
    std::map<std::string, std::string> country_by_name_;
    std::array<std::array<std::string, 3>, 24> objectives_;
    std::array<std::array<std::string, 3>, 13> months_;
};

} // namespace mahdar
