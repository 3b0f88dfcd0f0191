// The stored record: what mahdar keeps in a Xapian database besides terms, and how it is
// written and read. Nothing outside format/ parses a document's data or a metadata value.
//
//   document data          a passage: a JSON object of the Passage fields (encode_passage)
//   value slot_ordinal     the passage's ordinal, sortable_serialise'd (build_document)
//   metadata "doc:" + id   a document: a JSON object of the DocumentRecord fields
//   metadata "file:" + path a source file: its content hash, then a tab before each document id
//   metadata mahdar_schema, mahdar_word_pairs  how the index was made (IndexStamp)
//
// Decoding is lenient about fields, strict about shape: a field that is missing or of another
// type reads as its default, so records of older and newer indexers are read; data that is not
// a JSON object throws RecordError (the index is damaged, not the request wrong). Encoding then
// decoding gives back every field (a round trip); decoding then encoding gives back the bytes
// of a record this version wrote.
#pragma once

#include "format/passage.h"
#include "text/stopwords.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// Stored data that is not a record of the kind asked for (a damaged index).
class RecordError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// ---- Passages: each Xapian document's data ---------------------------------------------------

/// The passage as document data: a JSON object with every Passage field (id, doc_id,
/// doc_title, symbol, ordinal, line, page, note, para, section, speaker, affiliation, role,
/// countries, objectives, date, lang, text), keys in byte order; para, speaker, affiliation,
/// role and date are null when empty; page, note and symbol are left out when 0, false or
/// empty (as an earlier indexer wrote them); lang is the code, "en" when unknown. Pure.
std::string encode_passage(const Passage& p);

/// Reads encode_passage(); throws RecordError when `data` is not a JSON object.
Passage decode_passage(std::string_view data);

/// The passage stored in `doc` (its data). Throws RecordError as decode_passage().
Passage read_passage(const Xapian::Document& doc);

/// The passage's ordinal from its value slot, without reading its data (0 if it has none).
std::uint32_t read_ordinal(const Xapian::Document& doc);

// ---- Documents: metadata "doc:" + doc id -----------------------------------------------------

/// What the index keeps of a document besides its passages.
struct DocumentRecord {
    std::string doc_id;
    std::string title;
    std::string date;     ///< YYYY-MM-DD or empty
    Lang lang = Lang::en; ///< the document's language ("en" when it was not known)
    std::string symbol;   ///< UN symbol ("A/73/PV.6") or empty
    std::string version_of; ///< a document this one is a language version of, as its source said; or empty
    std::string type;
    std::vector<std::string> organisers;
    std::string source;       ///< absolute path of the file it came from
    std::string format;       ///< what the file was: "pdf", "docx", "odt", "html", "text", "jsonl"; "" before formats
    std::uint32_t pages = 0;  ///< pages of a PDF, else 0
    std::size_t passages = 0; ///< number of passages when it was indexed
};

/// The record of a document as read from its source (its passages counted).
DocumentRecord document_record(const Document& d);

/// The record as a metadata value: a JSON object of its fields (doc_id, title, date, lang,
/// symbol, type, organisers, source, format, pages, passages, version_of), keys in byte order,
/// format, pages and version_of left out when empty or 0; date "" when empty. Pure.
std::string encode_document(const DocumentRecord& r);

/// Reads encode_document(); throws RecordError when `data` is not a JSON object.
DocumentRecord decode_document(std::string_view data);

/// The metadata key of document `doc_id`'s record.
std::string document_key(std::string_view doc_id);

/// The record of `doc_id`, or nullopt when the index has none. Throws RecordError for a
/// damaged record.
std::optional<DocumentRecord> read_document_record(const Xapian::Database& db,
                                                   std::string_view doc_id);

/// Stores `r` under its doc_id, replacing any record there.
void write_document_record(Xapian::WritableDatabase& db, const DocumentRecord& r);

/// Removes the record of `doc_id`, if any.
void remove_document_record(Xapian::WritableDatabase& db, std::string_view doc_id);

// ---- Files: metadata "file:" + path ----------------------------------------------------------

/// What the index keeps of a source file, to know whether it changed and what it gave.
struct FileRecord {
    std::string content_hash;         ///< empty: the file is read again by the next run
    std::vector<std::string> doc_ids; ///< in the order the file gave them
    bool empty() const { return content_hash.empty() && doc_ids.empty(); }
};

/// The record as a metadata value: the hash, then '\t' before each document id (which hold
/// no tab). A record with neither is "", which as a metadata value means no record. Pure.
std::string encode_file(const FileRecord& r);

/// Reads encode_file(); "" reads as an empty record. Never throws.
FileRecord decode_file(std::string_view data);

/// The metadata key of the file at `path` (the path as given: callers make it canonical).
std::string file_record_key(std::string_view path);

/// The path in a key made by file_record_key().
std::string path_of_file_key(std::string_view key);

/// The keys of every file record in `db`, in byte order.
std::vector<std::string> file_record_keys(const Xapian::Database& db);

/// The record under `key`; an empty record when there is none.
FileRecord read_file_record(const Xapian::Database& db, const std::string& key);

/// Stores `r` under `key`; an empty record (no hash, no ids) removes the key.
void write_file_record(Xapian::WritableDatabase& db, const std::string& key, const FileRecord& r);

// ---- One person in two scripts: metadata mahdar_speaker_scripts ------------------------------

/// Speaker facet value (Latin script) → the Arabic-script spelling of the same person; empty
/// when there is none or the metadata is unreadable.
std::map<std::string, std::string> read_speaker_scripts(const Xapian::Database& db);

/// Records `names` (an empty map removes the key); unchanged metadata is not written.
void write_speaker_scripts(Xapian::WritableDatabase& db, const std::map<std::string, std::string>& names);

// ---- The index's stamp: metadata mahdar_schema and mahdar_word_pairs ------------------------

/// How an index was made (schema.h: meta_version, meta_word_pairs).
struct IndexStamp {
    /// schema::version; "1": an indexer from before word pairs wrote to it; "": none recorded
    std::string version;
    /// WordLists::fingerprint() of the lists its pairs were made with; "": not all passages have them
    std::string word_pairs;
};

/// The stamp of an index this build creates: schema::version and this build's word lists.
IndexStamp current_stamp(const WordLists& lists);

/// True when every passage of an index stamped `s` has word pairs made with `lists`, so
/// phrases may be matched by them.
bool has_word_pairs(const IndexStamp& s, const WordLists& lists);

/// The stamp `db` records ("" for what it does not).
IndexStamp read_stamp(const Xapian::Database& db);

/// Records `s` in `db`; an empty field removes its key. A key that already holds its value is
/// not written, so stamping an unchanged index leaves nothing to commit.
void write_stamp(Xapian::WritableDatabase& db, const IndexStamp& s);

} // namespace mahdar
