// Word's paragraph styles (word/styles.xml): which paragraphs are headings and at what level,
// the numbering a style carries, and the document's default languages.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace pugi {
class xml_node;
}

namespace mahdar {

/// What a paragraph style says about its paragraphs, on its own (not yet through w:basedOn).
struct WordStyle {
    std::string name; ///< w:name, e.g. "heading 1" (Word keeps the English name in every language)
    std::string based_on;             ///< w:basedOn style id, or ""
    std::optional<int> outline_level; ///< w:outlineLvl (0 = top, 9 = body text)
    std::optional<int> num_id;        ///< w:numPr/w:numId
    std::optional<int> ilvl;          ///< w:numPr/w:ilvl
};

/// The paragraph styles of a document, by style id.
class WordStyles {
  public:
    WordStyles() = default;
    /// Reads `styles` (the w:styles element; an empty node gives no styles).
    explicit WordStyles(const pugi::xml_node &styles);

    /// The heading level (1 = top) of a paragraph of style `style_id` (the default paragraph
    /// style when empty): from w:outlineLvl through the w:basedOn chain, else from the style's
    /// name or id ("heading 2", "Heading2" → 2; "Title" → 1); 0 when not a heading.
    int heading_level(const std::string &style_id) const;

    /// The numbering (numId, ilvl) the style gives its paragraphs, through w:basedOn.
    std::optional<std::pair<int, int>> numbering(const std::string &style_id) const;

    std::string lang;      ///< default w:lang w:val ("en-US"), or ""
    std::string bidi_lang; ///< default w:lang w:bidi ("ar-SA"), or ""

  private:
    const WordStyle *find(const std::string &style_id) const;

    std::map<std::string, WordStyle> styles_;
    std::string default_paragraph_;
};

} // namespace mahdar
