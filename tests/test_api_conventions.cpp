// What an integrator relies on (issue 17): strict parameters, versioned paths, bounded facets,
// ETags, compression, CORS, HEAD and OPTIONS — on the real server over a real index.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <zlib.h>

using namespace mahdar;
using json = nlohmann::json;
using test::get_json;

namespace {

std::string line(const std::string& id, const std::string& text, const std::vector<std::string>& countries) {
    return json{{"id", id}, {"doc_id", id}, {"doc_title", "T"}, {"lang", "en"}, {"text", text}, {"countries", countries},
                {"date", "2023-05-02"}}
               .dump() +
           "\n";
}

// 26 passages about migration, passage i naming country i of `codes` (and all naming Morocco).
const std::vector<std::string> codes = {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "OM", "PS", "QA",
                                        "SA", "SD", "SO", "SY", "TN", "YE", "DJ", "KM", "TR", "IR", "ES", "IT", "MA"};

struct Index {
    test::TempDir tmp;
    std::string db = (tmp / "db").string();
    Index() {
        std::string lines;
        for (std::size_t i = 0; i < codes.size(); ++i)
            lines += line("p" + std::to_string(i), "Delegates discussed labour migration and remittances, item " +
                                                      std::to_string(i) + ".", {codes[i], "MA"});
        test::write_file(tmp / "in" / "p.jsonl", lines);
        auto r = test::run_indexer("--quiet --db " + db + " " + (tmp / "in").string());
        if (r.status != 0) FAIL(r.output);
    }
};

std::string gunzip(const std::string& in) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
    std::string out(in.size() * 20 + 1024, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = inflate(&z, Z_FINISH);
    out.resize(z.total_out);
    inflateEnd(&z);
    REQUIRE(rc == Z_STREAM_END);
    return out;
}

} // namespace

TEST_CASE("An unknown or misspelt parameter is a 400 naming it and listing the valid ones", "[searchd][api]") {
    Index index;
    test::TestServer server(index.db);
    auto c = server.client();
    int status = 0;
    json r = get_json(c, "/api/search?q=migration&contry=MA", &status);
    CHECK(status == 400);
    CHECK(r["error"]["code"] == "bad_parameter");
    CHECK(r["error"]["parameter"] == "contry");
    auto valid = r["error"]["valid"].get<std::vector<std::string>>();
    CHECK(std::find(valid.begin(), valid.end(), "country") != valid.end());
    r = get_json(c, "/api/passage/p1?size=3", &status);
    CHECK(status == 400);
    CHECK(r["error"]["parameter"] == "size");
    r = get_json(c, "/api/search?q=migration&facet_limit=lots", &status);
    CHECK(status == 400);
    CHECK(r["error"]["parameter"] == "facet_limit");
    r = get_json(c, "/api/search?q=migration&sort=newest", &status); // a bad value of a known one
    CHECK(status == 400);
    CHECK(r["error"]["parameter"] == "sort");
    CHECK(r["error"]["valid"] == json::array({"relevance", "date", "-date"}));
    r = get_json(c, "/api/search?q=migration&lang=de", &status);
    CHECK(r["error"]["parameter"] == "lang");
    r = get_json(c, "/api/facets?field=country&limit=3", &status);
    CHECK(status == 400);
    // and the server keeps serving
    r = get_json(c, "/api/search?q=migration&country=MA", &status);
    CHECK(status == 200);
    CHECK(r["total"] == 26);
}

TEST_CASE("Versioned paths give the same answers, with the API version and index revision in headers", "[searchd][api]") {
    Index index;
    test::TestServer server(index.db);
    auto c = server.client();
    auto v1 = c.Get("/api/v1/search?q=remittances&size=5");
    auto plain = c.Get("/api/search?q=remittances&size=5");
    REQUIRE(v1);
    REQUIRE(plain);
    CHECK(v1->status == 200);
    json a = json::parse(v1->body), b = json::parse(plain->body);
    a.erase("took_ms");
    b.erase("took_ms");
    CHECK(a == b);
    CHECK(v1->get_header_value("API-Version") == "1");
    CHECK(v1->get_header_value("Index-Revision") == std::to_string(Xapian::Database(index.db).get_revision()));
    for (const char* path : {"/api/v1/passage/p3", "/api/v1/document/p3", "/api/v1/health", "/api/v1/facets?field=country",
                             "/api/v1/cite?text=labour%20migration"}) {
        auto res = c.Get(path);
        INFO(path);
        REQUIRE(res);
        CHECK(res->status == 200);
    }
    auto wrong = c.Delete("/api/v1/search");
    REQUIRE(wrong);
    CHECK(wrong->status == 405);
}

TEST_CASE("Facets of many values list the top 20 by default with the count of the rest, exact counts, and a prefix", "[searchd][api]") {
    Index index;
    test::TestServer server(index.db);
    auto c = server.client();
    json r = get_json(c, "/api/search?q=migration");
    REQUIRE(r["facets"]["country"].size() == 20);
    CHECK(r["facets_more"]["country"] == 6); // 26 countries
    CHECK(r["facets"]["country"][0]["value"] == "MA");
    CHECK(r["facets"]["country"][0]["count"] == 26);
    CHECK(r["facets"]["lang"].size() == 1); // small facets are whole
    CHECK_FALSE(r["facets_more"].contains("year"));
    r = get_json(c, "/api/search?q=migration&facet_limit=3");
    CHECK(r["facets"]["country"].size() == 3);
    CHECK(r["facets_more"]["country"] == 23);
    r = get_json(c, "/api/search?q=migration&facet_prefix=tun");
    REQUIRE(r["facets"]["country"].size() == 1);
    CHECK(r["facets"]["country"][0]["label"] == "Tunisia");
    CHECK(r["facets"]["country"][0]["count"] == 1);
    CHECK(r["total"] == 26); // the prefix narrows the facet, not the search
    r = get_json(c, "/api/search?q=migration&facet_limit=1000");
    CHECK(r["facets"]["country"].size() == 26);
    CHECK(r["facets_more"]["country"] == 0);
}

