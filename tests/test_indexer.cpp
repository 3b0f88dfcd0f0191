// mahdar-indexer end to end: a real index on disk, searched through Xapian with terms made by
// the same analysis code.
#include "format/document_builder.h"
#include "format/schema.h"
#include "support.h"
#include "text/analyzer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <map>
#include <set>
#include <thread>

using namespace mahdar;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

std::set<std::string> ids_matching(const std::string& db_path, const Xapian::Query& q) {
    Xapian::Database db(db_path);
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    std::set<std::string> ids;
    Xapian::MSet mset = enquire.get_mset(0, 1000);
    for (auto m = mset.begin(); m != mset.end(); ++m)
        ids.insert(nlohmann::json::parse(m.get_document().get_data())["id"].get<std::string>());
    return ids;
}

Xapian::Query phrase(Analyzer& a, const std::string& text, Lang lang) {
    std::vector<Xapian::Query> terms;
    for (const auto& t : a.analyse(text, lang)) terms.emplace_back(t.word);
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end());
}

Xapian::Query word(Analyzer& a, const std::string& text, Lang lang) {
    WordToken t = a.analyse_word(text, lang);
    Xapian::Query q(t.word);
    if (!t.stem.empty()) q = Xapian::Query(Xapian::Query::OP_SYNONYM, q, Xapian::Query("Z" + t.stem));
    return q;
}

std::string fixture_reports() { return (test::fixtures() / "reports").string(); }

} // namespace

TEST_CASE("Search finds spelling variants in an index built by mahdar-indexer", "[indexer]") {
    TempDir tmp;
    auto r = test::run_indexer("--db " + (tmp / "db").string() + " " + fixture_reports());
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::string db = (tmp / "db").string();
    Analyzer a{test::word_lists()};
    SECTION("Arabic phrase matches diacritised and tatweel spellings") {
        auto ids = ids_matching(db, phrase(a, "\"الأمم المتحدة\"", Lang::ar));
        CHECK(ids == std::set<std::string>{"ar-sample.ar:0", "ar-sample.ar:3"});
    }
    SECTION("Arabic word matches its forms with clitics") {
        auto ids = ids_matching(db, word(a, "المهاجرين", Lang::ar));
        CHECK(ids == std::set<std::string>{"ar-sample.ar:1", "ar-sample.ar:2"});
    }
    SECTION("French word matches an elided form and an accented form") {
        CHECK(ids_matching(db, word(a, "objectif", Lang::fr)).count("fr-sample.fr:0") == 1);
        CHECK(ids_matching(db, word(a, "securite", Lang::fr)) == std::set<std::string>{"fr-sample.fr:0"});
    }
    SECTION("ASCII digits match Arabic-Indic digits") {
        CHECK(ids_matching(db, word(a, "1234", Lang::en)) == std::set<std::string>{"ar-sample.ar:2"});
    }
    SECTION("English plural matches singular") {
        CHECK(ids_matching(db, word(a, "migrants", Lang::en)).count("en-sample.en:0") == 1);
    }
}

TEST_CASE("Reports are split into passages with paragraph numbers and sections", "[indexer]") {
    TempDir tmp;
    REQUIRE(test::run_indexer("--db " + (tmp / "db").string() + " " + fixture_reports()).status == 0);
    Xapian::Database db((tmp / "db").string());
    auto passage = [&db](const std::string& id) {
        Xapian::PostingIterator it = db.postlist_begin(schema::term(schema::id, id));
        REQUIRE(it != db.postlist_end(schema::term(schema::id, id)));
        return nlohmann::json::parse(db.get_document(*it).get_data());
    };
    CHECK(db.get_doccount() == 4 + 4 + 3);
    auto en0 = passage("en-sample.en:0");
    CHECK(en0["para"] == "1");
    CHECK(en0["doc_title"] == "Sample meeting on migration governance in the Arab region");
    CHECK(en0["lang"] == "en");
    CHECK(passage("en-sample.en:3")["text"] == "Another bullet point about return and reintegration.");
    auto fr1 = passage("fr-sample.fr:1");
    CHECK(fr1["lang"] == "fr");
    CHECK(fr1["text"].get<std::string>().find("au-delà, notamment") != std::string::npos);
    auto ar3 = passage("ar-sample.ar:3");
    CHECK(ar3["lang"] == "ar");
    CHECK(ar3["section"] == "مقدمـــة");
    CHECK(ar3["para"] == "4");
}

