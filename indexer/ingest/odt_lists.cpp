#include "ingest/odt_lists.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>

namespace mahdar {

namespace {

const OdtListStyle &default_style() {
    static const OdtListStyle style{};
    return style;
}

} // namespace

namespace {

OdtListStyle parse_list_style(const pugi::xml_node &list_style) {
    OdtListStyle style{};
    for (pugi::xml_node level : list_style.children()) {
        int index = level.attribute("text:level").as_int(1) - 1;
        if (index < 0 || index >= ListCounters::levels)
            continue;
        OdtListLevel &l = style[static_cast<std::size_t>(index)];
        if (std::strcmp(level.name(), "text:list-level-style-number") == 0 ||
            std::strcmp(level.name(), "text:outline-level-style") == 0) {
            l.format = odf_num_format(level.attribute("style:num-format").value());
            l.start = level.attribute("text:start-value").as_uint(1);
            l.display_levels =
                std::clamp(level.attribute("text:display-levels").as_int(1), 1, index + 1);
        } else {
            l.format = NumFormat::bullet; // -bullet and -image
        }
    }
    return style;
}

} // namespace

void OdtLists::add_styles(const pugi::xml_node &container) {
    for (pugi::xml_node list_style : container.children("text:list-style"))
        styles_[list_style.attribute("style:name").value()] = parse_list_style(list_style);
    if (pugi::xml_node outline = container.child("text:outline-style")) {
        outline_style_ = parse_list_style(outline);
        outline_.style = &outline_style_;
    }
}

std::string OdtLists::count_heading(int level) {
    if (!outline_.style)
        return {};
    bool bullet = false;
    std::string number = count(outline_, level, bullet);
    return bullet ? std::string() : number;
}

std::shared_ptr<OdtList> OdtLists::open(const pugi::xml_node &list, const std::string &style_name) {
    std::shared_ptr<OdtList> numbered;
    if (auto id = list.attribute("text:continue-list")) {
        if (auto it = by_id_.find(id.value()); it != by_id_.end())
            numbered = it->second;
    } else if (list.attribute("text:continue-numbering").as_bool()) {
        if (auto it = last_of_style_.find(style_name); it != last_of_style_.end())
            numbered = it->second;
    }
    if (!numbered) {
        numbered = std::make_shared<OdtList>();
        auto it = styles_.find(style_name);
        numbered->style = it == styles_.end() ? &default_style() : &it->second;
    }
    if (auto id = list.attribute("xml:id"))
        by_id_[id.value()] = numbered;
    last_of_style_[style_name] = numbered;
    return numbered;
}

std::string OdtLists::count(OdtList &list, int level, bool &bullet) {
    level = std::clamp(level, 0, ListCounters::levels - 1);
    const OdtListStyle &style = *list.style;
    const OdtListLevel &l = style[static_cast<std::size_t>(level)];
    list.counters.count(level, l.start);
    bullet = l.format == NumFormat::bullet;
    if (bullet || l.format == NumFormat::none)
        return {};
    std::string number;
    for (int shown = level - l.display_levels + 1; shown <= level; ++shown) {
        const OdtListLevel &s = style[static_cast<std::size_t>(shown)];
        if (!number.empty())
            number += '.';
        number += format_number(list.counters.value(shown, s.start), s.format);
    }
    return number;
}

} // namespace mahdar
