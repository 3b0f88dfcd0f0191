#include "write/version_pass.h"

#include "format/record.h"
#include "format/schema.h"
#include "format/versions.h"
#include "text/alignment.h"
#include "text/version_match.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace mahdar {
namespace {

// The order in which a reason to link wins over another.
int rank_of(const std::string& how) {
    static const std::map<std::string, int> ranks{{"symbol", 0}, {"field", 1}, {"name", 2}, {"content", 3}};
    auto it = ranks.find(how);
    return it == ranks.end() ? 9 : it->second;
}

struct Edge {
    std::string how;
    double score = 1;
};

using Pair = std::pair<std::string, std::string>; // a < b

Pair pair_of(const std::string& x, const std::string& y) { return x < y ? Pair{x, y} : Pair{y, x}; }

class Linker {
public:
    explicit Linker(Xapian::WritableDatabase& db) : db_(db) {
        std::string prefix(schema::meta_doc);
        for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
            auto r = decode_document(db.get_metadata(*it));
            if (!r.doc_id.empty()) docs_.emplace(r.doc_id, std::move(r));
        }
        for (const auto& [id, r] : docs_) {
            stamps_[id] = read_file_record(db, file_record_key(r.source)).content_hash + "|" + std::to_string(r.passages);
            if (stamps_[id] != read_version_stamp(db, id)) changed_.insert(id);
        }
        // Content links of earlier runs between documents unchanged since stay; a document that
        // lost one looks for a version again.
        for (const auto& [id, r] : docs_)
            for (const auto& v : read_versions(db, id)) {
                bool there = docs_.count(v.doc_id) && docs_.at(v.doc_id).lang == v.lang;
                if (there && !changed_.count(id) && !changed_.count(v.doc_id)) old_links_.insert(pair_of(id, v.doc_id));
                if (v.how == "content" && there && !changed_.count(id) && !changed_.count(v.doc_id))
                    kept_content_.emplace_back(id, v.doc_id, v.score);
                else if (!there || v.how == "content") changed_.insert(id);
            }
    }

    void link_by_keys() {
        std::map<std::string, std::vector<std::string>> by_symbol, by_name;
        for (const auto& [id, r] : docs_) {
            if (!r.symbol.empty()) by_symbol[r.symbol].push_back(id);
            if (r.format != "jsonl" && !r.source.empty())
                if (auto key = version_name_key(r.source); !key.empty()) by_name[key].push_back(id);
            if (!r.version_of.empty() && docs_.count(r.version_of)) add(id, r.version_of, {"field", 1});
        }
        for (const auto* groups : {&by_symbol, &by_name})
            for (const auto& [key, ids] : *groups)
                for (std::size_t i = 0; i < ids.size(); ++i)
                    for (std::size_t j = i + 1; j < ids.size(); ++j)
                        add(ids[i], ids[j], {groups == &by_symbol ? "symbol" : "name", 1});
        close_groups();
    }

    // Same-date documents in other languages that nothing links yet, each the other's best.
    void link_by_content() {
        for (const auto& [a, b, score] : kept_content_) add(a, b, {"content", score});
        std::map<std::string, std::vector<std::string>> by_date;
        for (const auto& [id, r] : docs_)
            if (!r.date.empty()) by_date[r.date].push_back(id);
        for (const auto& [date, ids] : by_date) {
            std::map<std::string, double> best; // doc + '\n' + lang → best score there
            std::vector<std::tuple<std::string, std::string, double>> scored;
            for (std::size_t i = 0; i < ids.size(); ++i)
                for (std::size_t j = i + 1; j < ids.size(); ++j) {
                    const auto &a = docs_.at(ids[i]), &b = docs_.at(ids[j]);
                    if (a.lang == b.lang || has_lang(a.doc_id, b.lang) || has_lang(b.doc_id, a.lang)) continue;
                    if (!changed_.count(a.doc_id) && !changed_.count(b.doc_id)) continue; // weighed before
                    double s = content_score(sketch(a), sketch(b));
                    scored.emplace_back(a.doc_id, b.doc_id, s);
                    for (auto key : {a.doc_id + "\n" + std::string(lang_code(b.lang)), b.doc_id + "\n" + std::string(lang_code(a.lang))})
                        best[key] = std::max(best[key], s);
                }
            for (const auto& [a, b, s] : scored)
                if (s >= content_link_threshold && s == best[a + "\n" + std::string(lang_code(docs_.at(b).lang))] &&
                    s == best[b + "\n" + std::string(lang_code(docs_.at(a).lang))] && !has_lang(a, docs_.at(b).lang) &&
                    !has_lang(b, docs_.at(a).lang))
                    add(a, b, {"content", s});
            for (const auto& id : ids) sketches_.erase(id); // a document is weighed within its date only
        }
    }

