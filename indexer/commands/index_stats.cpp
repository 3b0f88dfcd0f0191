#include "commands/index_stats.h"

#include "commands/index_disk.h"
#include "format/document_builder.h"
#include "format/record.h"
#include "format/schema.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

namespace mahdar {

namespace fs = std::filesystem;
namespace s = schema;

namespace {

using Tally = std::map<std::string, StatsRow>;

// The value of a term made by schema::term(prefix, value).
std::string term_value(std::string_view prefix, const std::string& term) {
    std::string v = term.substr(prefix.size());
    if (prefix.size() > 1 && v.size() > 1 && v[0] == ':' && v[1] >= 'A' && v[1] <= 'Z') v.erase(0, 1);
    return v;
}

// Each term with `prefix`: its value and how many passages hold it.
std::vector<std::pair<std::string, Xapian::doccount>> term_counts(const Xapian::Database& db,
                                                                 std::string_view prefix) {
    std::vector<std::pair<std::string, Xapian::doccount>> out;
    const std::string p(prefix);
    for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t)
        out.emplace_back(term_value(prefix, *t), t.get_termfreq());
    return out;
}

// Rows in value order; "" (none) last.
std::vector<StatsRow> rows_of(const Tally& tally) {
    std::vector<StatsRow> out;
    for (const auto& [value, row] : tally)
        if (!value.empty()) out.push_back(row);
    if (auto none = tally.find(""); none != tally.end()) out.push_back(none->second);
    return out;
}

// Most passages first (then value order); "" (none) stays last; at most `n` rows.
std::vector<StatsRow> by_passages(std::vector<StatsRow> rows, std::size_t n = SIZE_MAX) {
    std::stable_sort(rows.begin(), rows.end(), [](const StatsRow& a, const StatsRow& b) {
        if (a.value.empty() != b.value.empty()) return b.value.empty();
        return a.passages > b.passages;
    });
    if (rows.size() > n) rows.resize(n);
    return rows;
}

StatsRow& row(Tally& tally, const std::string& value) {
    StatsRow& r = tally[value];
    r.value = value;
    return r;
}

// "md" for "a/b.en.md", "" for a file without an extension.
std::string extension_of(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

// What the records of the local shards say, by language, year, type and format.
struct RecordTallies {
    Tally languages, years, types, formats;
    std::uint64_t files = 0;
};

// A document's year: its record's date, else its first passage's (a JSON Lines document has
// dates on its passages only); "" when neither has one.
std::string year_of(const Xapian::Database& shard, const DocumentRecord& r) {
    if (!r.date.empty()) return r.date.substr(0, 4);
    const std::string term = s::term(s::parent, r.doc_id);
    auto p = shard.postlist_begin(term);
    if (p == shard.postlist_end(term)) return {};
    return shard.get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(s::slot_date).substr(0, 4);
}

void tally_records(const Xapian::Database& shard, const std::unordered_map<std::string, std::uint64_t>& passages_of,
                   RecordTallies& t) {
    auto passages = [&passages_of](const std::string& doc_id) -> std::uint64_t {
        auto it = passages_of.find(doc_id);
        return it == passages_of.end() ? 0 : it->second;
    };
    const std::string doc_prefix(s::meta_doc);
    for (auto k = shard.metadata_keys_begin(doc_prefix); k != shard.metadata_keys_end(doc_prefix); ++k) {
        auto r = read_document_record(shard, (*k).substr(doc_prefix.size()));
        if (!r) continue;
        ++row(t.languages, std::string(lang_code(r->lang))).documents;
        ++row(t.years, year_of(shard, *r)).documents;
        StatsRow& type = row(t.types, r->type);
        ++type.documents;
        type.passages += passages(r->doc_id);
    }
    for (const auto& key : file_record_keys(shard)) {
        FileRecord f = read_file_record(shard, key);
        StatsRow& format = row(t.formats, extension_of(path_of_file_key(key)));
        ++format.files;
        ++t.files;
        format.documents += f.doc_ids.size();
        for (const auto& id : f.doc_ids) format.passages += passages(id);
    }
}

// The speaker as displayed for `key`: the value slot of one of its passages, the part of a
// joint speaker ("A | B") that has the key; the key itself if none of the first few has it.
std::string speaker_label(const Xapian::Database& db, const std::string& key) {
    const std::string term = s::term(s::speaker, key);
    int looked = 0;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && looked < 20; ++p, ++looked) {
        for (const auto& person : joint_speakers(db.get_document(*p).get_value(s::slot_speaker)))
            if (speaker_key(person) == key) return person;
    }
    return key;
}

// The top speakers. A person linked across scripts has both spellings' terms on all their
// passages (write/speaker_pass.h); they are listed once, under the Latin name, with the
// Arabic spelling beside it.
std::vector<StatsRow> top_speakers(const Xapian::Database& db, std::size_t n) {
    std::set<std::string> arabic_keys;
    std::map<std::string, std::string> arabic_of; // Latin key → Arabic spelling
    for (const auto& [latin, arabic] : read_speaker_scripts(db)) {
        arabic_keys.insert(speaker_key(arabic));
        arabic_of[speaker_key(latin)] = arabic;
    }
    std::vector<StatsRow> rows;
    for (const auto& [key, freq] : term_counts(db, s::speaker))
        if (!arabic_keys.count(key)) rows.push_back({key, "", freq, 0, 0});
    rows = by_passages(std::move(rows), n);
    for (auto& r : rows) {
        r.label = speaker_label(db, r.value);
        if (auto it = arabic_of.find(r.value); it != arabic_of.end()) r.label += " (" + it->second + ")";
    }
    return rows;
}

std::vector<StatsRow> top_labelled(const Xapian::Database& db, std::string_view prefix, std::size_t n,
                                   const std::function<std::string(const std::string&)>& label) {
    std::vector<StatsRow> rows;
    for (const auto& [value, freq] : term_counts(db, prefix)) rows.push_back({value, "", freq, 0, 0});
    rows = by_passages(std::move(rows), n);
    for (auto& r : rows) r.label = label(r.value);
    return rows;
}

// Passages by language and year from the terms, documents from the records.
void add_term_rows(const Xapian::Database& db, RecordTallies& t) {
    for (const auto& [code, freq] : term_counts(db, s::lang)) row(t.languages, code).passages = freq;
    Xapian::doccount dated = 0;
    for (const auto& [year, freq] : term_counts(db, s::year)) {
        row(t.years, year).passages = freq;
        dated += freq;
    }
    if (db.get_doccount() > dated) row(t.years, "").passages = db.get_doccount() - dated;
}

ShardStats shard_stats(const ShardPlace& place) {
    ShardStats out;
    out.location = place.location;
    out.remote = place.remote;
    if (place.remote) return out;
    DiskUse use = disk_use(place.location);
    out.bytes = use.bytes;
    out.modified = use.modified;
    Xapian::Database shard(place.location);
    out.revision = shard.get_revision();
    out.uuid = shard.get_uuid();
    out.schema_version = read_stamp(shard).version;
    return out;
}

// Index-wide figures from the shards': total size, latest change, the first one's schema.
void add_shards(IndexStats& st, const std::vector<ShardPlace>& places) {
    for (const auto& place : places) st.shards.push_back(shard_stats(place));
    for (const auto& sh : st.shards) {
        st.bytes += sh.bytes;
        st.modified = std::max(st.modified, sh.modified);
        if (st.schema_version.empty()) st.schema_version = sh.schema_version;
    }
    if (st.shards.size() == 1) st.revision = st.shards.front().revision;
}

} // namespace

