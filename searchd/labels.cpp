#include "labels.h"

#include "document_builder.h"
#include "embedded_data.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>

namespace mahdar {
namespace {

const std::array<const char*, 3> ui_locales = {"ar", "en", "fr"};

// Rows of an embedded TSV file, header and blank lines skipped.
std::vector<std::vector<std::string>> tsv_rows(std::string_view name) {
    std::vector<std::vector<std::string>> rows;
    std::string_view data = embedded_file(name);
    size_t pos = 0;
    while (pos < data.size()) {
        size_t nl = data.find('\n', pos);
        std::string_view line = data.substr(pos, nl == std::string_view::npos ? data.size() - pos : nl - pos);
        pos = nl == std::string_view::npos ? data.size() : nl + 1;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        for (size_t b = 0;;) {
            size_t tab = line.find('\t', b);
            cells.emplace_back(line.substr(b, tab == std::string_view::npos ? std::string_view::npos : tab - b));
            if (tab == std::string_view::npos) break;
            b = tab + 1;
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

std::vector<std::string> split_bar(const std::string& cell) {
    std::vector<std::string> out;
    for (size_t b = 0; b <= cell.size();) {
        size_t bar = cell.find('|', b);
        if (bar == std::string::npos) bar = cell.size();
        if (bar > b) out.push_back(cell.substr(b, bar - b));
        b = bar + 1;
    }
    return out;
}

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

Labels::Labels() {
    for (const auto& row : tsv_rows("countries.tsv")) {
        if (row.size() < 4 || row[0].size() != 2) continue;
        auto& names = countries_[row[0]];
        // Columns: code en fr ar; ui order ar, en, fr.
        names = {split_bar(row[3]).at(0), split_bar(row[1]).at(0), split_bar(row[2]).at(0)};
        for (size_t c = 1; c <= 3; ++c)
            for (const auto& alias : split_bar(row[c])) country_by_name_.emplace(name_key(alias), row[0]);
    }
    for (const char* const* code = uloc_getISOCountries(); *code; ++code) {
        for (size_t l = 0; l < 3; ++l) {
            icu::UnicodeString name;
            icu::Locale("", *code).getDisplayCountry(icu::Locale(ui_locales[l]), name);
            country_by_name_.emplace(name_key(to_utf8(name)), *code);
        }
    }
    for (const auto& row : tsv_rows("gcm_objectives.tsv")) {
        int n = row.empty() ? 0 : std::atoi(row[0].c_str());
        if (n < 1 || n > 23 || row.size() < 7) continue;
        objectives_[n] = {row[6], row[4], row[5]};
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

std::string Labels::country(const std::string& code, Lang ui) const {
    auto it = countries_.find(code);
    if (it != countries_.end() && !it->second[static_cast<size_t>(ui)].empty()) return it->second[static_cast<size_t>(ui)];
    icu::UnicodeString name;
    icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(ui_locales[static_cast<size_t>(ui)]), name);
    return to_utf8(name);
}

std::string Labels::objective(int n, Lang ui) const {
    if (n < 1 || n > 23) return std::to_string(n);
    const std::string& title = objectives_[n][static_cast<size_t>(ui)];
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

} // namespace mahdar
