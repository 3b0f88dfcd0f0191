// Display labels for facet values in the user's language.
#pragma once

#include "reference/reference_data.h"
#include "text/language.h"

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mahdar {

/// Labels for countries and GCM objectives (from the reference data), languages and months (from
/// ICU), in Arabic, English and French; and country names → ISO codes. Built once at start-up
/// from reference data that outlives it; const and thread-safe afterwards.
class Labels {
public:
    explicit Labels(const ReferenceData& data);
    std::string country(const std::string& code, Lang ui) const;
    std::string objective(int n, Lang ui) const;
    std::string language(const std::string& code, Lang ui) const;
    std::string month(const std::string& yyyymm, Lang ui) const; ///< "2021-01" → "January 2021"
    std::string undated(Lang ui) const; ///< the year facet's value for passages without a date
    /// ISO code for an ISO code in any case or a country name in any of the three languages.
    std::optional<std::string> resolve_country(std::string_view name) const;

private:
    const ReferenceData& data_;
    std::set<std::string> countries_;
    std::map<std::string, std::string> country_by_name_;
    std::array<std::array<std::string, 3>, 13> months_;
};

} // namespace mahdar
