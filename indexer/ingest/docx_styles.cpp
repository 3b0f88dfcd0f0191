#include "ingest/docx_styles.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>

namespace mahdar {

namespace {

// Through w:basedOn, with a bound: a style chain that loops must not hang the reader.
constexpr int max_chain = 32;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

int level_from_name(const std::string &name) {
    std::string n = lower(name);
    if (n == "title")
        return 1;
    if (n.size() == 8 && n.compare(0, 7, "heading") == 0 && n[7] >= '1' && n[7] <= '9')
        return n[7] - '0';
    return 0;
}

void read_lang(const pugi::xml_node &rpr, std::string &lang, std::string &bidi) {
    pugi::xml_node l = rpr.child("w:lang");
    if (auto v = l.attribute("w:val"); v && *v.value())
        lang = v.value();
    if (auto v = l.attribute("w:bidi"); v && *v.value())
        bidi = v.value();
}

} // namespace

WordStyles::WordStyles(const pugi::xml_node &styles) {
    read_lang(styles.child("w:docDefaults").child("w:rPrDefault").child("w:rPr"), lang, bidi_lang);
    for (auto style : styles.children("w:style")) {
        if (std::string_view(style.attribute("w:type").value()) != "paragraph")
            continue;
        std::string id = style.attribute("w:styleId").value();
        WordStyle s;
        s.name = style.child("w:name").attribute("w:val").value();
        s.based_on = style.child("w:basedOn").attribute("w:val").value();
        pugi::xml_node ppr = style.child("w:pPr");
        if (auto o = ppr.child("w:outlineLvl"))
            s.outline_level = o.attribute("w:val").as_int(9);
        if (auto num = ppr.child("w:numPr")) {
            if (auto n = num.child("w:numId"))
                s.num_id = n.attribute("w:val").as_int(0);
            if (auto l = num.child("w:ilvl"))
                s.ilvl = l.attribute("w:val").as_int(0);
        }
        if (style.attribute("w:default").as_bool()) {
            default_paragraph_ = id;
            read_lang(style.child("w:rPr"), lang, bidi_lang);
        }
        styles_[id] = std::move(s);
    }
}

const WordStyle *WordStyles::find(const std::string &style_id) const {
    auto it = styles_.find(style_id.empty() ? default_paragraph_ : style_id);
    return it == styles_.end() ? nullptr : &it->second;
}

int WordStyles::heading_level(const std::string &style_id) const {
    const WordStyle *s = find(style_id);
    for (int i = 0; s && i < max_chain; ++i, s = find(s->based_on)) {
        if (s->outline_level)
            return *s->outline_level >= 0 && *s->outline_level < 9 ? *s->outline_level + 1 : 0;
        if (int level = level_from_name(s->name))
            return level;
        if (s->based_on.empty())
            break;
    }
    return level_from_name(style_id);
}

std::optional<std::pair<int, int>> WordStyles::numbering(const std::string &style_id) const {
    const WordStyle *s = find(style_id);
    std::optional<int> ilvl;
    for (int i = 0; s && i < max_chain; ++i, s = find(s->based_on)) {
        if (!ilvl)
            ilvl = s->ilvl;
        if (s->num_id)
            return std::make_pair(*s->num_id, ilvl.value_or(0));
        if (s->based_on.empty())
            break;
    }
    return std::nullopt;
}

} // namespace mahdar
