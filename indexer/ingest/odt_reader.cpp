// read_odt (ingest/readers.h): content.xml walked in order; styles.xml and content.xml's
// automatic styles for list numbering and the default language; meta.xml for the title.
#include "ingest/readers.h"

#include "ingest/block_text.h"
#include "ingest/odt_lists.h"
#include "ingest/xml_part.h"

#include <algorithm>
#include <cstring>

namespace mahdar {

namespace {

constexpr std::string_view malformed = "malformed ODT";

using Node = pugi::xml_node;

bool is(const Node &node, const char *name) {
    return std::strcmp(node.name(), name) == 0;
}

// Elements whose content is not the document's running text: the tracked-changes log (it
// holds deleted text), declarations, indexes and tables of contents (copies of headings),
// comments, the cached list label, and ruby annotations.
bool skipped(const Node &node) {
    for (const char *name : {"text:tracked-changes",
                             "text:sequence-decls",
                             "text:variable-decls",
                             "text:user-field-decls",
                             "text:table-of-content",
                             "text:alphabetical-index",
                             "text:illustration-index",
                             "text:table-index",
                             "text:object-index",
                             "text:user-index",
                             "text:bibliography",
                             "office:annotation",
                             "office:forms",
                             "text:number",
                             "text:ruby-text",
                             "svg:title",
                             "svg:desc",
                             "table:table-columns",
                             "table:table-column",
                             "office:event-listeners"})
        if (is(node, name))
            return true;
    return false;
}

struct Gathered {
    std::string text;
    std::uint32_t page = 0;
};

class OdtWalker {
  public:
    OdtWalker(Layout &layout, OdtLists &lists, bool count_pages)
        : layout_(layout), lists_(lists), page_(count_pages ? 1 : 0), count_pages_(count_pages) {}

    void body(const Node &container) {
        Nesting nesting(depth_);
        if (nesting.too_deep())
            return skip_deep();

        for (Node child : container.children()) {
            if (child.type() != pugi::node_element || skipped(child))
                continue;
            if (is(child, "text:p"))
                paragraph(child, {}, false);
            else if (is(child, "text:h"))
                heading(child);
            else if (is(child, "text:list"))
                list(child, nullptr, 0, "");
            else if (is(child, "table:table"))
                table(child);
            else if (is(child, "text:soft-page-break"))
                page_break();
            else
                body(child); // text:section, text:list-header's parent forms, change marks
        }
    }

    std::uint32_t last_page() const { return page_; }

  private:
    void skip_deep() {
        if (!warned_deep_)
            layout_.warnings.emplace_back(too_deep_warning);
        warned_deep_ = true;
    }

    void page_break() {
        if (count_pages_)
            ++page_;
    }

    // A heading outside a list: numbered by the outline style when it draws numbers.
    void heading(const Node &h) {
        int level = std::clamp(h.attribute("text:outline-level").as_int(1), 1, 10);
        std::string number = lists_.count_heading(level - 1);
        if (h.attribute("text:is-list-header").as_bool())
            number.clear();
        paragraph(h, std::move(number), false);
    }

    void paragraph(const Node &p, std::string number, bool bullet) {
        Block block;
        if (is(p, "text:h")) {
            block.kind = BlockKind::heading;
            block.level = std::clamp(p.attribute("text:outline-level").as_int(1), 1, 10);
        } else {
            block.kind = bullet ? BlockKind::item : BlockKind::paragraph;
        }
        block.number = std::move(number);
        Gathered g;
        inline_text(p, g);
        emit(std::move(block), g);
    }

    void list(const Node &node, std::shared_ptr<OdtList> numbered, int level,
              const std::string &inherited_style) {
        Nesting nesting(depth_);
        if (nesting.too_deep())
            return skip_deep();

        std::string style = node.attribute("text:style-name").as_string(inherited_style.c_str());
        if (!numbered)
            numbered = lists_.open(node, style);
        for (Node child : node.children()) {
            bool header = is(child, "text:list-header");
            if (is(child, "text:soft-page-break"))
                page_break();
            if (!header && !is(child, "text:list-item"))
                continue;
            if (auto start = child.attribute("text:start-value"))
                numbered->counters.restart(level, start.as_uint(1));
            bool first = true;
            for (Node part : child.children()) {
                if (is(part, "text:p") || is(part, "text:h")) {
                    // The first paragraph of an item carries its number; the others continue it.
                    std::string number;
                    bool bullet = false;
                    if (first && !header)
                        number = OdtLists::count(*numbered, level, bullet);
                    paragraph(part, first && !header ? number : std::string(), bullet);
                    first = false;
                } else if (is(part, "text:list")) {
                    list(part, numbered, level + 1, style);
                } else if (is(part, "table:table")) {
                    table(part);
                } else if (is(part, "text:soft-page-break")) {
                    page_break();
                }
            }
        }
    }

