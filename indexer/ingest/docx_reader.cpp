// read_docx (ingest/readers.h): word/document.xml walked in order, with the styles, numbering,
// notes and core properties parts it refers to. Headers and footers are separate parts and
// are never opened.
#include "ingest/readers.h"

#include "ingest/block_text.h"
#include "ingest/docx_numbering.h"
#include "ingest/docx_styles.h"
#include "ingest/xml_part.h"

#include <cstring>
#include <map>

namespace mahdar {

namespace {

constexpr std::string_view malformed = "malformed DOCX";

using Node = pugi::xml_node;

bool is(const Node &node, const char *name) {
    return std::strcmp(node.name(), name) == 0;
}

// Footnotes or endnotes: their text by w:id, and the numbers Word draws for them (counted in
// order of reference, in the format of w:footnotePr / w:endnotePr).
struct NoteSet {
    std::map<int, std::string> text;
    NumFormat format = NumFormat::decimal;
    std::uint32_t next = 1;
};

// Pages as Word last laid the document out: w:lastRenderedPageBreak marks where each page
// began when the file was saved. Files never laid out by Word (LibreOffice, generators) have
// none; their hard breaks (w:br w:type="page", w:pageBreakBefore) are counted instead.
enum class PageMarks { none, rendered, hard };

PageMarks find_page_marks(const Node &body) {
    if (body.find_node([](const Node &n) { return is(n, "w:lastRenderedPageBreak"); }))
        return PageMarks::rendered;
    if (body.find_node([](const Node &n) {
            return (is(n, "w:br") && std::string_view(n.attribute("w:type").value()) == "page") ||
                   (is(n, "w:pageBreakBefore") && n.attribute("w:val").as_bool(true));
        }))
        return PageMarks::hard;
    return PageMarks::none;
}

// A block's text as it is gathered, and the page its first visible character is on.
struct Gathered {
    std::string text;
    std::uint32_t page = 0;
};

class DocxWalker {
  public:
    DocxWalker(Layout &layout, const WordStyles &styles, WordNumberer &numberer, NoteSet &footnotes,
               NoteSet &endnotes, PageMarks marks)
        : layout_(layout), styles_(styles), numberer_(numberer), footnotes_(footnotes),
          endnotes_(endnotes), marks_(marks), page_(marks == PageMarks::none ? 0 : 1) {}

    void body(const Node &container) {
        Nesting nesting(depth_);
        if (nesting.too_deep())
            return skip_deep();

        for (Node child : container.children()) {
            if (is(child, "w:p"))
                paragraph(child);
            else if (is(child, "w:tbl"))
                table(child);
            else if (is(child, "w:sdt"))
                body(child.child("w:sdtContent"));
            else if (is(child, "w:customXml"))
                body(child);
        }
    }

    std::uint32_t last_page() const { return page_; }

    // The text of a note's paragraphs (no reference marks), one string.
    std::string note_text(const Node &note) {
        std::uint32_t page = page_; // notes are read before the body: their marks count nothing
        Gathered g;
        for (Node p : note.children("w:p")) {
            g.text += ' ';
            inline_text(p, g);
        }
        page_ = page;
        pending_notes_.clear();
        return clean_block_text(g.text);
    }

  private:
    void skip_deep() {
        if (!warned_deep_)
            layout_.warnings.emplace_back(too_deep_warning);
        warned_deep_ = true;
    }

    void paragraph(const Node &p) {
        Node ppr = p.child("w:pPr");
        Node break_before = ppr.child("w:pageBreakBefore");
        if (marks_ == PageMarks::hard && break_before &&
            break_before.attribute("w:val").as_bool(true))
            ++page_;
        std::string style = ppr.child("w:pStyle").attribute("w:val").value();
        int level = styles_.heading_level(style);
        if (auto o = ppr.child("w:outlineLvl")) {
            int v = o.attribute("w:val").as_int(9);
            level = v >= 0 && v < 9 ? v + 1 : 0;
        }
        std::optional<WordLabel> label = numbering_label(ppr, style);
        Gathered g;
        inline_text(p, g);
        Block block;
        block.kind = level > 0                ? BlockKind::heading
                     : label && label->bullet ? BlockKind::item
                                              : BlockKind::paragraph;
        block.level = level;
        if (label)
            block.number = label->number;
        emit(std::move(block), g);
    }

