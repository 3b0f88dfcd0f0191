// The stored record (format/record.h): passages, document and file records survive encoding
// and decoding, records already in indexes read back byte for byte, and the API's JSON is
// written from the structs' fields, so what is stored is not what is shown.
#include "format/record.h"
#include "format/schema.h"
#include "http/json_out.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

using namespace mahdar;
using json = nlohmann::json;

namespace {

Passage full_passage() {
    Passage p;
    p.id = "2020-08-13_ws.ar:7";
    p.doc_id = "2020-08-13_ws.ar";
    p.doc_title = "ورشة عمل بشأن التحويلات";
    p.ordinal = 7;
    p.line = 31;
    p.para = "7";
    p.section = "الجلسة الافتتاحية";
    p.text = "أكدت السيدة سارة سلمان أن \"التعاون\" ضروري.\nسطر ثان";
    p.lang = Lang::ar;
    p.date = "2020-08-13";
    p.speaker = "Sara Salman | Omar Said";
    p.affiliation = "ESCWA";
    p.role = "Regional Adviser";
    p.countries = {"JO", "MA"};
    p.objectives = {5, 23};
    p.page = 4;
    p.note = true;
    p.symbol = "E/ESCWA/SDD/2021/3";
    return p;
}

void check_same(const Passage& a, const Passage& b) {
    CHECK(a.id == b.id);
    CHECK(a.doc_id == b.doc_id);
    CHECK(a.doc_title == b.doc_title);
    CHECK(a.ordinal == b.ordinal);
    CHECK(a.line == b.line);
    CHECK(a.para == b.para);
    CHECK(a.section == b.section);
    CHECK(a.text == b.text);
    CHECK(a.lang == b.lang);
    CHECK(a.date == b.date);
    CHECK(a.speaker == b.speaker);
    CHECK(a.affiliation == b.affiliation);
    CHECK(a.role == b.role);
    CHECK(a.countries == b.countries);
    CHECK(a.objectives == b.objectives);
    CHECK(a.page == b.page);
    CHECK(a.note == b.note);
    CHECK(a.symbol == b.symbol);
}

DocumentRecord full_record() {
    DocumentRecord r;
    r.doc_id = "2022-06-09_labour.en";
    r.title = "Consultation on labour mobility";
    r.date = "2022-06-09";
    r.lang = Lang::fr;
    r.symbol = "E/ESCWA/2022/1";
    r.type = "meeting report";
    r.organisers = {"ESCWA", "IOM", "LAS"};
    r.source = "/data/reports/en/2022-06-09_labour.en.md";
    r.format = "pdf";
    r.pages = 9;
    r.passages = 13;
    return r;
}

void check_same(const DocumentRecord& a, const DocumentRecord& b) {
    CHECK(a.doc_id == b.doc_id);
    CHECK(a.title == b.title);
    CHECK(a.date == b.date);
    CHECK(a.lang == b.lang);
    CHECK(a.symbol == b.symbol);
    CHECK(a.type == b.type);
    CHECK(a.organisers == b.organisers);
    CHECK(a.source == b.source);
    CHECK(a.passages == b.passages);
    CHECK(a.format == b.format);
    CHECK(a.pages == b.pages);
}

std::set<std::string> keys_of(const json& j) {
    std::set<std::string> out;
    for (const auto& [k, v] : j.items()) out.insert(k);
    return out;
}

// `stored` with one more field, as a later version of the indexer might store it.
std::string with_added_field(const std::string& stored) {
    json j = json::parse(stored);
    j["added_field"] = "stored, never shown";
    return j.dump();
}

} // namespace

TEST_CASE("A passage survives encoding and decoding", "[format]") {
    Passage p = full_passage();
    check_same(decode_passage(encode_passage(p)), p);
    Passage sparse; // empty fields are stored as null or [] and read back empty
    sparse.id = "x:0";
    sparse.lang = Lang::en;
    check_same(decode_passage(encode_passage(sparse)), sparse);
    CHECK(json::parse(encode_passage(sparse))["speaker"].is_null());
}