    void table(const Node &tbl) {
        Nesting nesting(depth_);
        if (nesting.too_deep())
            return skip_deep();

        for (Node child : tbl.children()) {
            if (is(child, "table:table-row"))
                row(child);
            else if (is(child, "text:soft-page-break"))
                page_break();
            else if (is(child, "table:table-header-rows") || is(child, "table:table-rows") ||
                     is(child, "table:table-row-group"))
                table(child);
        }
    }

    void row(const Node &tr) {
        Gathered row;
        bool first = true;
        for (Node cell : tr.children("table:table-cell")) {
            Gathered g;
            inline_text(cell, g);
            if (!first)
                row.text += " | ";
            row.text += clean_block_text(g.text);
            if (!row.page)
                row.page = g.page;
            first = false;
        }
        Block block;
        block.kind = BlockKind::row;
        emit(std::move(block), row);
    }

    void append(Gathered &g, std::string_view text) {
        if (!g.page && text.find_first_not_of(" \t\r\n") != std::string_view::npos)
            g.page = page_;
        g.text += text;
    }

    void inline_text(const Node &node, Gathered &g) {
        Nesting nesting(depth_);
        if (nesting.too_deep())
            return skip_deep();

        for (Node child : node.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                append(g, child.value());
                continue;
            }
            if (child.type() != pugi::node_element || skipped(child))
                continue;
            if (is(child, "text:s") || is(child, "text:tab") || is(child, "text:line-break")) {
                g.text += ' ';
            } else if (is(child, "text:soft-page-break")) {
                page_break();
            } else if (is(child, "text:note")) {
                note(child);
            } else {
                // Paragraphs inside a cell, frame or text box are separated by a space; spans,
                // links, fields and the rest give their text.
                if (is(child, "text:p") || is(child, "text:h"))
                    g.text += ' ';
                inline_text(child, g);
            }
        }
    }

    void note(const Node &n) {
        Gathered body;
        inline_text(n.child("text:note-body"), body);
        std::string text = clean_block_text(body.text);
        if (text.empty())
            return;
        std::string citation = clean_block_text(n.child("text:note-citation").text().get());
        pending_notes_.push_back(citation.empty() ? text : citation + " " + text);
    }

    void emit(Block block, const Gathered &g) {
        block.text = clean_block_text(g.text);
        block.page = g.page ? g.page : page_;
        append_with_notes(layout_, std::move(block), pending_notes_, page_);
    }

    Layout &layout_;
    int depth_ = 0;
    bool warned_deep_ = false;
    OdtLists &lists_;
    std::uint32_t page_;
    bool count_pages_;
    std::vector<std::string> pending_notes_;
};

// "fr" + "FR" → "fr-FR"; ODF writes "none" for no language.
std::string odf_lang(const Node &props, const char *language, const char *country) {
    std::string lang = props.attribute(language).value();
    std::string region = props.attribute(country).value();
    if (lang.empty() || lang == "none" || lang == "zxx")
        return {};
    return region.empty() || region == "none" ? lang : lang + "-" + region;
}

void read_lang(const Node &styles, Layout &layout) {
    for (Node d : styles.children("style:default-style")) {
        if (std::string_view(d.attribute("style:family").value()) != "paragraph")
            continue;
        Node props = d.child("style:text-properties");
        layout.lang = choose_lang(
            odf_lang(props, "fo:language", "fo:country"),
            odf_lang(props, "style:language-complex", "style:country-complex"), layout.blocks);
    }
}

} // namespace

Result<Layout> read_odt(std::string_view bytes, const ReadLimits &limits) {
    auto zip = ZipArchive::open(bytes);
    if (!zip)
        return zip.error();
    Layout layout;
    XmlPart content, styles, meta;
    if (auto e = load_xml_part(zip.value(), "content.xml", limits, PartNeed::required, malformed,
                               content, layout))
        return *e;
    for (auto [name, part] : {std::pair{"styles.xml", &styles}, std::pair{"meta.xml", &meta}})
        if (auto e = load_xml_part(zip.value(), name, limits, PartNeed::optional, malformed, *part,
                                   layout))
            return *e;

    Node root = content.doc.child("office:document-content");
    Node text = root.child("office:body").child("office:text");
    if (!text)
        return read_failure(malformed, "content.xml has no office:body/office:text");
    Node styles_root = styles.doc.child("office:document-styles");
    OdtLists lists;
    lists.add_styles(styles_root.child("office:styles"));
    lists.add_styles(styles_root.child("office:automatic-styles"));
    lists.add_styles(root.child("office:automatic-styles"));

    // LibreOffice writes text:soft-page-break where its last layout broke pages.
    bool count_pages =
        bool(text.find_node([](const Node &n) { return is(n, "text:soft-page-break"); }));
    OdtWalker walker(layout, lists, count_pages);
    walker.body(text);
    if (count_pages)
        layout.pages = walker.last_page();

    Node m = meta.doc.child("office:document-meta").child("office:meta");
    layout.title = clean_block_text(m.child("dc:title").text().get());
    layout.lang = clean_block_text(m.child("dc:language").text().get());
    if (layout.lang.empty())
        read_lang(styles_root.child("office:styles"), layout);
    return layout;
}

} // namespace mahdar
