// Dates in report text, and the meeting date of a document.
#pragma once

#include "format/passage.h"
#include "reference/reference_data.h"
#include "text/text_scan.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// A full date (day, month, year) found in text.
struct DateMatch {
    int year = 0, month = 0, day = 0;
    std::uint32_t begin = 0, end = 0; ///< byte offsets of the day … year span
    bool range = false;               ///< the end of a range ("24-25 February 2021"): not one day
    std::string iso() const;          ///< "YYYY-MM-DD"
};

/// Reads dates written the ways UN reports write them in Arabic, English and French, with the
/// month tables of the reference data: "Thursday, 28 January 2021", "10th February 2022",
/// "February 10, 2022", "jeudi 1er octobre 2020", "13 AOÛT 2020", "الخميس، 28 كانون الثاني/يناير
/// 2021" (Levantine and standard names), Arabic-Indic digits. Days that end a range ("24-25
/// February", "1 and 2 December", "du 17 au 20 mai") are flagged. Impossible dates (31 June)
/// are not read. Immutable after construction; thread-safe.
class DateParser {
  public:
    explicit DateParser(const ReferenceData& data);

    /// Every full date in `text`, in order.
    std::vector<DateMatch> find(std::string_view text) const;

    /// The meeting date (YYYY-MM-DD) a report states in its header: the first single date in
    /// its title, or its headings and short passages before its first long paragraph (in line
    /// order); failing that,
    /// the date of the first long paragraph when it gives exactly one. Empty when the report
    /// states no single meeting date (a roadmap with a calendar, a background note).
    std::string meeting_date(const Document& doc) const;

  private:
    bool read_day(const Token& t, int& day) const;
    bool read_year(std::string_view text, const Tokens& t, std::size_t i, int& year) const;
    std::size_t read_month(std::string_view text, const Tokens& t, std::size_t i, int& month) const;
    bool ends_range(std::string_view text, const Tokens& t, std::size_t day) const;
    bool parse_at(std::string_view text, const Tokens& t, std::size_t i, DateMatch& out) const;

    PhraseIndex months_;                    ///< payload: month 1..12, all three languages
    std::vector<std::string> day_suffixes_; ///< "st", "th", "er"… from the numeric ordinals
    WordSet range_words_;
};

} // namespace mahdar