TEST_CASE("Bad files are reported by name and skipped, the rest is indexed", "[indexer]") {
    TempDir tmp;
    fs::copy(fixture_reports(), tmp / "in");
    test::write_file(tmp / "in" / "broken.md", "Valid start \xC3\x28 invalid UTF-8\n");
    test::write_file(tmp / "in" / "empty.txt", "  \n\n");
    test::write_file(tmp / "in" / "lines.jsonl",
                     "{\"doc_id\":\"j1\",\"doc_title\":\"T\",\"text\":\"first good line\",\"countries\":[\"ma\"]}\n"
                     "{not json}\n"
                     "{\"doc_id\":\"j1\",\"doc_title\":\"T\",\"text\":\"bad objective\",\"objectives\":[24]}\n"
                     "{\"doc_id\":\"j1\",\"doc_title\":\"T\",\"text\":\"second good line\",\"date\":\"2023-05-02\"}\n");
    auto r = test::run_indexer("--db " + (tmp / "db").string() + " " + (tmp / "in").string());
    INFO(r.output);
    CHECK(r.status == 3);
    CHECK(r.output.find("broken.md: the file is not valid UTF-8; skipped") != std::string::npos);
    CHECK(r.output.find("empty.txt: the file is empty; skipped") != std::string::npos);
    CHECK(r.output.find("lines.jsonl:2: not valid JSON") != std::string::npos);
    CHECK(r.output.find("lines.jsonl:3: \"objectives\" must be") != std::string::npos);
    CHECK(r.output.find("passed over inside indexed files: 2") != std::string::npos); // the two bad lines
    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_doccount() == 11 + 2);
    // Morocco: the first good line, and the Arabic report's "ممثل المغرب". (This test had never
    // run under ctest, whose test names stop at a ';', and expected 1.)
    CHECK(db.get_termfreq(schema::term(schema::country, "MA")) == 2);
    CHECK(db.get_termfreq(schema::term(schema::date, "20230502")) == 1);
}

TEST_CASE("Ids that cannot be index terms are reported and skipped", "[indexer]") {
    TempDir tmp;
    std::string long_id(300, 'x');
    test::write_file(tmp / "in" / "good.en.md", "# Good\n\nMigrants were discussed.\n");
    test::write_file(tmp / "in" / "tab\tname.en.md", "# Tab\n\nA report whose file name holds a tab.\n");
    test::write_file(tmp / "in" / "named.en.md", "# Named\n\nA report with a sidecar id too long.\n");
    test::write_file(tmp / "in" / "named.en.md.meta.json", "{\"doc_id\": \"" + long_id + "\"}");
    test::write_file(tmp / "in" / "lines.jsonl",
                     "{\"doc_id\":\"a\\tb\",\"doc_title\":\"T\",\"text\":\"tab in the id\"}\n"
                     "{\"doc_id\":\"j1\",\"id\":\"" + long_id + "\",\"doc_title\":\"T\",\"text\":\"long id\"}\n"
                     "{\"doc_id\":\"j1\",\"doc_title\":\"T\",\"text\":\"a good line\"}\n");
    auto r = test::run_indexer("--db " + (tmp / "db").string() + " " + (tmp / "in").string());
    INFO(r.output);
    CHECK(r.status == 3);
    CHECK(r.output.find("tab\tname.en.md: its document id (the file name) holds a control character") != std::string::npos);
    CHECK(r.output.find("named.en.md.meta.json: \"doc_id\" is longer than 200 bytes; ignored") != std::string::npos);
    CHECK(r.output.find("lines.jsonl:1: \"doc_id\" holds a control character") != std::string::npos);
    CHECK(r.output.find("lines.jsonl:2: \"id\" is longer than 200 bytes") != std::string::npos);
    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_doccount() == 3); // good, named (under its file name), the good line
    CHECK(db.get_termfreq(schema::term(schema::parent, "named.en")) == 1);
    CHECK(db.get_termfreq(schema::term(schema::parent, "j1")) == 1);
}