TEST_CASE("A passage stored by an earlier indexer reads back to the same bytes", "[format]") {
    const std::string stored =
        R"({"affiliation":"CESAO","countries":["LB"],"date":"2020-10-01","doc_id":"d.fr","doc_title":"Consultation)"
        R"( sur les modalités","id":"d.fr:3","lang":"fr","line":19,"objectives":[3,23],"ordinal":3,"para":"3",)"
        R"("role":"conseillère régionale","section":"Séance d’ouverture","speaker":"Rania Khoury","text":"Mme Khoury a)"
        R"( souhaité la bienvenue."})";
    Passage p = decode_passage(stored);
    CHECK(p.speaker == "Rania Khoury");
    CHECK(p.objectives == std::vector<int>{3, 23});
    CHECK(encode_passage(p) == stored);
    const std::string sparse =
        R"({"affiliation":null,"countries":[],"date":null,"doc_id":"j","doc_title":"T",)"
        R"("id":"j:0","lang":"en","line":0,"objectives":[],"ordinal":0,"para":null,)"
        R"("role":null,"section":"","speaker":null,"text":"Closing words."})";
    CHECK(encode_passage(decode_passage(sparse)) == sparse);
}

TEST_CASE("Decoding reads what it can and refuses what is not a record", "[format]") {
    Passage old =
        decode_passage(R"({"id":"a:1","text":"Old.","ordinal":"one","countries":"MA","extra":1})");
    CHECK(old.id == "a:1");
    CHECK(old.text == "Old.");
    CHECK(old.ordinal == 0);
    CHECK(old.countries.empty());
    CHECK_THROWS_AS(decode_passage("not json"), RecordError);
    CHECK_THROWS_AS(decode_passage("[1,2]"), RecordError);
    CHECK_THROWS_AS(decode_document(""), RecordError);
    DocumentRecord r = decode_document(R"({"doc_id":"d","title":"T"})");
    CHECK(r.doc_id == "d");
    CHECK(r.lang == Lang::en);
    CHECK(r.organisers.empty());
}

TEST_CASE("A document record survives encoding and decoding", "[format]") {
    DocumentRecord r = full_record();
    check_same(decode_document(encode_document(r)), r);
    const std::string stored =
        R"({"date":"","doc_id":"dupa","lang":"en","organisers":[],"passages":1,)"
        R"("source":"/tmp/in/a.jsonl","symbol":"","title":"A","type":""})";
    CHECK(encode_document(decode_document(stored)) == stored);
    Document d;
    d.doc_id = "d";
    d.passages.resize(3);
    CHECK(document_record(d).passages == 3);
    CHECK(document_record(d).lang == Lang::en);
}

TEST_CASE("A file record keeps its hash and document ids", "[format]") {
    const std::vector<std::pair<FileRecord, std::string>> cases = {
        {{"d592d9ac26a82fdc", {"one"}}, "d592d9ac26a82fdc\tone"},
        {{"935ae24a818ad14c", {"s-en", "s-fr", "s-ar"}}, "935ae24a818ad14c\ts-en\ts-fr\ts-ar"},
        {{"", {"dupb"}}, "\tdupb"}, // no hash: read again next run
        {{"abc", {}}, "abc"},
        {{}, ""},
    };
    for (const auto& [record, stored] : cases) {
        CAPTURE(stored);
        CHECK(encode_file(record) == stored);
        FileRecord back = decode_file(stored);
        CHECK(back.content_hash == record.content_hash);
        CHECK(back.doc_ids == record.doc_ids);
    }
    CHECK(decode_file("").empty());
}