    std::optional<WordLabel> numbering_label(const Node &ppr, const std::string &style) {
        std::optional<std::pair<int, int>> numbering = styles_.numbering(style);
        if (Node num = ppr.child("w:numPr")) {
            int ilvl =
                num.child("w:ilvl").attribute("w:val").as_int(numbering ? numbering->second : 0);
            if (Node id = num.child("w:numId"))
                numbering = std::make_pair(id.attribute("w:val").as_int(0), ilvl);
            else if (numbering)
                numbering->second = ilvl;
        }
        if (!numbering)
            return std::nullopt;
        // Counted even when the paragraph is empty: Word draws (and counts) its number.
        return numberer_.next(numbering->first, numbering->second);
    }

    void table(const Node &tbl) {
        Nesting nesting(depth_);
        if (nesting.too_deep())
            return skip_deep();

        for (Node tr : tbl.children("w:tr")) {
            Gathered row;
            bool first = true;
            for (Node tc : tr.children("w:tc")) {
                Gathered cell;
                cell_text(tc, cell);
                std::string text = clean_block_text(cell.text);
                if (!first)
                    row.text += " | ";
                row.text += text;
                if (!row.page)
                    row.page = cell.page;
                first = false;
            }
            Block block;
            block.kind = BlockKind::row;
            emit(std::move(block), row);
        }
    }

    void cell_text(const Node &container, Gathered &g) {
        Nesting nesting(depth_);
        if (nesting.too_deep())
            return skip_deep();

        for (Node child : container.children()) {
            if (is(child, "w:p")) {
                g.text += ' ';
                inline_text(child, g);
            } else if (is(child, "w:tbl")) {
                for (Node tr : child.children("w:tr"))
                    for (Node tc : tr.children("w:tc"))
                        cell_text(tc, g);
            } else if (is(child, "w:sdt")) {
                cell_text(child.child("w:sdtContent"), g);
            }
        }
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
            if (child.type() != pugi::node_element)
                continue;
            if (is(child, "w:t"))
                append(g, child.text().get());
            else if (is(child, "w:tab") || is(child, "w:ptab") || is(child, "w:cr"))
                g.text += ' ';
            else if (is(child, "w:br")) {
                g.text += ' ';
                if (marks_ == PageMarks::hard &&
                    std::string_view(child.attribute("w:type").value()) == "page")
                    ++page_;
            } else if (is(child, "w:lastRenderedPageBreak")) {
                if (marks_ == PageMarks::rendered)
                    ++page_;
            } else if (is(child, "w:noBreakHyphen"))
                append(g, "-");
            else if (is(child, "w:footnoteReference"))
                refer(footnotes_, child);
            else if (is(child, "w:endnoteReference"))
                refer(endnotes_, child);
            else if (is(child, "w:p")) {
                g.text += ' '; // a paragraph inside a text box
                inline_text(child, g);
            } else if (!skipped(child.name())) {
                inline_text(child, g); // runs, hyperlinks, insertions, fields, content controls
            }
        }
    }

    static bool skipped(const char *name) {
        // Tracked deletions and moves away, field instructions ("PAGE \* MERGEFORMAT"), the
        // properties, and the fallback copy of a drawing whose text box is read once.
        for (const char *n : {"w:del", "w:moveFrom", "w:instrText", "w:delText", "w:delInstrText",
                              "w:rPr", "w:pPr", "w:sectPr", "mc:Fallback", "w:footnoteRef",
                              "w:endnoteRef", "w:annotationRef", "w:commentReference"})
            if (std::strcmp(name, n) == 0)
                return true;
        return false;
    }