TEST_CASE("Re-indexing is incremental and prunes vanished files", "[indexer]") {
    TempDir tmp;
    fs::copy(fixture_reports(), tmp / "in");
    std::string args = "--db " + (tmp / "db").string() + " " + (tmp / "in").string();
    REQUIRE(test::run_indexer(args).status == 0);
    auto revision = Xapian::Database((tmp / "db").string()).get_revision();

    auto again = test::run_indexer(args);
    CHECK(again.status == 0);
    CHECK(again.output.find("files 0 indexed, 3 unchanged") != std::string::npos);
    CHECK(Xapian::Database((tmp / "db").string()).get_revision() == revision);

    test::write_file(tmp / "in" / "en-sample.en.md", "# Changed\n\nA single paragraph about refugees.\n");
    auto changed = test::run_indexer(args);
    CHECK(changed.output.find("files 1 indexed, 2 unchanged") != std::string::npos);
    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_doccount() == 1 + 4 + 3);
    CHECK(db.get_termfreq("refugees") == 1);
    CHECK(db.get_termfreq("bullet") == 0);

    fs::remove(tmp / "in" / "fr-sample.fr.md");
    auto pruned = test::run_indexer("--prune " + args);
    CHECK(pruned.output.find("1 pruned") != std::string::npos);
    CHECK(Xapian::Database((tmp / "db").string()).get_doccount() == 1 + 4);
}

TEST_CASE("A killed indexer leaves the previous index usable", "[indexer]") {
    TempDir tmp;
    std::string db = (tmp / "db").string();
    REQUIRE(test::run_indexer("--db " + db + " " + fixture_reports()).status == 0);
    // About 13 s of work for one thread of the 2-core machine this was written on, killed after
    // 0.5 s; one thread, so that a machine with many cores cannot finish first either.
    std::string big;
    for (int i = 0; i < 120000; ++i)
        big += "{\"doc_id\":\"big" + std::to_string(i / 100) + "\",\"doc_title\":\"Big\",\"text\":\"passage " +
               std::to_string(i) + " on labour migration, remittances and the protection of migrant workers\"}\n";
    test::write_file(tmp / "big.jsonl", big);
    auto r = test::run_command("timeout -s KILL 0.5 " + std::string(MAHDAR_INDEXER) + " --threads 1 --db " + db +
                               " " + (tmp / "big.jsonl").string());
    INFO(r.output);
    REQUIRE(r.status == 128 + 9); // killed (by timeout) before it could finish
    Xapian::Database after(db);
    Analyzer a{test::word_lists()};
    CHECK(after.get_termfreq(schema::term(schema::parent, "ar-sample.ar")) == 4);
    CHECK(ids_matching(db, word(a, "securite", Lang::fr)) == std::set<std::string>{"fr-sample.fr:0"});
}

namespace {

// Everything a search can see of an index: per passage (by id) its data, terms with wdf and
// positions, and values; then the metadata and the spelling table.
std::map<std::string, std::string> index_contents(const std::string& path) {
    Xapian::Database db(path);
    std::map<std::string, std::string> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Xapian::Document d = db.get_document(*it);
        std::string id = nlohmann::json::parse(d.get_data())["id"], all = d.get_data() + "\n";
        for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
            all += *t + ":" + std::to_string(t.get_wdf());
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) all += "," + std::to_string(*p);
            all += ' ';
        }
        for (auto v = d.values_begin(); v != d.values_end(); ++v) {
            // When each was written differs from one run to the next; that it is there does not.
            bool time = v.get_valueno() == schema::slot_indexed && schema::indexed_time(*v);
            all += "\n" + std::to_string(v.get_valueno()) + "=" + (time ? std::string("(a time)") : *v);
        }
        out["passage " + id] = all;
    }
    for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) out["meta " + *k] = db.get_metadata(*k);
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) out["spell " + *s] = std::to_string(s.get_termfreq());
    return out;
}

} // namespace

TEST_CASE("A bulk load into an empty index builds the index the incremental writer builds", "[indexer]") {
    TempDir tmp;
    std::string sources = fixture_reports() + " " + (test::fixtures() / "search").string();
    std::string one = (tmp / "one").string(), bulk = (tmp / "bulk").string();
    auto serial = test::run_indexer("--no-bulk --db " + one + " " + sources);
    REQUIRE(serial.status == 0);
    auto parallel = test::run_indexer("--bulk --threads 2 --db " + bulk + "/ " + sources);
    INFO(parallel.output);
    REQUIRE(parallel.status == 0);
    CHECK(parallel.output.find("files 4 indexed") != std::string::npos);
    auto a = index_contents(one), b = index_contents(bulk);
    CHECK(a.size() == b.size());
    for (const auto& [key, value] : a) {
        CAPTURE(key);
        CHECK(b[key] == value);
    }
    CHECK_FALSE(fs::exists(tmp / "bulk.bulk"));
    // and it is an ordinary index afterwards: incremental runs see its files as indexed
    auto again = test::run_indexer("--db " + bulk + " " + sources);
    CHECK(again.output.find("files 0 indexed, 4 unchanged") != std::string::npos);
}

