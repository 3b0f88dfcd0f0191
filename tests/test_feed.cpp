// GET /api/v1/feed: a search as an Atom feed, read back with a real XML parser (pugixml), on the
// real server, while the indexer adds a statement to the index it serves.
#include "format/document_builder.h"
#include "format/schema.h"
#include "http/atom.h"
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <chrono>
#include <set>
#include <thread>

using namespace mahdar;
using json = nlohmann::json;

namespace {

std::string build_index(const test::TempDir& tmp) {
    std::string db = (tmp / "db").string();
    auto r = test::run_indexer("--db " + db + " " + (test::fixtures() / "search").string());
    if (r.status != 0) FAIL(r.output);
    return db;
}

struct Feed {
    int status = -1;
    std::string body, etag, type;
    pugi::xml_document xml;
    pugi::xml_node root() const { return xml.child("feed"); }
    std::vector<pugi::xml_node> entries() const {
        std::vector<pugi::xml_node> out;
        for (auto e : root().children("entry")) out.push_back(e);
        return out;
    }
};

void get_feed(httplib::Client& c, const std::string& path, Feed& f, const httplib::Headers& headers = {}) {
    auto res = c.Get(path.c_str(), headers);
    REQUIRE(res);
    f.status = res->status;
    f.body = res->body;
    f.etag = res->get_header_value("ETag");
    f.type = res->get_header_value("Content-Type");
    if (f.status == 200) {
        auto parsed = f.xml.load_string(f.body.c_str());
        INFO(f.body);
        REQUIRE(parsed);
    }
}

// The passage ids of a feed's entries, from their ids ("http://host/s/ID").
std::vector<std::string> entry_passages(const Feed& f) {
    std::vector<std::string> out;
    for (auto e : f.entries()) {
        std::string id = e.child_value("id");
        out.push_back(id.substr(id.rfind("/s/") + 3));
    }
    return out;
}

} // namespace

TEST_CASE("A search's feed is Atom with the search's passages, linked to their permalinks", "[searchd][feed]") {
    test::TempDir tmp;
    test::TestServer server(build_index(tmp));
    auto c = server.client();
    json search = test::get_json(c, "/api/v1/search?q=migrants&size=100");
    REQUIRE(search["total"].get<int>() > 2);
    std::set<std::string> want;
    for (const auto& h : search["hits"]) want.insert(test::url_encode(h["id"].get<std::string>()));

    Feed f;
    get_feed(c, "/api/v1/feed?q=migrants", f);
    CHECK(f.status == 200);
    CHECK(f.type.find("application/atom+xml") == 0);
    auto feed = f.root();
    CHECK(std::string(feed.attribute("xmlns").value()) == "http://www.w3.org/2005/Atom");
    CHECK(std::string(feed.child_value("title")).find("“migrants”") != std::string::npos);
    CHECK(std::string(feed.child_value("id")).rfind("urn:mahdar:feed:", 0) == 0);
    CHECK(!std::string(feed.child_value("updated")).empty());
    CHECK(!std::string(feed.child("author").child_value("name")).empty());
    std::string base = "http://127.0.0.1:" + std::to_string(server.port());
    CHECK(std::string(feed.find_child_by_attribute("link", "rel", "self").attribute("href").value()) ==
          base + "/api/v1/feed?q=migrants");
    CHECK(std::string(feed.find_child_by_attribute("link", "rel", "alternate").attribute("href").value()) ==
          base + "/?q=migrants");
    auto ids = entry_passages(f);
    CHECK(std::set<std::string>(ids.begin(), ids.end()) == want);
    for (auto e : f.entries()) {
        CHECK(!std::string(e.child_value("title")).empty());
        CHECK(!std::string(e.child_value("updated")).empty());
        CHECK(std::string(e.child("link").attribute("href").value()).find(base + "/s/") == 0);
        CHECK(std::string(e.child("link").attribute("href").value()).find("?q=migrants") != std::string::npos);
        CHECK(!std::string(e.child_value("summary")).empty());
    }
    // The same search written otherwise is the same feed; another search another one.
    Feed same, other, two;
    get_feed(c, "/api/v1/feed?lang=en&q=migrants&limit=5", same);
    get_feed(c, "/api/v1/feed?q=migrants&lang=en", other);
    CHECK(std::string(same.root().child_value("id")) == other.root().child_value("id"));
    CHECK(std::string(other.root().child_value("id")) != feed.child_value("id"));
    CHECK(std::string(other.root().child_value("title")).find("lang en") != std::string::npos);
    get_feed(c, "/api/v1/feed?q=migrants&limit=2", two);
    CHECK(two.entries().size() == 2);
}