    std::size_t write() {
        std::set<std::string> keep;
        std::map<std::string, std::vector<VersionLink>> links;
        for (const auto& [pair, edge] : edges_) {
            const auto &a = docs_.at(pair.first), &b = docs_.at(pair.second);
            links[a.doc_id].push_back({b.lang, b.doc_id, edge.how, edge.score});
            links[b.doc_id].push_back({a.lang, a.doc_id, edge.how, edge.score});
            bool aligned_before = old_links_.count(pair) && !db_.get_metadata(alignment_key(a.doc_id, b.doc_id)).empty();
            if (!aligned_before) write_alignment(db_, a.doc_id, b.doc_id, align(a.doc_id, b.doc_id));
            keep.insert(alignment_key(a.doc_id, b.doc_id));
        }
        for (auto& [id, list] : links) {
            std::sort(list.begin(), list.end(), [](const VersionLink& x, const VersionLink& y) { return lang_code(x.lang) < lang_code(y.lang); });
            write_versions(db_, id, list);
            keep.insert(versions_key(id));
        }
        for (const auto& [id, stamp] : stamps_) {
            write_version_stamp(db_, id, stamp);
            keep.insert(version_stamp_key(id));
        }
        for (const auto& key : version_metadata_keys(db_))
            if (!keep.count(key)) db_.set_metadata(key, "");
        return edges_.size();
    }

private:
    bool has_lang(const std::string& id, Lang lang) const {
        auto it = langs_.find(id);
        return it != langs_.end() && it->second.count(lang);
    }

    // Adds a link unless one of the two already has a version in the other's language (by a
    // stronger reason: keys are added strongest first).
    void add(const std::string& x, const std::string& y, Edge e) {
        const auto &a = docs_.at(x), &b = docs_.at(y);
        if (x == y || a.lang == b.lang) return;
        Pair p = x < y ? Pair{x, y} : Pair{y, x};
        if (auto it = edges_.find(p); it != edges_.end()) {
            if (rank_of(e.how) < rank_of(it->second.how)) it->second = e;
            return;
        }
        if (has_lang(x, b.lang) || has_lang(y, a.lang)) return;
        edges_.emplace(p, e);
        langs_[x].insert(b.lang);
        langs_[y].insert(a.lang);
    }

    // Versions of one text linked through a third (fr → en ← ar by version_of) are linked to
    // each other too, by the weaker of the two reasons.
    void close_groups() {
        for (bool grew = true; grew;) {
            grew = false;
            std::map<std::string, std::vector<std::pair<std::string, Edge>>> next_to;
            for (const auto& [p, e] : edges_) {
                next_to[p.first].emplace_back(p.second, e);
                next_to[p.second].emplace_back(p.first, e);
            }
            for (const auto& [shared, around] : next_to)
                for (std::size_t i = 0; i < around.size(); ++i)
                    for (std::size_t j = i + 1; j < around.size(); ++j) {
                        const auto& [x, e1] = around[i];
                        const auto& [y, e2] = around[j];
                        std::size_t before = edges_.size();
                        add(x, y, rank_of(e1.how) > rank_of(e2.how) ? e1 : e2);
                        grew = grew || edges_.size() != before;
                    }
        }
    }

    // A document's passages in order, read each time: kept, they were the whole index in
    // memory at the end of a large load (every document has same-date others to weigh).
    std::vector<Passage> passages(const std::string& id) {
        std::vector<Passage> out;
        std::string term = schema::term(schema::parent, id);
        for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) out.push_back(read_passage(db_.get_document(*p)));
        std::sort(out.begin(), out.end(), [](const Passage& a, const Passage& b) { return a.ordinal < b.ordinal; });
        return out;
    }

    const ContentSketch& sketch(const DocumentRecord& r) {
        auto [it, fresh] = sketches_.try_emplace(r.doc_id);
        if (fresh) {
            it->second.date = r.date;
            for (const auto& p : passages(r.doc_id)) {
                std::string_view text = p.text;
                if (!p.para.empty() && text.substr(0, p.para.size()) == p.para) text.remove_prefix(p.para.size());
                add_to_sketch(it->second, text);
            }
        }
        return it->second;
    }

    std::vector<StoredBead> align(const std::string& a, const std::string& b) {
        auto items = [](const std::vector<Passage>& passages) {
            std::vector<AlignItem> out;
            for (const auto& p : passages) out.push_back({p.text, p.para});
            return out;
        };
        const auto pa = passages(a), pb = passages(b);
        std::vector<StoredBead> out;
        for (const auto& bead : align_paragraphs(items(pa), items(pb))) {
            StoredBead s;
            for (auto i : bead.a) s.a.push_back(pa[i].ordinal);
            for (auto j : bead.b) s.b.push_back(pb[j].ordinal);
            s.score = bead.score;
            out.push_back(std::move(s));
        }
        return out;
    }

    Xapian::WritableDatabase& db_;
    std::map<std::string, DocumentRecord> docs_;
    std::map<Pair, Edge> edges_;
    std::map<std::string, std::set<Lang>> langs_; ///< the languages each document is linked to
    std::map<std::string, std::string> stamps_;  ///< each document's stamp now
    std::set<std::string> changed_;               ///< new, changed, or lost a version since the last pass
    std::set<Pair> old_links_;                    ///< links of the last pass between unchanged documents
    std::vector<std::tuple<std::string, std::string, double>> kept_content_;
    std::map<std::string, ContentSketch> sketches_;
};

} // namespace

std::size_t link_versions(Xapian::WritableDatabase& db) {
    Linker linker(db);
    linker.link_by_keys();
    linker.link_by_content();
    std::size_t linked = linker.write();
    if (!versions_linked(db)) db.set_metadata(std::string(schema::meta_versions_linked), "1");
    return linked;
}

bool versions_linked(const Xapian::Database& db) {
    return db.get_metadata(std::string(schema::meta_versions_linked)) == "1";
}

} // namespace mahdar
