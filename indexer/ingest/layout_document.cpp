#include "ingest/layout_document.h"

#include "common/strings.h"
#include "ingest/reports.h"

namespace mahdar {
namespace {

bool listed(BlockKind k) { return k == BlockKind::item || k == BlockKind::row; }

std::string title_of(const Layout& layout) {
    if (count_words(layout.title) >= 2) return std::string(trim(layout.title));
    const Block* first_long = nullptr;
    for (const auto& b : layout.blocks) {
        if (b.kind != BlockKind::heading) continue;
        if (b.level == 1) return b.text;
        if (!first_long && count_words(b.text) >= 3) first_long = &b;
    }
    return first_long ? first_long->text : std::string();
}

} // namespace

Document layout_document(const Layout& layout, const std::string& doc_id) {
    Document doc;
    doc.doc_id = doc_id;
    doc.title = title_of(layout);
    std::string section;
    std::uint32_t line = 0;
    BlockKind previous = BlockKind::heading;
    for (const auto& b : layout.blocks) {
        line += listed(b.kind) && previous == b.kind ? 1 : 2;
        previous = b.kind;
        std::string text(trim(b.text));
        if (text.empty()) continue;
        if (b.kind == BlockKind::heading) {
            section = text;
            doc.headings.push_back({line, text});
            continue;
        }
        Passage p;
        p.line = line;
        p.page = b.page;
        p.note = b.kind == BlockKind::note;
        p.section = section;
        p.text = std::move(text);
        p.para = b.number;
        if (b.kind == BlockKind::paragraph && p.para.empty()) take_paragraph_number(p);
        if (p.text.empty()) continue;
        p.doc_id = doc_id;
        p.doc_title = doc.title;
        p.ordinal = static_cast<std::uint32_t>(doc.passages.size());
        p.id = doc_id + ":" + std::to_string(p.ordinal);
        doc.passages.push_back(std::move(p));
    }
    return doc;
}

} // namespace mahdar
