// IndexWriter::remove(): taking documents out of the index by id, symbol or source file.
#include "write/index_writer_impl.h"
#include "write/speaker_pass.h"
#include "write/version_pass.h"

#include "text/un_symbol.h"

#include <algorithm>
#include <set>

namespace mahdar {
namespace fs = std::filesystem;

namespace {

// The documents whose passages carry the UN symbol `written` (any spelling); none when it is
// not a symbol.
std::set<std::string> documents_with_symbol(const Xapian::Database& db, const std::string& written) {
    std::set<std::string> out;
    auto symbol = canonical_symbol(written);
    if (!symbol) return out;
    const std::string term = schema::term(schema::symbol, *symbol);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
        out.insert(db.get_document(*it).get_value(schema::slot_doc));
    return out;
}

// Deletes every passage of `doc_id` and its record; the file it came from keeps its content
// hash, so an unchanged file does not bring the document back. Returns the passages deleted.
std::size_t remove_document(Xapian::WritableDatabase& db, const std::string& doc_id) {
    auto record = read_document_record(db, doc_id);
    const std::string parent = schema::term(schema::parent, doc_id);
    std::size_t passages = db.get_termfreq(parent);
    db.delete_document(parent);
    remove_document_record(db, doc_id);
    if (record && !record->source.empty()) {
        std::string key = file_key(record->source);
        FileRecord file = read_file_record(db, key);
        auto& ids = file.doc_ids;
        ids.erase(std::remove(ids.begin(), ids.end(), doc_id), ids.end());
        if (!file.empty()) write_file_record(db, key, file);
    }
    return passages;
}

} // namespace

std::vector<Removal> IndexWriter::remove(const std::vector<std::string>& targets) {
    Xapian::WritableDatabase& db = impl_->db;
    std::vector<Removal> out;
    db.begin_transaction(false); // all targets and the speaker passes in one commit
    for (const auto& target : targets) {
        Removal r{target, {}, 0, false};
        if (read_document_record(db, target)) {
            r.passages = remove_document(db, target);
            r.doc_ids.push_back(target);
        } else if (auto with_symbol = documents_with_symbol(db, target); !with_symbol.empty()) {
            for (const auto& doc_id : with_symbol) {
                r.passages += remove_document(db, doc_id);
                r.doc_ids.push_back(doc_id);
            }
        } else if (std::string key = file_key(target); !read_file_record(db, key).empty()) {
            r.doc_ids = read_file_record(db, key).doc_ids;
            r.passages = db.get_termfreq(source_term(key));
            impl_->remove_file(key);
            std::error_code ec;
            r.file_remains = fs::exists(target, ec);
        }
        out.push_back(std::move(r));
    }
    bool any = std::any_of(out.begin(), out.end(), [](const Removal& r) { return !r.doc_ids.empty(); });
    if (any) {
        unify_speakers(db, impl_->extractor.speakers().name_rules());
        link_speaker_scripts(db);
        link_versions(db);
    }
    db.commit_transaction();
    db.commit();
    return out;
}

} // namespace mahdar