    void refer(NoteSet &notes, const Node &reference) {
        auto it = notes.text.find(reference.attribute("w:id").as_int(-1));
        std::uint32_t number = notes.next++;
        if (it == notes.text.end() || it->second.empty())
            return;
        pending_notes_.push_back(format_number(number, notes.format) + " " + it->second);
    }

    void emit(Block block, const Gathered &g) {
        block.text = clean_block_text(g.text);
        block.page = g.page ? g.page : page_;
        append_with_notes(layout_, std::move(block), pending_notes_, page_);
    }

    Layout &layout_;
    int depth_ = 0;
    bool warned_deep_ = false;
    const WordStyles &styles_;
    WordNumberer &numberer_;
    NoteSet &footnotes_;
    NoteSet &endnotes_;
    PageMarks marks_;
    std::uint32_t page_;
    std::vector<std::string> pending_notes_;
};

NumFormat note_format(const Node &settings, const Node &sect, const char *pr, NumFormat fallback) {
    for (Node n : {sect.child(pr), settings.child(pr)})
        if (Node f = n.child("w:numFmt"))
            return word_num_format(f.attribute("w:val").value());
    return fallback;
}

void read_notes(DocxWalker &walker, const Node &root, const char *element, NoteSet &notes) {
    for (Node note : root.children(element)) {
        std::string_view type = note.attribute("w:type").value();
        if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice")
            continue;
        notes.text[note.attribute("w:id").as_int(-1)] = walker.note_text(note);
    }
}

void read_core(const Node &core, Layout &layout) {
    layout.title = clean_block_text(core.child("dc:title").text().get());
    layout.lang = clean_block_text(core.child("dc:language").text().get());
}

} // namespace

Result<Layout> read_docx(std::string_view bytes, const ReadLimits &limits) {
    auto zip = ZipArchive::open(bytes);
    if (!zip)
        return zip.error();
    Layout layout;
    XmlPart document, styles_part, numbering_part, footnotes_part, endnotes_part, settings, core;
    struct Want {
        const char *name;
        XmlPart *part;
        PartNeed need;
    };
    for (const Want &w : {Want{"word/document.xml", &document, PartNeed::required},
                          Want{"word/styles.xml", &styles_part, PartNeed::optional},
                          Want{"word/numbering.xml", &numbering_part, PartNeed::optional},
                          Want{"word/footnotes.xml", &footnotes_part, PartNeed::optional},
                          Want{"word/endnotes.xml", &endnotes_part, PartNeed::optional},
                          Want{"word/settings.xml", &settings, PartNeed::optional},
                          Want{"docProps/core.xml", &core, PartNeed::optional}})
        if (auto error =
                load_xml_part(zip.value(), w.name, limits, w.need, malformed, *w.part, layout))
            return *error;

    Node body = document.doc.child("w:document").child("w:body");
    if (!body)
        return read_failure(malformed, "word/document.xml has no w:document/w:body");
    WordStyles styles(styles_part.doc.child("w:styles"));
    WordNumberer numberer(parse_word_numbering(numbering_part.doc.child("w:numbering")));
    Node settings_root = settings.doc.child("w:settings"), sect = body.child("w:sectPr");
    NoteSet footnotes, endnotes;
    footnotes.format = note_format(settings_root, sect, "w:footnotePr", NumFormat::decimal);
    endnotes.format = note_format(settings_root, sect, "w:endnotePr", NumFormat::lower_roman);

    PageMarks marks = find_page_marks(body);
    DocxWalker walker(layout, styles, numberer, footnotes, endnotes, marks);
    read_notes(walker, footnotes_part.doc.child("w:footnotes"), "w:footnote", footnotes);
    read_notes(walker, endnotes_part.doc.child("w:endnotes"), "w:endnote", endnotes);
    walker.body(body);
    if (marks != PageMarks::none)
        layout.pages = walker.last_page();

    read_core(core.doc.child("cp:coreProperties"), layout);
    if (layout.lang.empty())
        layout.lang = choose_lang(styles.lang, styles.bidi_lang, layout.blocks);
    return layout;
}

} // namespace mahdar
