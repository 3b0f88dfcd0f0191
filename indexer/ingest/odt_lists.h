// ODF list numbering: list styles (text:list-style) and the counters of lists, continued as
// text:continue-numbering and text:continue-list say, so that an ODT's numbered paragraphs get
// the numbers LibreOffice draws.
#pragma once

#include "ingest/list_numbering.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace pugi {
class xml_node;
}

namespace mahdar {

/// One level of a text:list-style.
struct OdtListLevel {
    NumFormat format = NumFormat::decimal; ///< bullet for text:list-level-style-bullet/-image
    std::uint32_t start = 1;               ///< text:start-value
    int display_levels = 1;                ///< text:display-levels: "3.2" shows 2
};

using OdtListStyle = std::array<OdtListLevel, ListCounters::levels>;

/// A list as numbered so far: its style and counters, shared by the text:list elements that
/// continue it.
struct OdtList {
    const OdtListStyle *style = nullptr;
    ListCounters counters;
};

/// The list styles of a document and the lists met so far. Not thread-safe.
class OdtLists {
  public:
    /// Adds the text:list-style and text:outline-style children of `container`
    /// (office:styles, office:automatic-styles).
    void add_styles(const pugi::xml_node &container);

    /// The list a top-level text:list element numbers: a new one, or the one it continues
    /// (text:continue-list="<xml:id>", or text:continue-numbering="true": the last list of the
    /// same style). `style_name` is the list's style, inherited when not on the element.
    std::shared_ptr<OdtList> open(const pugi::xml_node &list, const std::string &style_name);

    /// Counts the first paragraph of a list item at `level` (0-based) and gives its number
    /// ("12", "3.2", "b"); "" for a bullet or a level that shows no number. `bullet` is set
    /// for a bulleted level.
    static std::string count(OdtList &list, int level, bool &bullet);

    /// Counts a heading outside any list at `level` (0-based) with the document's outline
    /// numbering (text:outline-style); "" when its level shows no number (LibreOffice's
    /// default).
    std::string count_heading(int level);

  private:
    std::map<std::string, OdtListStyle> styles_;
    OdtListStyle outline_style_{};
    OdtList outline_;
    std::map<std::string, std::shared_ptr<OdtList>> by_id_;
    std::map<std::string, std::shared_ptr<OdtList>> last_of_style_;
};

} // namespace mahdar
