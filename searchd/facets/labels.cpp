#include "facets/labels.h"

#include "format/document_builder.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>

namespace mahdar {
namespace {

const std::array<const char*, 3> ui_locales = {"ar", "en", "fr"};

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::string name_key(std::string_view name) {
    std::string key = speaker_key(name);
    for (const char* article : {"the_", "l'", "le_", "la_", "les_"})
        if (key.rfind(article, 0) == 0) key.erase(0, std::char_traits<char>::length(article));
    return key;
}

} // namespace

Labels::Labels(const ReferenceData& data) : data_(data) {
    for (const auto& c : data.countries()) {
        countries_.insert(c.code);
        for (const auto& names : c.names)
            for (const auto& name : names) country_by_name_.emplace(name_key(name), c.code);
    }
    for (const char* const* code = uloc_getISOCountries(); *code; ++code) { // territories too (GG, PR, …)
        countries_.insert(*code);
        for (size_t l = 0; l < 3; ++l) {
            icu::UnicodeString name;
            icu::Locale("", *code).getDisplayCountry(icu::Locale(ui_locales[l]), name);
            country_by_name_.emplace(name_key(to_utf8(name)), *code);
        }
    }
    for (size_t l = 0; l < 3; ++l) {
        UErrorCode status = U_ZERO_ERROR;
        icu::DateFormatSymbols symbols(icu::Locale(ui_locales[l]), status);
        int32_t count = 0;
        const icu::UnicodeString* names =
            symbols.getMonths(count, icu::DateFormatSymbols::STANDALONE, icu::DateFormatSymbols::WIDE);
        for (int32_t m = 0; U_SUCCESS(status) && m < count && m < 12; ++m) months_[m + 1][l] = to_utf8(names[m]);
    }
}

std::string Labels::country(const std::string& code, Lang ui) const { return data_.country_label(code, ui); }

std::string Labels::objective(int n, Lang ui) const {
    std::string title = data_.objective_title(n, ui, TitleLength::full);
    return title.empty() ? std::to_string(n) : title;
}

std::string Labels::language(const std::string& code, Lang ui) const {
    icu::UnicodeString name;
    icu::Locale(code.c_str()).getDisplayLanguage(icu::Locale(ui_locales[static_cast<size_t>(ui)]), name);
    return to_utf8(name);
}

std::string Labels::month(const std::string& yyyymm, Lang ui) const {
    int m = yyyymm.size() == 7 ? std::atoi(yyyymm.c_str() + 5) : 0;
    if (m < 1 || m > 12) return yyyymm;
    return months_[m][static_cast<size_t>(ui)] + " " + yyyymm.substr(0, 4);
}

std::optional<std::string> Labels::resolve_country(std::string_view name) const {
    if (name.size() == 2) {
        std::string code{static_cast<char>(std::toupper(static_cast<unsigned char>(name[0]))),
                         static_cast<char>(std::toupper(static_cast<unsigned char>(name[1])))};
        if (countries_.count(code)) return code;
    }
    auto it = country_by_name_.find(name_key(name));
    if (it == country_by_name_.end()) return std::nullopt;
    return it->second;
}

std::string Labels::undated(Lang ui) const {
    switch (ui) {
    case Lang::ar: return "بدون تاريخ";
    case Lang::fr: return "Sans date";
    default: return "Undated";
    }
}

} // namespace mahdar
