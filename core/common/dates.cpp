#include "common/dates.h"

#include <cstdio>

namespace mahdar {
namespace {

// The value of `s` if it is all ASCII digits, else -1.
int digits(std::string_view s) {
    if (s.empty()) return -1;
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

std::string yyyymmdd(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
    return buf;
}

} // namespace

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

bool is_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int y = digits(s.substr(0, 4)), m = digits(s.substr(5, 2)), d = digits(s.substr(8, 2));
    return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

std::string compact_date(std::string_view iso) {
    if (!is_iso_date(iso)) return {};
    return std::string(iso.substr(0, 4)) + std::string(iso.substr(5, 2)) + std::string(iso.substr(8, 2));
}

std::optional<std::string> parse_date_bound(std::string_view text, DateEdge edge) {
    if (text.size() == 10) {
        if (!is_iso_date(text)) return std::nullopt;
        return compact_date(text);
    }
    int year = text.size() >= 4 ? digits(text.substr(0, 4)) : -1;
    if (year < 0) return std::nullopt;
    bool last = edge == DateEdge::last;
    if (text.size() == 4) return yyyymmdd(year, last ? 12 : 1, last ? 31 : 1);
    int month = text.size() == 7 && text[4] == '-' ? digits(text.substr(5, 2)) : -1;
    if (month < 1 || month > 12) return std::nullopt;
    return yyyymmdd(year, month, last ? days_in_month(year, month) : 1);
}

} // namespace mahdar