TEST_CASE("A feed's bad parameters are 400 JSON errors naming them", "[searchd][feed]") {
    test::TempDir tmp;
    test::TestServer server(build_index(tmp));
    auto c = server.client();
    for (const char* path : {"/api/v1/feed?limit=0", "/api/v1/feed?limit=201", "/api/v1/feed?limit=ten",
                             "/api/v1/feed?limit=-1", "/api/v1/feed?page=2", "/api/v1/feed?partial=1"}) {
        CAPTURE(path);
        int status = 0;
        json e = test::get_json(c, path, &status);
        CHECK(status == 400);
        CHECK(e["error"]["code"] == "bad_parameter");
    }
    int status = 0;
    test::get_json(c, "/api/v1/feed?country=Atlantis", &status);
    CHECK(status == 400);
    CHECK(test::get_json(c, "/api/v1/health", &status).contains("passages")); // still serving
}

TEST_CASE("A statement indexed while the feed is served comes first, however old its meeting", "[searchd][feed][live]") {
    test::TempDir tmp;
    std::string db = build_index(tmp);
    test::TestServer server(db);
    auto c = server.client();
    Feed before, cached;
    get_feed(c, "/api/v1/feed?q=migration", before);
    REQUIRE(before.status == 200);
    REQUIRE(!before.etag.empty());
    get_feed(c, "/api/v1/feed?q=migration", cached, {{"If-None-Match", before.etag}});
    CHECK(cached.status == 304);
    CHECK(cached.body.empty());

    std::string file = (tmp / "late.jsonl").string();
    test::write_file(file, R"({"doc_id": "archive-1998", "doc_title": "Archive <1998> & notes", "lang": "en", )"
                           R"("date": "1998-02-03", "countries": ["MA"], "objectives": [23], "speaker": "Ana <Q> Ruiz", )"
                           R"("text": "Seasonal migration <b>grew</b> & R&D \u0001budgets \"doubled\"."})" "\n");
    auto r = test::run_indexer("--db " + db + " " + file);
    INFO(r.output);
    REQUIRE(r.status == 0);
    // Served "within a second or two" (searcher.h); the deadline only stops a test that would
    // otherwise wait for ever.
    Feed after;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        after = Feed{};
        get_feed(c, "/api/v1/feed?q=migration", after);
        if (after.entries().size() == before.entries().size() + 1) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE(after.entries().size() == before.entries().size() + 1);
    auto first = after.entries().front();
    CHECK(std::string(first.child_value("title")) == "Archive <1998> & notes — Ana <Q> Ruiz");
    CHECK(std::string(first.child_value("summary")) == "Seasonal migration <b>grew</b> & R&D budgets \"doubled\".");
    CHECK(std::string(first.child("author").child_value("name")) == "Ana <Q> Ruiz");
    CHECK(std::string(first.child_value("published")) == "1998-02-03T00:00:00Z");
    CHECK(std::string(first.child_value("updated")) > "2020");
    CHECK(std::string(after.root().child_value("updated")) == first.child_value("updated"));
    CHECK(first.find_child_by_attribute("category", "term", "MA"));
    CHECK(first.find_child_by_attribute("category", "term", "23"));
    CHECK(after.body.find('\x01') == std::string::npos);
    CHECK(after.body.find("<b>") == std::string::npos); // escaped, not markup
    // The rest keep their order behind it.
    auto ids_before = entry_passages(before), ids_after = entry_passages(after);
    CHECK(std::vector<std::string>(ids_after.begin() + 1, ids_after.end()) == ids_before);
    // The old ETag names an old revision: the new feed is sent whole.
    Feed again;
    get_feed(c, "/api/v1/feed?q=migration", again, {{"If-None-Match", before.etag}});
    CHECK(again.status == 200);
    CHECK(again.etag != before.etag);
}

