// read_html (ingest/readers.h): libxml2's forgiving HTML parser, then the main text of the page
// walked in order. The page's chrome (menus, banners, cookie notices, related links, footers,
// scripts) is left out by element and ARIA role, and the article is preferred to the body.
#include "ingest/readers.h"

#include "common/strings.h"
#include "common/utf8.h"
#include "ingest/block_text.h"
#include "ingest/html_page.h"
#include "ingest/list_numbering.h"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>

namespace mahdar {

namespace {

using Node = xmlNode;

std::string_view name_of(const Node *node) {
    return node->name ? reinterpret_cast<const char *>(node->name) : "";
}

bool is_element(const Node *node) {
    return node->type == XML_ELEMENT_NODE;
}

// The value of an attribute (libxml2's HTML parser lower-cases names); "" for a boolean
// attribute such as `hidden`; nullopt when absent.
std::optional<std::string_view> attr(const Node *node, const char *name) {
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        if (std::strcmp(reinterpret_cast<const char *>(a->name), name) != 0)
            continue;
        if (a->children && a->children->content)
            return std::string_view(reinterpret_cast<const char *>(a->children->content));
        return std::string_view();
    }
    return std::nullopt;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), s) != names.end();
}

// Not the page's text: code, embedded content, controls, and the chrome around the article.
// `header` is chrome only outside an article or section (inside one it holds the headline).
bool is_chrome(const Node *node, bool in_section) {
    std::string_view name = name_of(node);
    if (one_of(name, {"script", "style",    "noscript", "nav",   "footer", "aside",
                      "form",   "iframe",   "template", "svg",   "math",   "button",
                      "select", "textarea", "object",   "embed", "canvas", "dialog",
                      "head",   "meta",     "link",     "title"}))
        return true;
    if (name == "header" && !in_section)
        return true;
    if (attr(node, "hidden"))
        return true;
    if (auto hidden = attr(node, "aria-hidden"); hidden && lower(*hidden) == "true")
        return true;
    if (auto style = attr(node, "style")) {
        std::string s = lower(*style);
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        if (s.find("display:none") != std::string::npos)
            return true;
    }
    if (auto role = attr(node, "role"))
        return one_of(lower(*role), {"navigation", "banner", "contentinfo", "search", "dialog",
                                     "alertdialog", "complementary"});
    return false;
}

bool is_block(std::string_view name) {
    return one_of(name, {"p",      "div",        "blockquote", "section", "article",  "main",
                         "ul",     "ol",         "dl",         "dd",      "dt",       "pre",
                         "figure", "figcaption", "address",    "table",   "thead",    "tbody",
                         "tfoot",  "caption",    "details",    "summary", "fieldset", "legend",
                         "center", "hr",         "header",     "body",    "html",     "li",
                         "tr",     "h1",         "h2",         "h3",      "h4",       "h5",
                         "h6"});
}

int heading_level(std::string_view name) {
    return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' ? name[1] - '0'
                                                                                  : 0;
}

// An <ol>'s numbering: start, type and reversed, as browsers draw it.
struct OrderedList {
    std::int64_t next = 1;
    int step = 1;
    NumFormat format = NumFormat::decimal;
};

OrderedList ordered_list(const Node *ol) {
    OrderedList list;
    auto type = attr(ol, "type").value_or("1");
    list.format = odf_num_format(type.empty() ? "1" : type); // the same letters as ODF's
    if (attr(ol, "reversed")) {
        list.step = -1;
        list.next = 0;
        for (const Node *c = ol->children; c; c = c->next)
            if (is_element(c) && name_of(c) == "li")
                ++list.next;
    }
    if (auto start = attr(ol, "start"))
        list.next = std::atoll(std::string(*start).c_str());
    return list;
}

class HtmlWalker {
  public:
    explicit HtmlWalker(Layout &layout) : layout_(layout) {}

