#include "reference/reference_data.h"

#include "reference/embedded_data.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

namespace mahdar {
namespace {

constexpr std::array<std::string_view, cue_kinds> cue_names = {
    "moderated_by",  "moderator",  "by_line",         "continuation", "impersonal_next",
    "annex",         "government", "apposition_word", "verb_start",   "apposition_stop",
    "language_word", "mask",       "ambiguous",       "list_and",     "range_to",
    "range_from",    "date_range", "name_particle",   "presiding_role", "article",
    "role_complement", "representative", "speech_verb", "interpretation", "procedural",
};

using Row = std::vector<std::string>;

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t end = s.find(sep, start);
        std::string_view part =
            s.substr(start, end == std::string_view::npos ? s.npos : end - start);
        while (!part.empty() && (part.back() == '\r' || part.back() == ' '))
            part.remove_suffix(1);
        while (!part.empty() && part.front() == ' ')
            part.remove_prefix(1);
        out.emplace_back(part);
        if (end == std::string_view::npos)
            return out;
        start = end + 1;
    }
}

// Rows of a TSV file: header (#…) and blank lines skipped; each row has at least `columns`
// cells (missing trailing cells are empty).
std::vector<Row> tsv_rows(std::string_view text, std::string_view name, std::size_t columns) {
    if (text.empty())
        throw std::runtime_error("reference data: " + std::string(name) + " is missing");
    std::vector<Row> rows;
    for (auto& line : split(text, '\n')) {
        if (line.empty() || line[0] == '#')
            continue;
        Row row = split(line, '\t');
        if (row.size() < 2)
            throw std::runtime_error("reference data: " + std::string(name) + ": bad row: " + line);
        row.resize(std::max(row.size(), columns));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<std::string> alternatives(const std::string& cell) {
    std::vector<std::string> out;
    for (auto& s : split(cell, '|'))
        if (!s.empty())
            out.push_back(std::move(s));
    return out;
}

Lang row_lang(const Row& row, std::string_view name) {
    auto lang = parse_lang(row[0]);
    if (!lang)
        throw std::runtime_error("reference data: " + std::string(name) + ": bad language " +
                                 row[0]);
    return *lang;
}

int row_number(const std::string& cell, int max, std::string_view name) {
    int n = -1;
    try {
        n = std::stoi(cell);
    } catch (const std::exception&) {
    }
    if (n < 0 || n > max)
        throw std::runtime_error("reference data: " + std::string(name) + ": bad number " + cell);
    return n;
}

void add_unique(std::vector<std::string>& list, std::string value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(std::move(value));
}

constexpr std::array<const char*, 3> icu_languages = {"ar", "en", "fr"};

} // namespace

ReferenceData::ReferenceData(const DataFileReader& reader) {
    DataFileReader read = reader ? reader : DataFileReader(embedded_file);
    load_countries(read("countries.tsv"));
    add_cldr_names();
    for (const auto& row : tsv_rows(read("gcm_objectives.tsv"), "gcm_objectives.tsv", 7)) {
        ObjectiveTitles o;
        o.number = row_number(row[0], 23, "gcm_objectives.tsv");
        // Columns: n, short_en, short_fr, short_ar, en, fr, ar.
        o.short_title = {row[3], row[1], row[2]};
        o.title = {row[6], row[4], row[5]};
        objectives_.push_back(std::move(o));
    }
    load_lists(read);
}

void ReferenceData::load_countries(std::string_view tsv) {
    // Columns: code, en, fr, ar, adj_en, adj_fr, adj_ar; our arrays are indexed ar, en, fr.
    for (const auto& row : tsv_rows(tsv, "countries.tsv", 7)) {
        CountryNames c;
        c.code = row[0];
        if (c.code.size() != 2)
            throw std::runtime_error("reference data: countries.tsv: bad code " + c.code);
        c.names = {alternatives(row[3]), alternatives(row[1]), alternatives(row[2])};
        c.adjectives = {alternatives(row[6]), alternatives(row[4]), alternatives(row[5])};
        country_index_[c.code] = countries_.size();
        countries_.push_back(std::move(c));
    }
}

void ReferenceData::add_cldr_names() {
    for (auto& c : countries_) {
        for (std::size_t l = 0; l < 3; ++l) {
            icu::UnicodeString name;
            icu::Locale("", c.code.c_str()).getDisplayCountry(icu::Locale(icu_languages[l]), name);
            std::string utf8;
            name.toUTF8String(utf8);
            if (utf8 != c.code)
                add_unique(c.names[l], utf8);
        }
    }
}

void ReferenceData::load_lists(const DataFileReader& read) {
    for (const auto& row : tsv_rows(read("non_countries.tsv"), "non_countries.tsv", 2))
        non_countries_[idx(row_lang(row, "non_countries.tsv"))].push_back(row[1]);
    for (const auto& row : tsv_rows(read("titles.tsv"), "titles.tsv", 3)) {
        TitleKind kind = row[2] == "plural" ? TitleKind::plural : TitleKind::person;
        titles_[idx(row_lang(row, "titles.tsv"))].push_back({row[1], kind});
    }
    for (const auto& row : tsv_rows(read("months.tsv"), "months.tsv", 3))
        months_[idx(row_lang(row, "months.tsv"))][row_number(row[1], 12, "months.tsv")] =
            alternatives(row[2]);
    for (const auto& row : tsv_rows(read("ordinals.tsv"), "ordinals.tsv", 3))
        ordinals_[idx(row_lang(row, "ordinals.tsv"))][row_number(row[1], 23, "ordinals.tsv")] =
            alternatives(row[2]);
    for (const auto& row : tsv_rows(read("objective_words.tsv"), "objective_words.tsv", 3))
        objective_words_[idx(row_lang(row, "objective_words.tsv"))].emplace_back(row[1], row[2]);
    for (const auto& row : tsv_rows(read("extraction_cues.tsv"), "extraction_cues.tsv", 3)) {
        auto kind = std::find(cue_names.begin(), cue_names.end(), row[1]);
        if (kind == cue_names.end())
            throw std::runtime_error("reference data: extraction_cues.tsv: unknown kind " + row[1]);
        auto& list = cues_[idx(row_lang(row, "extraction_cues.tsv"))][kind - cue_names.begin()];
        for (auto& phrase : alternatives(row[2]))
            list.push_back(std::move(phrase));
    }
}

std::string ReferenceData::country_label(std::string_view code, Lang ui) const {
    auto it = country_index_.find(code);
    if (it == country_index_.end() || countries_[it->second].names[idx(ui)].empty())
        return std::string(code);
    return countries_[it->second].names[idx(ui)].front();
}

std::string ReferenceData::objective_title(int number, Lang ui, TitleLength length) const {
    for (const auto& o : objectives_)
        if (o.number == number)
            return length == TitleLength::full ? o.title[idx(ui)] : o.short_title[idx(ui)];
    return {};
}

} // namespace mahdar