TEST_CASE("Passages of an index from before the indexing time come last, newest meeting first", "[searchd][feed]") {
    test::TempDir tmp;
    std::string db_path = (tmp / "db").string();
    {
        Analyzer analyzer(test::word_lists());
        Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE);
        auto add = [&](const std::string& id, const std::string& date, std::optional<double> indexed) {
            Passage p;
            p.id = id;
            p.doc_id = "doc-" + id;
            p.doc_title = "Meeting " + id;
            p.lang = Lang::en;
            p.date = date;
            p.text = "Delegates spoke about remittances.";
            Xapian::Document doc = build_document(p, analyzer);
            if (indexed) doc.add_value(schema::slot_indexed, schema::indexed_value(*indexed));
            db.add_document(doc);
        };
        add("old-2019", "2019-05-01", std::nullopt);
        add("old-2024", "2024-02-01", std::nullopt);
        add("new-2010", "2010-01-01", 1.8e9); // indexed 2027-01-15
        add("undated", "", std::nullopt);
        db.commit();
    }
    test::TestServer server(db_path);
    auto c = server.client();
    Feed f;
    get_feed(c, "/api/v1/feed?q=remittances", f);
    REQUIRE(f.status == 200);
    CHECK(entry_passages(f) == std::vector<std::string>{"new-2010", "old-2024", "old-2019", "undated"});
    auto entries = f.entries();
    CHECK(std::string(entries[0].child_value("updated")) == "2027-01-15T08:00:00Z");
    CHECK(std::string(entries[1].child_value("updated")) == "2024-02-01T00:00:00Z");
    CHECK(std::string(entries[3].child_value("updated")) == "1970-01-01T00:00:00Z");
    CHECK(entries[3].child("published").empty());
    CHECK(std::string(f.root().child_value("updated")) == "2027-01-15T08:00:00Z");
}

TEST_CASE("Atom text is escaped and holds only what XML allows", "[feed][atom]") {
    CHECK(xml_escape("a < b & \"c\" > 'd'") == "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;");
    CHECK(xml_escape(std::string("tab\tnl\ncr\r bell\x07 nul") + '\0' + "!") == "tab\tnl\ncr\r bell nul!");
    CHECK(xml_escape("\xEF\xBF\xBE" "x") == "x");           // U+FFFE
    CHECK(xml_escape("bad \xC3 byte") == "bad \xEF\xBF\xBD byte"); // invalid UTF-8: U+FFFD
    CHECK(xml_escape("المهاجرين") == "المهاجرين");
    CHECK(rfc3339_of_date("2021-03-04") == std::optional<std::string>("2021-03-04T00:00:00Z"));
    CHECK(rfc3339_of_date("2021-03") == std::optional<std::string>("2021-03-01T00:00:00Z"));
    CHECK(rfc3339_of_date("2021") == std::optional<std::string>("2021-01-01T00:00:00Z"));
    CHECK_FALSE(rfc3339_of_date(""));
    CHECK_FALSE(rfc3339_of_date("4 March 2021"));
    CHECK(rfc3339(0) == "1970-01-01T00:00:00Z");
    CHECK(rfc3339(1.8e9 + 0.9) == "2027-01-15T08:00:00Z");
}

TEST_CASE("Behind a reverse proxy the feed's links start with --public-url", "[searchd][feed]") {
    test::TempDir tmp;
    std::string db = build_index(tmp);
    test::Daemon searchd(std::string(MAHDAR_SEARCHD) + " --db " + db +
                         " --listen 127.0.0.1:{port} --public-url https://mahdar.example.org/un/");
    REQUIRE(searchd.port() > 0);
    httplib::Client c("127.0.0.1", searchd.port());
    Feed f;
    get_feed(c, "/api/v1/feed?q=migrants", f);
    REQUIRE(f.status == 200);
    CHECK(std::string(f.root().find_child_by_attribute("link", "rel", "self").attribute("href").value()) ==
          "https://mahdar.example.org/un/api/v1/feed?q=migrants");
    for (auto e : f.entries()) CHECK(std::string(e.child_value("id")).rfind("https://mahdar.example.org/un/s/", 0) == 0);
    // Without it, a Host that is no host name is not written into the links.
    test::TempDir other;
    test::TestServer server(build_index(other));
    auto plain = server.client();
    Feed odd;
    get_feed(plain, "/api/v1/feed?q=migrants", odd, {{"Host", "evil\"><x>/"}});
    REQUIRE(odd.status == 200);
    CHECK(std::string(odd.root().find_child_by_attribute("link", "rel", "self").attribute("href").value()) ==
          "http://localhost/api/v1/feed?q=migrants");
    auto bad = test::run_command(std::string(MAHDAR_SEARCHD) + " --db " + db + " --public-url ftp://x 2>&1");
    CHECK(bad.status != 0);
    CHECK(bad.output.find("--public-url") != std::string::npos);
}
