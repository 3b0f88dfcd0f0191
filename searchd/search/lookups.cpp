// The lookups beside search: a passage with its neighbours, a document, a facet's values, health.
#include "format/document_builder.h"
#include "format/record.h"
#include "format/schema.h"
#include "search/searcher.h"
#include "search/snippets.h"

#include <algorithm>

namespace mahdar {
namespace s = schema;

std::vector<Passage> document_passages(Xapian::Database& db, const std::string& doc_id) {
    std::vector<Passage> out;
    std::string term = s::term(s::parent, doc_id);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
        out.push_back(read_passage(db.get_document(*it)));
    std::sort(out.begin(), out.end(), [](const Passage& a, const Passage& b) { return a.ordinal < b.ordinal; });
    return out;
}

Result<PassageView> get_passage(Context& c, const std::string& id) {
    std::string term = s::term(s::id, id);
    auto it = c.db.postlist_begin(term);
    if (it == c.db.postlist_end(term)) return not_found("no passage with id \"" + id + "\"");
    PassageView v;
    v.passage = read_passage(c.db.get_document(*it));
    std::string parent = s::term(s::parent, v.passage.doc_id);
    for (auto p = c.db.postlist_begin(parent); p != c.db.postlist_end(parent); ++p) {
        Xapian::Document d = c.db.get_document(*p);
        std::uint32_t ordinal = read_ordinal(d);
        if (ordinal + 1 != v.passage.ordinal && ordinal != v.passage.ordinal + 1) continue;
        std::string other = read_passage(d).id;
        (ordinal < v.passage.ordinal ? v.prev_id : v.next_id) = other;
    }
    v.aligned = aligned_passages(c.db, v.passage);
    return v;
}

Result<DocumentView> get_document(Context& c, const std::string& doc_id) {
    std::optional<DocumentRecord> record = read_document_record(c.db, doc_id);
    if (!record) return not_found("no document with id \"" + doc_id + "\"");
    DocumentView v;
    v.record = std::move(*record);
    v.passages = document_passages(c.db, doc_id);
    v.versions = read_versions(c.db, doc_id);
    return v;
}

bool has_passage(Context& c, const std::string& id) { return c.db.term_exists(s::term(s::id, id)); }

void mark_words(PassageView& v, const Highlight& marks, Analyzer& analyzer) {
    v.text_html = marked_html(v.passage.text, v.passage.lang.value_or(Lang::en), marks, analyzer);
}

void mark_words(DocumentView& v, const Highlight& marks, Analyzer& analyzer) {
    v.text_html.clear();
    for (const auto& p : v.passages) v.text_html.push_back(marked_html(p.text, p.lang.value_or(Lang::en), marks, analyzer));
}

std::vector<DocumentRecord> documents_with_symbol(Context& c, const std::string& symbol) {
    std::vector<std::string> ids;
    std::string term = s::term(s::symbol, symbol);
    for (auto it = c.db.postlist_begin(term); it != c.db.postlist_end(term); ++it)
        ids.push_back(c.db.get_document(*it).get_value(s::slot_doc));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<DocumentRecord> out;
    for (const auto& id : ids)
        if (auto r = read_document_record(c.db, id)) out.push_back(std::move(*r));
    return out;
}

std::vector<FacetValue> list_facet(Context& c, Facet f, const std::string& prefix, Lang ui, const Labels& labels) {
    FacetCounter counter({f}, c.columns);
    if (c.columns) {
        counter.count_all();
    } else {
        Xapian::Enquire e(c.db);
        e.set_query(Xapian::Query::MatchAll);
        counter.attach(e);
        e.get_mset(0, 0, c.db.get_doccount());
    }
    return with_prefix(counter.values(f, labels, ui), prefix);
}

std::vector<FacetValue> with_prefix(std::vector<FacetValue> all, const std::string& prefix) {
    if (prefix.empty()) return all;
    std::string want = speaker_key(prefix);
    std::vector<FacetValue> out;
    for (auto& v : all) {
        for (const std::string& text : {v.label, v.value}) {
            std::string key = speaker_key(text);
            size_t at = key.find(want);
            if (at != std::string::npos && (at == 0 || key[at - 1] == '_')) {
                out.push_back(v);
                break;
            }
        }
    }
    return out;
}

HealthView health(Context& c) {
    HealthView h;
    h.passages = c.db.get_doccount();
    std::string prefix(s::parent);
    for (auto it = c.db.allterms_begin(prefix); it != c.db.allterms_end(prefix); ++it) ++h.documents;
    try {
        h.revision = c.db.get_revision();
    } catch (const Xapian::Error&) { // a stub of several shards, or a remote database: no single revision
    }
    return h;
}

} // namespace mahdar
