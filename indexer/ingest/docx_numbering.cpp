#include "ingest/docx_numbering.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>

namespace mahdar {

namespace {

int int_attr(const pugi::xml_node &node, int fallback) {
    pugi::xml_attribute a = node.attribute("w:val");
    if (!a)
        return fallback;
    const char *s = a.value();
    char *end = nullptr;
    long v = std::strtol(s, &end, 10);
    if (end == s || v < -1000000 || v > 1000000)
        return fallback;
    return static_cast<int>(v);
}

WordLevel parse_level(const pugi::xml_node &lvl, WordLevel level) {
    if (auto start = lvl.child("w:start"))
        level.start = std::max(0, int_attr(start, 1));
    if (auto fmt = lvl.child("w:numFmt"))
        level.format = word_num_format(fmt.attribute("w:val").value());
    if (auto text = lvl.child("w:lvlText"))
        level.text = text.attribute("w:val").value();
    if (auto legal = lvl.child("w:isLgl"))
        level.legal = std::string_view(legal.attribute("w:val").as_string("true")) != "false" &&
                      std::string_view(legal.attribute("w:val").value()) != "0";
    return level;
}

int level_index(const pugi::xml_node &lvl) {
    return std::clamp(lvl.attribute("w:ilvl").as_int(0), 0, ListCounters::levels - 1);
}

} // namespace

WordNumbering parse_word_numbering(const pugi::xml_node &numbering) {
    WordNumbering out;
    for (auto abstract : numbering.children("w:abstractNum")) {
        std::vector<WordLevel> levels(ListCounters::levels);
        for (int i = 0; i < ListCounters::levels; ++i)
            levels[i].text = "%" + std::to_string(i + 1) + ".";
        for (auto lvl : abstract.children("w:lvl"))
            levels[level_index(lvl)] = parse_level(lvl, levels[level_index(lvl)]);
        out.abstracts[abstract.attribute("w:abstractNumId").as_int(-1)] = std::move(levels);
    }
    for (auto num : numbering.children("w:num")) {
        WordNumbering::Num n;
        n.abstract_id = int_attr(num.child("w:abstractNumId"), -1);
        for (auto override_ : num.children("w:lvlOverride")) {
            int ilvl = level_index(override_);
            if (auto start = override_.child("w:startOverride"))
                n.start_overrides[ilvl] =
                    static_cast<std::uint32_t>(std::max(0, int_attr(start, 1)));
            if (auto lvl = override_.child("w:lvl"))
                n.level_overrides[ilvl] = parse_level(lvl, {});
        }
        out.nums[num.attribute("w:numId").as_int(-1)] = std::move(n);
    }
    return out;
}

const WordLevel &WordNumberer::level_of(const WordNumbering::Num &num, int ilvl) const {
    static const WordLevel fallback;
    if (auto it = num.level_overrides.find(ilvl); it != num.level_overrides.end())
        return it->second;
    auto abstract = numbering_.abstracts.find(num.abstract_id);
    if (abstract == numbering_.abstracts.end())
        return fallback;
    return abstract->second[static_cast<std::size_t>(ilvl)];
}

// The number part of w:lvlText, from its first %N to its last: "Article %1." → "3",
// "%1.%2" → "3.2", "(%1)" → "1". Literal text before and after is the label's decoration.
std::string WordNumberer::number_text(const WordNumbering::Num &num, const ListCounters &counters,
                                      int ilvl) const {
    const WordLevel &level = level_of(num, ilvl);
    const std::string &text = level.text;
    std::size_t first = text.find('%'), last = text.rfind('%');
    if (first == std::string::npos || last + 1 >= text.size())
        return {};
    std::string out;
    for (std::size_t i = first; i <= last + 1; ++i) {
        char c = text[i];
        if (c == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            int ref = text[i + 1] - '1';
            const WordLevel &shown = level_of(num, ref);
            NumFormat format =
                level.legal && shown.format != NumFormat::none ? NumFormat::decimal : shown.format;
            out += format_number(counters.value(ref, shown.start), format);
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

std::optional<WordLabel> WordNumberer::next(int num_id, int ilvl) {
    auto it = numbering_.nums.find(num_id);
    if (num_id <= 0 || it == numbering_.nums.end())
        return std::nullopt;
    ilvl = std::clamp(ilvl, 0, ListCounters::levels - 1);
    const WordNumbering::Num &num = it->second;
    ListCounters &counters = counters_[num.abstract_id];
    if (!num_seen_[num_id]) {
        num_seen_[num_id] = true;
        for (const auto &[level, start] : num.start_overrides)
            counters.restart(level, start);
    }
    const WordLevel &level = level_of(num, ilvl);
    counters.count(ilvl, level.start);
    WordLabel label;
    label.bullet = level.format == NumFormat::bullet;
    if (!label.bullet)
        label.number = number_text(num, counters, ilvl);
    return label;
}

} // namespace mahdar
