#include "write/passage_ids.h"

#include "write/index_writer_impl.h"

#include <set>

namespace mahdar {

namespace {

// The source term (XF…) of passage `id`, or "" if it has none.
std::string source_of(const Xapian::Database& db, Xapian::docid id) {
    const std::string prefix(schema::source);
    Xapian::TermIterator t = db.termlist_begin(id);
    t.skip_to(prefix);
    if (t == db.termlist_end(id) || (*t).compare(0, prefix.size(), prefix) != 0) return {};
    return *t;
}

} // namespace

std::string id_of_term(const std::string& id_term) { return id_term.substr(schema::id.size()); } // one letter: no ':'

std::string other_source(const Xapian::Database& db, const std::string& id_term, const std::string& xf) {
    Xapian::PostingIterator p = db.postlist_begin(id_term);
    if (p == db.postlist_end(id_term)) return {};
    std::string theirs = source_of(db, *p);
    return theirs == xf ? std::string() : theirs;
}

void FilesBySource::add(const std::string& key, const std::string& shown) { files_[source_term(key)] = {shown, true, true}; }

FilesBySource::File FilesBySource::find(const Xapian::Database& db, const std::string& xf) {
    if (auto it = files_.find(xf); it != files_.end() || loaded_) return it != files_.end() ? it->second : File{};
    for (const auto& key : file_record_keys(db))
        files_.try_emplace(source_term(key), File{path_of_file_key(key), false, true});
    loaded_ = true;
    auto it = files_.find(xf);
    return it != files_.end() ? it->second : File{};
}

bool holds_id(const FilesBySource::File& holder) {
    if (!holder.known) return true; // a passage of no recorded file: kept, to be safe
    std::error_code ec;
    return holder.this_run || std::filesystem::exists(holder.path, ec) || ec;
}

std::string id_refusal(const std::string& file, const std::string& id, const std::string& holder) {
    return file + ": passage id \"" + id + "\" is already used by a passage of " + holder +
           " (use another \"id\" in one of the files); passage skipped";
}

void drop_duplicate_ids(Xapian::WritableDatabase& db, const std::vector<std::filesystem::path>& files,
                        IndexReport& report) {
    std::unordered_map<std::string, std::size_t> order; // source term → position in `files`
    for (std::size_t i = 0; i < files.size(); ++i) order.try_emplace(source_term(file_key(files[i])), i);
    auto shown = [&files](std::size_t i) { return i < files.size() ? files[i].string() : "another file"; };
    const std::string prefix(schema::id);
    std::vector<Xapian::docid> drop;
    std::set<std::size_t> refused;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        if (t.get_termfreq() < 2) continue;
        std::set<std::pair<std::size_t, Xapian::docid>> holders; // (file order, passage), first first
        for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
            auto it = order.find(source_of(db, *p));
            holders.emplace(it == order.end() ? files.size() : it->second, *p);
        }
        const std::size_t first = holders.begin()->first;
        for (auto h = std::next(holders.begin()); h != holders.end(); ++h) {
            report.problems.push_back(id_refusal(shown(h->first), id_of_term(*t), shown(first)));
            refused.insert(h->first);
            drop.push_back(h->second);
        }
    }
    for (Xapian::docid id : drop) db.delete_document(id);
    report.passages -= std::min(report.passages, drop.size());
    for (std::size_t i : refused) {
        if (i >= files.size()) continue;
        std::string key = file_key(files[i]);
        FileRecord record = read_file_record(db, key);
        record.content_hash.clear(); // read again next run
        write_file_record(db, key, record);
    }
}

} // namespace mahdar