TEST_CASE("Records are stored under their keys, and an empty file record is none", "[format]") {
    test::TempDir tmp;
    Xapian::WritableDatabase db((tmp / "db").string(), Xapian::DB_CREATE);
    write_document_record(db, full_record());
    std::string key = file_record_key("/data/a.md");
    CHECK(path_of_file_key(key) == "/data/a.md");
    write_file_record(db, key, {"h", {"2022-06-09_labour.en"}});
    CHECK(db.get_metadata("doc:2022-06-09_labour.en") == encode_document(full_record()));
    CHECK(file_record_keys(db) == std::vector<std::string>{"file:/data/a.md"});
    REQUIRE(read_document_record(db, "2022-06-09_labour.en"));
    check_same(*read_document_record(db, "2022-06-09_labour.en"), full_record());
    CHECK_FALSE(read_document_record(db, "nope"));
    write_file_record(db, key, FileRecord{});
    remove_document_record(db, "2022-06-09_labour.en");
    CHECK(file_record_keys(db).empty());
    CHECK_FALSE(read_document_record(db, "2022-06-09_labour.en"));
}

TEST_CASE("The stamp says whether an index's word pairs may be used", "[format]") {
    test::TempDir tmp;
    Xapian::WritableDatabase db((tmp / "db").string(), Xapian::DB_CREATE);
    CHECK_FALSE(has_word_pairs(read_stamp(db), test::word_lists())); // nothing recorded
    write_stamp(db, current_stamp(test::word_lists()));
    CHECK(db.get_metadata(std::string(schema::meta_version)) == schema::version);
    CHECK(has_word_pairs(read_stamp(db), test::word_lists()));
    CHECK_FALSE(has_word_pairs({"1", current_stamp(test::word_lists()).word_pairs}, test::word_lists())); // written by an older indexer
    CHECK_FALSE(has_word_pairs({current_stamp(test::word_lists()).version, "0123456789abcdef"}, test::word_lists())); // other word lists
    write_stamp(db, {"1", ""});
    CHECK(read_stamp(db).version == "1");
    CHECK(db.metadata_keys_begin("mahdar_word_pairs") == db.metadata_keys_end("mahdar_word_pairs"));
}

TEST_CASE("A hit is written from the passage's fields, not from what is stored", "[format][api]") {
    Passage p = full_passage();
    json hit = hit_json(decode_passage(with_added_field(encode_passage(p))));
    CHECK(keys_of(hit) == std::set<std::string>{"id", "doc_id", "doc_title", "para", "ordinal",
                                                "section", "speaker", "affiliation", "countries",
                                                "objectives", "date", "lang", "text", "symbol",
                                                "page", "note"});
    CHECK(hit == hit_json(p));
    CHECK(hit["speaker"] == "Sara Salman | Omar Said");
    CHECK(hit["objectives"] == json::array({5, 23}));
    Passage sparse;
    sparse.id = "x:0";
    json empty = hit_json(sparse);
    for (const char* k : {"para", "speaker", "affiliation", "date", "symbol", "page"}) CHECK(empty[k].is_null());
    CHECK(empty["note"] == false);
    CHECK(empty["section"] == "");
    CHECK(empty["lang"] == "en");
}

TEST_CASE("A document is written from its record's fields, not from what is stored",
          "[format][api]") {
    DocumentView v;
    v.record = decode_document(with_added_field(encode_document(full_record())));
    v.passages = {full_passage()};
    json d = to_json(v);
    CHECK(keys_of(d) == std::set<std::string>{"doc_id", "title", "date", "lang", "symbol", "type",
                                              "organisers", "format", "pages", "original_url",
                                              "passages", "versions"}); // versions: README "Language versions"
    CHECK(d["pages"] == 9);
    CHECK(d["original_url"] == "/api/original/2022-06-09_labour.en");
    CHECK(d["lang"] == "fr");
    CHECK(d["organisers"] == json::array({"ESCWA", "IOM", "LAS"}));
    REQUIRE(d["passages"].size() == 1);
    CHECK(d["passages"][0] == hit_json(full_passage()));
    v.record.date.clear();
    v.record.symbol.clear();
    CHECK(to_json(v)["date"].is_null());
    CHECK(to_json(v)["symbol"] == "");
}
