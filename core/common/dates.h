// The calendar rules: ISO dates as people and files write them, compact dates as the index
// stores them (YYYYMMDD). One definition for the readers, extraction and the request parser.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mahdar {

bool is_leap_year(int year);

/// Days in `month` (1..12) of `year`.
int days_in_month(int year, int month);

/// True for a well-formed YYYY-MM-DD date (month 1-12, day valid for the month and year).
bool is_iso_date(std::string_view s);

/// "2021-03-15" → "20210315"; "" for anything that is not an ISO date.
std::string compact_date(std::string_view iso);

/// A date bound as a user writes it, "2021" / "2021-03" / "2021-03-15", as YYYYMMDD: the first
/// day of the period, or its last day with DateEdge::last; nullopt when malformed.
enum class DateEdge { first, last };
std::optional<std::string> parse_date_bound(std::string_view text, DateEdge edge);

} // namespace mahdar
