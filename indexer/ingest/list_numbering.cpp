#include "ingest/list_numbering.h"

#include "common/utf8.h"

#include <algorithm>

namespace mahdar {

namespace {

int clamp_level(int level) {
    return std::clamp(level, 0, ListCounters::levels - 1);
}

std::string roman(std::uint32_t n, bool upper) {
    static const struct {
        std::uint32_t value;
        const char *digits;
    } table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                 {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                 {5, "v"},    {4, "iv"},   {1, "i"}};
    std::string out;
    for (const auto &t : table)
        for (; n >= t.value; n -= t.value)
            out += t.digits;
    if (upper)
        for (auto &c : out)
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string letters(std::uint32_t n, bool upper) {
    std::uint32_t repeat = (n - 1) / 26 + 1;
    if (repeat > 100)
        return std::to_string(n);
    char letter = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
    return std::string(repeat, letter);
}

} // namespace

NumFormat word_num_format(std::string_view value) {
    if (value == "decimalZero")
        return NumFormat::decimal_zero;
    if (value == "lowerLetter")
        return NumFormat::lower_letter;
    if (value == "upperLetter")
        return NumFormat::upper_letter;
    if (value == "lowerRoman")
        return NumFormat::lower_roman;
    if (value == "upperRoman")
        return NumFormat::upper_roman;
    if (value == "hindiNumbers")
        return NumFormat::arabic_indic;
    if (value == "bullet")
        return NumFormat::bullet;
    if (value == "none")
        return NumFormat::none;
    return NumFormat::decimal;
}

NumFormat odf_num_format(std::string_view value) {
    if (value.empty())
        return NumFormat::none;
    if (value == "a")
        return NumFormat::lower_letter;
    if (value == "A")
        return NumFormat::upper_letter;
    if (value == "i")
        return NumFormat::lower_roman;
    if (value == "I")
        return NumFormat::upper_roman;
    if (value == "\xD9\xA1, \xD9\xA2, \xD9\xA3, ...")
        return NumFormat::arabic_indic; // "١, ٢, ٣, ..."
    return NumFormat::decimal;
}

std::string format_number(std::uint32_t n, NumFormat format) {
    switch (format) {
    case NumFormat::bullet:
    case NumFormat::none:
        return {};
    case NumFormat::decimal_zero:
        return (n < 10 ? "0" : "") + std::to_string(n);
    case NumFormat::lower_letter:
    case NumFormat::upper_letter:
        return n == 0 ? "0" : letters(n, format == NumFormat::upper_letter);
    case NumFormat::lower_roman:
    case NumFormat::upper_roman:
        return n == 0 || n > 3999 ? std::to_string(n) : roman(n, format == NumFormat::upper_roman);
    case NumFormat::arabic_indic: {
        std::string out;
        for (char d : std::to_string(n))
            append_utf8(out, U'\u0660' + (d - '0'));
        return out;
    }
    case NumFormat::decimal:
        break;
    }
    return std::to_string(n);
}

std::uint32_t ListCounters::count(int level, std::uint32_t start) {
    level = clamp_level(level);
    auto &counter = counters_[level];
    if (next_[level]) {
        counter = *next_[level];
        next_[level].reset();
    } else {
        counter = counter ? *counter + 1 : start;
    }
    for (int deeper = level + 1; deeper < levels; ++deeper)
        counters_[deeper].reset();
    return *counter;
}

std::uint32_t ListCounters::value(int level, std::uint32_t start) const {
    level = clamp_level(level);
    return counters_[level] ? *counters_[level] : start;
}

void ListCounters::restart(int level, std::uint32_t next) {
    level = clamp_level(level);
    next_[level] = next;
    for (int deeper = level + 1; deeper < levels; ++deeper) {
        counters_[deeper].reset();
        next_[deeper].reset();
    }
}

} // namespace mahdar