Result<IndexStats> index_stats(const std::string& path, const ReferenceData& reference,
                               const StatsOptions& options) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return not_found(path + ": no such index (the path does not exist)");
    Xapian::Database db;
    try {
        db = Xapian::Database(path);
    } catch (const Xapian::DatabaseOpeningError& e) {
        return not_found(path + ": not a Xapian index (" + e.get_msg() + ")");
    }
    IndexStats st;
    st.path = path;
    st.passages = db.get_doccount();
    st.uuid = db.get_uuid();
    std::unordered_map<std::string, std::uint64_t> passages_of;
    for (const auto& [doc_id, freq] : term_counts(db, s::parent)) passages_of[doc_id] = freq;
    st.documents = passages_of.size();

    auto places = shards_of(path);
    if (places.empty() && db.size() == 1) places = {{path, false}}; // a single-file database (xapian-compact --single-file)
    add_shards(st, places);
    RecordTallies t;
    for (const auto& place : places)
        if (!place.remote) tally_records(Xapian::Database(place.location), passages_of, t);
    add_term_rows(db, t);
    st.files = t.files;
    st.languages = rows_of(t.languages);
    st.years = rows_of(t.years);
    st.types = by_passages(rows_of(t.types));
    st.formats = by_passages(rows_of(t.formats));

    st.speakers = top_speakers(db, options.top);
    st.countries = top_labelled(db, s::country, options.top,
                                [&](const std::string& code) { return reference.country_label(code, Lang::en); });
    st.objectives = top_labelled(db, s::objective, options.top, [&](const std::string& number) {
        return reference.objective_title(std::atoi(number.c_str()), Lang::en, TitleLength::short_title);
    });
    return st;
}

} // namespace mahdar
