#include "format/record.h"

#include "format/schema.h"
#include "text/stopwords.h"

#include <nlohmann/json.hpp>

namespace mahdar {
using json = nlohmann::json;

namespace {

json or_null(const std::string& s) {
    return s.empty() ? json(nullptr) : json(s);
}

// The stored JSON object in `data`; what the record is called goes into the error.
json parse_object(std::string_view data, const char* what) {
    json j = json::parse(data.begin(), data.end(), nullptr, false);
    if (!j.is_object()) throw RecordError(std::string("stored ") + what + " is not a JSON object");
    return j;
}

// The readers of one field: missing, null or another type reads as the default.
std::string text_of(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

template <class N> N number_of(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_unsigned() ? it->get<N>() : N{0};
}

std::vector<std::string> texts_of(const json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& v : *it)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::vector<int> ints_of(const json& j, const char* key) {
    std::vector<int> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& v : *it)
        if (v.is_number_integer()) out.push_back(v.get<int>());
    return out;
}

} // namespace

// ---- Passages --------------------------------------------------------------------------------

std::string encode_passage(const Passage& p) {
    json j = {{"id", p.id},
              {"doc_id", p.doc_id},
              {"doc_title", p.doc_title},
              {"ordinal", p.ordinal},
              {"line", p.line},
              {"para", or_null(p.para)},
              {"section", p.section},
              {"speaker", or_null(p.speaker)},
              {"affiliation", or_null(p.affiliation)},
              {"role", or_null(p.role)},
              {"countries", p.countries},
              {"objectives", p.objectives},
              {"date", or_null(p.date)},
              {"lang", lang_code(p.lang.value_or(Lang::en))},
              {"text", p.text}};
    // Fields added with document readers are stored only when set, so that the records of
    // text reports read back to the bytes an earlier indexer wrote.
    if (p.page) j["page"] = p.page;
    if (p.note) j["note"] = true;
    if (!p.symbol.empty()) j["symbol"] = p.symbol;
    return j.dump();
}

Passage decode_passage(std::string_view data) {
    json j = parse_object(data, "passage");
    Passage p;
    p.id = text_of(j, "id");
    p.doc_id = text_of(j, "doc_id");
    p.doc_title = text_of(j, "doc_title");
    p.ordinal = number_of<std::uint32_t>(j, "ordinal");
    p.line = number_of<std::uint32_t>(j, "line");
    p.page = number_of<std::uint32_t>(j, "page");
    if (auto it = j.find("note"); it != j.end() && it->is_boolean()) p.note = it->get<bool>();
    p.symbol = text_of(j, "symbol");
    p.para = text_of(j, "para");
    p.section = text_of(j, "section");
    p.speaker = text_of(j, "speaker");
    p.affiliation = text_of(j, "affiliation");
    p.role = text_of(j, "role");
    p.countries = texts_of(j, "countries");
    p.objectives = ints_of(j, "objectives");
    p.date = text_of(j, "date");
    p.lang = parse_lang(text_of(j, "lang"));
    p.text = text_of(j, "text");
    return p;
}

Passage read_passage(const Xapian::Document& doc) {
    return decode_passage(doc.get_data());
}

std::uint32_t read_ordinal(const Xapian::Document& doc) {
    std::string v = doc.get_value(schema::slot_ordinal);
    return v.empty() ? 0 : static_cast<std::uint32_t>(Xapian::sortable_unserialise(v));
}

// ---- Documents -------------------------------------------------------------------------------

DocumentRecord document_record(const Document& d) {
    DocumentRecord r;
    r.doc_id = d.doc_id;
    r.title = d.title;
    r.date = d.date;
    r.lang = d.lang.value_or(Lang::en);
    r.symbol = d.symbol;
    r.version_of = d.version_of;
    r.type = d.type;
    r.organisers = d.organisers;
    r.source = d.source;
    r.format = d.format;
    r.pages = d.pages;
    r.passages = d.passages.size();
    return r;
}

std::string encode_document(const DocumentRecord& r) {
    json j = {{"doc_id", r.doc_id},         {"title", r.title},   {"date", r.date},
              {"lang", lang_code(r.lang)},  {"symbol", r.symbol}, {"type", r.type},
              {"organisers", r.organisers}, {"source", r.source}, {"passages", r.passages}};
    if (!r.format.empty()) j["format"] = r.format;
    if (r.pages) j["pages"] = r.pages;
    if (!r.version_of.empty()) j["version_of"] = r.version_of;
    return j.dump();
}

DocumentRecord decode_document(std::string_view data) {
    json j = parse_object(data, "document record");
    DocumentRecord r;
    r.doc_id = text_of(j, "doc_id");
    r.title = text_of(j, "title");
    r.date = text_of(j, "date");
    r.lang = parse_lang(text_of(j, "lang")).value_or(Lang::en);
    r.symbol = text_of(j, "symbol");
    r.version_of = text_of(j, "version_of");
    r.type = text_of(j, "type");
    r.organisers = texts_of(j, "organisers");
    r.source = text_of(j, "source");
    r.format = text_of(j, "format");
    r.pages = number_of<std::uint32_t>(j, "pages");
    r.passages = number_of<std::size_t>(j, "passages");
    return r;
}

std::string document_key(std::string_view doc_id) {
    std::string key(schema::meta_doc);
    key += doc_id;
    return key;
}

std::optional<DocumentRecord> read_document_record(const Xapian::Database& db,
                                                   std::string_view doc_id) {
    std::string data = db.get_metadata(document_key(doc_id));
    if (data.empty()) return std::nullopt;
    return decode_document(data);
}

void write_document_record(Xapian::WritableDatabase& db, const DocumentRecord& r) {
    db.set_metadata(document_key(r.doc_id), encode_document(r));
}

void remove_document_record(Xapian::WritableDatabase& db, std::string_view doc_id) {
    db.set_metadata(document_key(doc_id), ""); // Xapian: an empty value removes the key
}

// ---- Files -----------------------------------------------------------------------------------

std::string encode_file(const FileRecord& r) {
    std::string out = r.content_hash;
    for (const auto& id : r.doc_ids) out += '\t' + id;
    return out;
}

FileRecord decode_file(std::string_view data) {
    FileRecord r;
    std::size_t tab = data.find('\t');
    r.content_hash = std::string(data.substr(0, tab));
    while (tab != std::string_view::npos) {
        std::size_t next = data.find('\t', tab + 1);
        r.doc_ids.emplace_back(
            data.substr(tab + 1, next == std::string_view::npos ? next : next - tab - 1));
        tab = next;
    }
    return r;
}

std::string file_record_key(std::string_view path) {
    std::string key(schema::meta_file);
    key += path;
    return key;
}

std::string path_of_file_key(std::string_view key) {
    return std::string(key.substr(std::min(key.size(), schema::meta_file.size())));
}

std::vector<std::string> file_record_keys(const Xapian::Database& db) {
    const std::string prefix(schema::meta_file);
    std::vector<std::string> keys;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        keys.push_back(*it);
    return keys;
}

FileRecord read_file_record(const Xapian::Database& db, const std::string& key) {
    return decode_file(db.get_metadata(key));
}

void write_file_record(Xapian::WritableDatabase& db, const std::string& key, const FileRecord& r) {
    db.set_metadata(key, encode_file(r)); // "" removes the key
}

// ---- One person in two scripts ----------------------------------------------------------------

std::map<std::string, std::string> read_speaker_scripts(const Xapian::Database& db) {
    std::map<std::string, std::string> out;
    try {
        json j = json::parse(db.get_metadata(std::string(schema::meta_speaker_scripts)), nullptr, false);
        if (!j.is_object()) return out;
        for (auto it = j.begin(); it != j.end(); ++it)
            if (it.value().is_string()) out[it.key()] = it.value().get<std::string>();
    } catch (const Xapian::Error&) { // a stub of several shards: its first's metadata, or none
    }
    return out;
}

void write_speaker_scripts(Xapian::WritableDatabase& db, const std::map<std::string, std::string>& names) {
    std::string value = names.empty() ? "" : json(names).dump();
    if (db.get_metadata(std::string(schema::meta_speaker_scripts)) != value)
        db.set_metadata(std::string(schema::meta_speaker_scripts), value);
}

// ---- The index's stamp -----------------------------------------------------------------------

IndexStamp current_stamp(const WordLists& lists) {
    return {std::string(schema::version), lists.fingerprint()};
}

bool has_word_pairs(const IndexStamp& s, const WordLists& lists) {
    return (s.version == "2" || s.version == schema::version) && s.word_pairs == lists.fingerprint();
}

IndexStamp read_stamp(const Xapian::Database& db) {
    return {db.get_metadata(std::string(schema::meta_version)),
            db.get_metadata(std::string(schema::meta_word_pairs))};
}

void write_stamp(Xapian::WritableDatabase& db, const IndexStamp& s) {
    const std::pair<std::string, const std::string*> keys[] = {
        {std::string(schema::meta_version), &s.version},
        {std::string(schema::meta_word_pairs), &s.word_pairs}};
    for (const auto& [key, value] : keys)
        if (db.get_metadata(key) != *value) db.set_metadata(key, *value); // same: no new revision
}

} // namespace mahdar