TEST_CASE("A killed or interrupted bulk load loses nothing and leaves nothing behind", "[indexer]") {
    TempDir tmp;
    std::string db = (tmp / "db").string();
    std::string big;
    for (int i = 0; i < 80000; ++i) // far more than can be loaded before the signals below
        big += "{\"doc_id\":\"big" + std::to_string(i / 100) + "\",\"doc_title\":\"Big\",\"text\":\"passage " +
               std::to_string(i) + " on labour migration, remittances and the protection of migrant workers\"}\n";
    test::write_file(tmp / "in" / "big.jsonl", big);
    fs::copy(fixture_reports(), tmp / "in" / "reports");
    std::string indexer = std::string(MAHDAR_INDEXER) + " --bulk --threads 2 --db " + db + " " + (tmp / "in").string();

    auto killed = test::run_command("timeout -s KILL 0.3 " + indexer);
    INFO(killed.output);
    REQUIRE(killed.status == 128 + 9);
    CHECK(Xapian::Database(db).get_doccount() == 0); // the empty index, untouched

    // --preserve-status: the indexer's own exit status, not timeout's 124.
    auto interrupted = test::run_command("timeout --preserve-status -s INT 1 " + indexer);
    INFO(interrupted.output);
    REQUIRE(interrupted.status == 130);
    CHECK(interrupted.output.find("interrupted:") != std::string::npos);
    Xapian::doccount big_kept = 0; // a file is in whole or not at all
    Xapian::Database kept(db);
    for (int d = 0; d < 800; ++d)
        big_kept += kept.get_termfreq(schema::term(schema::parent, "big" + std::to_string(d)));
    CHECK((big_kept == 0 || big_kept == 80000));

    auto finished = test::run_command(indexer);
    INFO(finished.output);
    CHECK(finished.status == 0);
    Xapian::Database after(db);
    CHECK(after.get_doccount() == 80000 + 11);
    CHECK(after.get_termfreq(schema::term(schema::parent, "big799")) == 100);
    CHECK_FALSE(fs::exists(tmp / "db.bulk"));
}

namespace {

// Two reports with the same file name in two folders, so the same document id ("summary"):
// 2021's two passages speak of a ledger and an almanac, 2022's one of a glacier.
void write_same_named_reports(const fs::path& in) {
    test::write_file(in / "2021" / "summary.md",
                     "# Summary of the 2021 regional review meeting\n\n"
                     "1. Delegates discussed the remittances ledger in the first session.\n\n"
                     "2. The second paragraph covers the labour mobility almanac.\n");
    test::write_file(in / "2022" / "summary.md",
                     "# Summary of the 2022 regional review meeting\n\n"
                     "1. Delegates discussed glacier retreat and displacement at length.\n");
}

std::string refusal(const fs::path& refused, const fs::path& owner) {
    return "skipped: " + refused.string() + ": document id \"summary\" is already used by " + owner.string() +
           " (rename one of the files, or give one a \"doc_id\" in its .meta.json sidecar); skipped";
}

// The index holds 2021's "summary" and nothing of 2022's.
void check_summary_is_2021s(const std::string& db_path) {
    Xapian::Database db(db_path);
    CHECK(db.get_termfreq(schema::term(schema::parent, "summary")) == 2);
    CHECK(db.get_termfreq("ledger") == 1);
    CHECK(db.get_termfreq("almanac") == 1);
    CHECK(db.get_termfreq("glacier") == 0);
    auto record = nlohmann::json::parse(db.get_metadata(std::string(schema::meta_doc) + "summary"));
    CHECK(record["source"].get<std::string>().find("2021") != std::string::npos);
}

} // namespace

TEST_CASE("Two files giving the same document id: the first is indexed, the other reported", "[indexer]") {
    std::string mode = GENERATE(as<std::string>{}, "--no-bulk", "--bulk --threads 2");
    CAPTURE(mode);
    TempDir tmp;
    write_same_named_reports(tmp / "in");
    fs::copy(fixture_reports(), tmp / "in" / "other");
    auto r = test::run_indexer(mode + " --db " + (tmp / "db").string() + " " + (tmp / "in").string());
    INFO(r.output);
    CHECK(r.status == 3);
    CHECK(r.output.find(refusal(tmp / "in" / "2022" / "summary.md", tmp / "in" / "2021" / "summary.md")) !=
          std::string::npos);
    CHECK(r.output.find("files 4 indexed, 0 unchanged, 1 skipped") != std::string::npos);
    check_summary_is_2021s((tmp / "db").string());
    CHECK(Xapian::Database((tmp / "db").string()).get_doccount() == 2 + 11);
}