    void walk(const Node *node, bool in_section) {
        Nesting nesting(depth_);
        if (nesting.too_deep())
            return skip_deep();

        for (const Node *child = node->children; child; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                if (child->content)
                    buffer_ += reinterpret_cast<const char *>(child->content);
                continue;
            }
            if (!is_element(child) || is_chrome(child, in_section))
                continue;
            std::string_view name = name_of(child);
            bool section = in_section || one_of(name, {"article", "section", "main"});
            if (name == "br")
                buffer_ += ' ';
            else if (name == "tr")
                row(child, section);
            else if (name == "ol")
                ordered(child, section);
            else if (is_block(name))
                block(child, section, kind_of(name), heading_level(name), "");
            else
                walk(child, section); // inline: span, a, strong, em, td outside a row…
        }
    }

    void flush() {
        Block block;
        block.kind = current_.kind;
        block.level = current_.level;
        block.text = clean_block_text(buffer_);
        buffer_.clear();
        if (!has_word_character(block.text))
            return;
        block.number = std::move(current_.number);
        current_.number.clear();
        layout_.blocks.push_back(std::move(block));
    }

  private:
    void skip_deep() {
        if (!warned_deep_)
            layout_.warnings.emplace_back(too_deep_warning);
        warned_deep_ = true;
    }

    struct Current {
        BlockKind kind = BlockKind::paragraph;
        int level = 0;
        std::string number;
    };

    static BlockKind kind_of(std::string_view name) {
        if (heading_level(name))
            return BlockKind::heading;
        if (name == "li")
            return BlockKind::item;
        return BlockKind::paragraph;
    }

    void block(const Node *node, bool section, BlockKind kind, int level, std::string number) {
        flush();
        Current outer = std::move(current_);
        current_ = {kind, level, std::move(number)};
        walk(node, section);
        flush();
        current_ = std::move(outer);
    }

    // Items of an <ol> are numbered paragraphs, as Word's numbered paragraphs are.
    void ordered(const Node *ol, bool section) {
        flush();
        OrderedList list = ordered_list(ol);
        for (const Node *li = ol->children; li; li = li->next) {
            if (!is_element(li) || is_chrome(li, section))
                continue;
            if (name_of(li) != "li") {
                block(li, section, BlockKind::paragraph, 0, "");
                continue;
            }
            if (auto value = attr(li, "value"))
                list.next = std::atoll(std::string(*value).c_str());
            std::string number =
                list.next > 0 ? format_number(static_cast<std::uint32_t>(list.next), list.format)
                              : std::to_string(list.next);
            list.next += list.step;
            block(li, section, BlockKind::paragraph, 0, number);
        }
    }

    void row(const Node *tr, bool section) {
        flush();
        std::string text;
        bool first = true;
        for (const Node *cell = tr->children; cell; cell = cell->next) {
            if (!is_element(cell) || !one_of(name_of(cell), {"td", "th"}) ||
                is_chrome(cell, section))
                continue;
            HtmlWalker inner(layout_);
            inner.gather(cell, section);
            if (!first)
                text += " | ";
            text += clean_block_text(inner.buffer_);
            first = false;
        }
        Block block;
        block.kind = BlockKind::row;
        block.text = std::move(text);
        if (has_word_character(block.text))
            layout_.blocks.push_back(std::move(block));
    }

    // All the text under `node` in one buffer (a table cell: its paragraphs and lists too).
    void gather(const Node *node, bool section) {
        Nesting nesting(depth_);
        if (nesting.too_deep())
            return skip_deep();

        for (const Node *child = node->children; child; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                if (child->content)
                    buffer_ += reinterpret_cast<const char *>(child->content);
            } else if (is_element(child) && !is_chrome(child, section)) {
                if (is_block(name_of(child)) || name_of(child) == "br")
                    buffer_ += ' ';
                gather(child, section);
            }
        }
    }

    Layout &layout_;
    int depth_ = 0;
    bool warned_deep_ = false;
    std::string buffer_;
    Current current_;
};

struct DocFree {
    void operator()(xmlDoc *doc) const { xmlFreeDoc(doc); }
};

const Node *find_element(const Node *node, bool (*wanted)(const Node *), int depth = 0) {
    if (depth > Nesting::max_depth)
        return nullptr;
    for (const Node *child = node ? node->children : nullptr; child; child = child->next) {
        if (!is_element(child))
            continue;
        if (wanted(child))
            return child;
        if (is_chrome(child, false) && name_of(child) != "head")
            continue;
        if (const Node *found = find_element(child, wanted, depth + 1))
            return found;
    }
    return nullptr;
}

// The page's main text: <main> or role="main", else the first <article>, else <body>.
const Node *main_root(const Node *html) {
    if (const Node *m = find_element(html, [](const Node *n) {
            return name_of(n) == "main" || lower(attr(n, "role").value_or("")) == "main";
        }))
        return m;
    if (const Node *a = find_element(html, [](const Node *n) { return name_of(n) == "article"; }))
        return a;
    if (const Node *b = find_element(html, [](const Node *n) { return name_of(n) == "body"; }))
        return b;
    return html;
}

std::string text_of(const Node *node, int depth = 0) {
    std::string out;
    for (const Node *c = node->children; c && depth <= Nesting::max_depth; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content)
            out += reinterpret_cast<const char *>(c->content);
        else if (is_element(c))
            out += " " + text_of(c, depth + 1);
    }
    return clean_block_text(out);
}

} // namespace

Result<Layout> read_html(std::string_view bytes) {
    if (trim(bytes).empty())
        return read_failure("no text", "empty file");
    if (looks_binary(bytes))
        return read_failure("no text", "binary data, not HTML");
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        return read_failure("too large", "over 2 GiB");
    std::string encoding = sniff_encoding(bytes);
    std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
        bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding.c_str(),
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    const Node *html = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!html)
        return read_failure("no text", "nothing the HTML parser could read");

    Layout layout;
    const Node *root = main_root(reinterpret_cast<const Node *>(doc.get()));
    HtmlWalker walker(layout);
    // Walking <main> or an <article>, a <header> is the article's (its headline), not the site's.
    bool in_section = root != html && name_of(root) != "body";
    walker.walk(root, in_section);
    walker.flush();
    if (layout.blocks.empty())
        return read_failure("no text", "no readable text in the page");

    if (const Node *t = find_element(html, [](const Node *n) { return name_of(n) == "title"; }))
        layout.title = page_title(text_of(t));
    if (layout.title.empty())
        for (const Block &b : layout.blocks)
            if (b.kind == BlockKind::heading && b.level == 1) {
                layout.title = b.text;
                break;
            }
    auto lang = attr(html, "lang");
    if (!lang)
        lang = attr(html, "xml:lang");
    layout.lang = clean_block_text(lang.value_or(""));
    return layout;
}

} // namespace mahdar
