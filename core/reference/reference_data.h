// Reference data for metadata extraction and facet labels: countries, GCM objectives, person
// titles, month names, ordinals, objective words and extraction cues (core/reference/data/*.tsv).
#pragma once

#include "common/lang.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// Names of one country as written in running text, per language (index: Lang).
struct CountryNames {
    std::string code;                              ///< ISO 3166-1 alpha-2, upper case
    std::array<std::vector<std::string>, 3> names; ///< label first, then aliases and CLDR names
    std::array<std::vector<std::string>, 3> adjectives; ///< adjectives and demonyms
};

/// One GCM objective's titles, per language (index: Lang).
struct ObjectiveTitles {
    int number = 0;
    std::array<std::string, 3> short_title;
    std::array<std::string, 3> title;
};

enum class TitleKind : std::uint8_t { person, plural };
enum class TitleLength : std::uint8_t { short_title, full };

/// A person title as written before a name ("Mr.", "Mme", "السيدة"); `plural` titles precede
/// several names ("MM.", "Mmes", "السادة").
struct PersonTitle {
    std::string text;
    TitleKind kind = TitleKind::person;
};

/// Phrase lists of core/reference/data/extraction_cues.tsv, by kind.
enum class Cue : std::uint8_t {
    moderated_by,    ///< "moderated by": the name after it moderates
    moderator,       ///< "the moderator": refers to the current moderator
    by_line,         ///< "by" before a presenter's title
    continuation,    ///< pronoun or verb that continues the previous speaker's statement
    impersonal_next, ///< words after French "il" that make it impersonal ("il est", "il faut")
    annex,           ///< starts an annex (participant lists are not statements)
    government,      ///< marks an affiliation as a government or national institution
    apposition_word, ///< lower-case words that may continue an English apposition
    verb_start,      ///< words that end a French apposition (auxiliaries)
    apposition_stop, ///< words that end an Arabic apposition
    language_word,   ///< language names: a demonym next to one is a language, not a country
    mask,            ///< phrases that contain a country name or adjective but name no country
    ambiguous,       ///< country aliases that count only next to another country mention
    list_and,        ///< "and" in a list of numbers
    range_to,        ///< "to" in a range of numbers
    range_from,      ///< "from" before a range of numbers
    date_range,      ///< words joining two days into a range ("24 to 25 February")
    name_particle,   ///< lower-case particles inside personal names ("el", "de", "bin")
    presiding_role,  ///< UN records: who presides ("Chair", "Présidente", "الرئيس")
    article,         ///< articles before a role or a country ("the", "la", "l’")
    role_complement, ///< words after a role that make it another role ("President of …")
    representative,  ///< "representative of", "la représentante du", "ممثل" before a country
    speech_verb,     ///< Arabic verbs before a speaker ("قال الرئيس", "وقالت ممثلة المغرب")
    interpretation,  ///< "(spoke in Arabic)": the language of a speech, not a country
    procedural,      ///< "The meeting rose …": a record's own lines, spoken by nobody
};
inline constexpr std::size_t cue_kinds = 25;

/// Reads one data file by name; the default reads the files embedded at build time.
using DataFileReader = std::function<std::string_view(std::string_view name)>;

/// All reference data, loaded once. Immutable after construction, so one instance may be
/// shared by any number of threads.
class ReferenceData {
  public:
    /// Loads countries.tsv, non_countries.tsv, gcm_objectives.tsv, titles.tsv, months.tsv,
    /// ordinals.tsv, objective_words.tsv and extraction_cues.tsv, and adds ICU's CLDR display
    /// names of every country as aliases. Throws std::runtime_error when a file is missing or
    /// a row is malformed.
    explicit ReferenceData(const DataFileReader& read = {});

    const std::vector<CountryNames>& countries() const { return countries_; }
    const std::vector<std::string>& non_countries(Lang lang) const {
        return non_countries_[idx(lang)];
    }
    const std::vector<PersonTitle>& titles(Lang lang) const { return titles_[idx(lang)]; }
    /// Month names by month number 1..12 (index 0: weekday names).
    const std::array<std::vector<std::string>, 13>& months(Lang lang) const {
        return months_[idx(lang)];
    }
    /// Ordinal forms ("third", "3rd") by number 1..23 (index 0 unused).
    const std::array<std::vector<std::string>, 24>& ordinals(Lang lang) const {
        return ordinals_[idx(lang)];
    }
    /// Singular and plural words for "objective" ("objective|objectives", "GCM objective|…").
    const std::vector<std::pair<std::string, std::string>>& objective_words(Lang lang) const {
        return objective_words_[idx(lang)];
    }
    const std::vector<std::string>& cues(Lang lang, Cue kind) const {
        return cues_[idx(lang)][static_cast<std::size_t>(kind)];
    }

    /// The country's name for facet labels in `ui` ("Maroc" for MA in French); the code itself
    /// when unknown.
    std::string country_label(std::string_view code, Lang ui) const;
    /// The objective's title in `ui` ("Objective 5: Enhance availability…" is the caller's
    /// business); empty when `number` is not 1..23.
    std::string objective_title(int number, Lang ui, TitleLength length) const;
    const std::vector<ObjectiveTitles>& objectives() const { return objectives_; }

  private:
    static std::size_t idx(Lang lang) { return static_cast<std::size_t>(lang); }
    void load_countries(std::string_view tsv);
    void add_cldr_names();
    void load_lists(const DataFileReader& read);

    std::vector<CountryNames> countries_;
    std::map<std::string, std::size_t, std::less<>> country_index_;
    std::vector<ObjectiveTitles> objectives_;
    std::array<std::vector<std::string>, 3> non_countries_;
    std::array<std::vector<PersonTitle>, 3> titles_;
    std::array<std::array<std::vector<std::string>, 13>, 3> months_;
    std::array<std::array<std::vector<std::string>, 24>, 3> ordinals_;
    std::array<std::vector<std::pair<std::string, std::string>>, 3> objective_words_;
    std::array<std::array<std::vector<std::string>, cue_kinds>, 3> cues_;
};

} // namespace mahdar