TEST_CASE("A later run cannot give an indexed file's document id to another file", "[indexer]") {
    TempDir tmp;
    write_same_named_reports(tmp / "in");
    std::string db = (tmp / "db").string();
    REQUIRE(test::run_indexer("--db " + db + " " + (tmp / "in" / "2021").string()).status == 0);

    auto later = test::run_indexer("--db " + db + " " + (tmp / "in").string());
    INFO(later.output);
    CHECK(later.status == 3);
    fs::path owner = fs::weakly_canonical(tmp / "in" / "2021" / "summary.md");
    CHECK(later.output.find(refusal(tmp / "in" / "2022" / "summary.md", owner)) != std::string::npos);
    CHECK(later.output.find("files 0 indexed, 1 unchanged, 1 skipped") != std::string::npos);
    check_summary_is_2021s(db);

    SECTION("and says so again on the next run") {
        auto again = test::run_indexer("--db " + db + " " + (tmp / "in").string());
        CHECK(again.status == 3);
        CHECK(again.output.find(refusal(tmp / "in" / "2022" / "summary.md", owner)) != std::string::npos);
        check_summary_is_2021s(db);
    }
    SECTION("until the owner is gone: then the other file takes the id, and nothing of the owner stays") {
        fs::remove(tmp / "in" / "2021" / "summary.md");
        auto taken = test::run_indexer("--db " + db + " " + (tmp / "in").string());
        INFO(taken.output);
        CHECK(taken.status == 0);
        Xapian::Database after(db);
        CHECK(after.get_termfreq(schema::term(schema::parent, "summary")) == 1);
        CHECK(after.get_termfreq("glacier") == 1);
        CHECK(after.get_termfreq("ledger") == 0);
        CHECK(after.get_metadata(std::string(schema::meta_file) + owner.string()).empty());
        auto pruned = test::run_indexer("--prune --db " + db + " " + (tmp / "in").string());
        CHECK(pruned.output.find("files 0 indexed, 1 unchanged, 0 skipped, 0 pruned") != std::string::npos);
        CHECK(Xapian::Database(db).get_termfreq("glacier") == 1);
    }
}

TEST_CASE("A sidecar's doc_id tells two same-named reports apart", "[indexer]") {
    TempDir tmp;
    write_same_named_reports(tmp / "in");
    test::write_file(tmp / "in" / "2022" / "summary.md.meta.json", "{\"doc_id\": \"summary-2022\"}");
    auto r = test::run_indexer("--db " + (tmp / "db").string() + " " + (tmp / "in").string());
    INFO(r.output);
    CHECK(r.status == 0);
    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_termfreq(schema::term(schema::parent, "summary")) == 2);
    CHECK(db.get_termfreq(schema::term(schema::parent, "summary-2022")) == 1);
    CHECK(db.get_termfreq(schema::term(schema::id, "summary-2022:0")) == 1);
}

TEST_CASE("JSON Lines files may not share a document id either", "[indexer]") {
    TempDir tmp;
    auto line = [](const std::string& doc_id, const std::string& text) {
        return "{\"doc_id\":\"" + doc_id + "\",\"doc_title\":\"T\",\"text\":\"" + text + "\"}\n";
    };
    test::write_file(tmp / "in" / "a.jsonl", line("j1", "statement about a ledger"));
    test::write_file(tmp / "in" / "b.jsonl", line("j2", "statement about an almanac") + line("j1", "statement about a glacier"));
    auto r = test::run_indexer("--db " + (tmp / "db").string() + " " + (tmp / "in").string());
    INFO(r.output);
    CHECK(r.status == 3);
    CHECK(r.output.find("skipped: " + (tmp / "in" / "b.jsonl").string() + ": document id \"j1\" is already used by " +
                        (tmp / "in" / "a.jsonl").string() + " (use another \"doc_id\" in one of the files); skipped") !=
          std::string::npos);
    Xapian::Database db((tmp / "db").string());
    CHECK(db.get_doccount() == 1);
    CHECK(db.get_termfreq("ledger") == 1);
}