TEST_CASE("A search asked again on an unchanged index is a 304, and a new revision answers anew", "[searchd][api]") {
    Index index;
    test::TestServer server(index.db);
    auto c = server.client();
    auto first = c.Get("/api/search?q=remittances");
    REQUIRE(first);
    std::string tag = first->get_header_value("ETag");
    REQUIRE_FALSE(tag.empty());
    CHECK(first->get_header_value("Cache-Control") == "no-cache");
    auto again = c.Get("/api/search?q=remittances", {{"If-None-Match", tag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    auto other = c.Get("/api/search?q=migration", {{"If-None-Match", tag}});
    REQUIRE(other);
    CHECK(other->status == 200); // another search, another tag
    test::write_file(index.tmp / "in" / "q.jsonl", line("new", "Delegates discussed remittances again.", {"JO"}));
    REQUIRE(test::run_indexer("--quiet --db " + index.db + " " + (index.tmp / "in").string()).status == 0);
    for (int i = 0; i < 50; ++i) { // searchd reopens the index within half a second
        auto later = c.Get("/api/search?q=remittances", {{"If-None-Match", tag}});
        REQUIRE(later);
        if (later->status == 200) {
            CHECK(json::parse(later->body)["total"] == 27);
            CHECK(later->get_header_value("ETag") != tag);
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL("the new revision was never answered");
}

TEST_CASE("Answers are gzipped when asked and worth it, HEAD and OPTIONS are answered, CORS only for allowed origins", "[searchd][api]") {
    Index index;
    test::Daemon searchd(std::string(MAHDAR_SEARCHD) + " --db " + index.db +
                         " --listen 127.0.0.1:{port} --cors-origin https://intranet.example.org");
    REQUIRE(searchd.port() > 0);
    httplib::Client c("127.0.0.1", searchd.port());
    c.set_decompress(false);
    auto plain = c.Get("/api/search?q=migration&facet_limit=100");
    auto zipped = c.Get("/api/search?q=migration&facet_limit=100", {{"Accept-Encoding", "gzip, deflate, br"}});
    REQUIRE(plain);
    REQUIRE(zipped);
    CHECK(zipped->get_header_value("Content-Encoding") == "gzip");
    CHECK(zipped->body.size() * 3 < plain->body.size());
    json a = json::parse(gunzip(zipped->body)), b = json::parse(plain->body);
    a.erase("took_ms");
    b.erase("took_ms");
    CHECK(a == b);
    auto small = c.Get("/api/health", {{"Accept-Encoding", "gzip"}});
    REQUIRE(small);
    CHECK_FALSE(small->has_header("Content-Encoding")); // a few bytes: sent as they are

    auto head = c.Head("/api/search?q=migration");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());

    auto preflight = c.Options("/api/v1/cite", {{"Origin", "https://intranet.example.org"},
                                                {"Access-Control-Request-Method", "POST"}});
    REQUIRE(preflight);
    CHECK(preflight->status == 204);
    CHECK(preflight->get_header_value("Access-Control-Allow-Origin") == "https://intranet.example.org");
    CHECK(preflight->get_header_value("Access-Control-Allow-Methods").find("POST") != std::string::npos);
    auto allowed = c.Get("/api/search?q=migration", {{"Origin", "https://intranet.example.org"}});
    REQUIRE(allowed);
    CHECK(allowed->get_header_value("Access-Control-Allow-Origin") == "https://intranet.example.org");
    auto stranger = c.Get("/api/search?q=migration", {{"Origin", "https://elsewhere.example.com"}});
    REQUIRE(stranger);
    CHECK(stranger->status == 200);
    CHECK_FALSE(stranger->has_header("Access-Control-Allow-Origin"));
}

TEST_CASE("Cite over POST takes one quote or a batch, each answered in order, a bad one named by its place", "[searchd][api]") {
    Index index;
    test::TestServer server(index.db);
    auto c = server.client();
    json batch = {{"quotes", {{{"text", "Delegates discussed labour migration and remittances, item 7."}},
                              {{"text", "Delegates discussed labour migration and remittances, item 12."}, {"lang", "en"}},
                              {{"text", "Nothing like this was ever said by anyone at all."}}}}};
    auto res = c.Post("/api/v1/cite", batch.dump(), "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    json r = json::parse(res->body);
    REQUIRE(r["results"].size() == 3);
    CHECK(r["results"][0]["matches"][0]["id"] == "p7");
    CHECK(r["results"][0]["matches"][0]["verbatim"] == true);
    CHECK(r["results"][1]["matches"][0]["id"] == "p12");
    CHECK(r["results"][2]["matches"].empty());
    auto one = c.Post("/api/cite", json{{"text", "Delegates discussed labour migration and remittances, item 7."}}.dump(),
                      "application/json");
    REQUIRE(one);
    CHECK(json::parse(one->body)["matches"][0]["id"] == "p7");
    auto bad = c.Post("/api/cite", json{{"quotes", {{{"text", "fine"}}, {{"lang", "en"}}}}}.dump(), "application/json");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(json::parse(bad->body)["error"]["message"].get<std::string>().rfind("quotes[1]: ", 0) == 0);
    json many = {{"quotes", json::array()}};
    for (int i = 0; i < 101; ++i) many["quotes"].push_back({{"text", "item"}});
    auto over = c.Post("/api/cite", many.dump(), "application/json");
    REQUIRE(over);
    CHECK(over->status == 400);
}
