// mahdar-searchd's API contract, against the real routes on a real port over a real index.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace mahdar;
using json = nlohmann::json;
using test::get_json;
using test::url_encode;

namespace {

// An index of the fixture reports and statements, and a server over it.
struct Fixture : test::ServedIndex {
    Fixture() : ServedIndex({test::fixtures() / "reports", test::fixtures() / "search"}) {}
};

std::multiset<std::string> values_of(const json& hits, const char* field) {
    std::multiset<std::string> out;
    for (const auto& h : hits) out.insert(h[field].is_null() ? "" : h[field].dump());
    return out;
}

} // namespace

TEST_CASE("A search answers with the documented fields", "[searchd]") {
    Fixture f;
    int status = 0;
    json r = f.get("/api/search?q=border&size=5", &status);
    REQUIRE(status == 200);
    for (const char* k : {"total", "page", "size", "hits", "facets", "suggestion", "took_ms"}) CHECK(r.contains(k));
    REQUIRE(r["total"] == 1);
    json h = r["hits"][0];
    for (const char* k : {"id", "doc_id", "doc_title", "para", "ordinal", "section", "speaker", "affiliation",
                          "countries", "objectives", "date", "lang", "text", "snippet_html", "score"})
        CHECK(h.contains(k));
    CHECK(h["speaker"] == "Oualid Cherif");
    CHECK(h["countries"] == json::array({"DZ"}));
    CHECK(h["snippet_html"].get<std::string>().find("<mark>border</mark>") != std::string::npos);
    for (const char* facet : {"speaker", "country", "objective", "lang", "year", "month"}) CHECK(r["facets"].contains(facet));
}

TEST_CASE("An Arabic phrase matches with and without diacritics, and highlights the original", "[searchd]") {
    Fixture f;
    json plain = f.get("/api/search?q=" + url_encode("\"الامم المتحده\""));
    json marked = f.get("/api/search?q=" + url_encode("\"الأُمَم المتّحدة\""));
    REQUIRE(plain["total"] == 2);
    CHECK(values_of(plain["hits"], "id") == values_of(marked["hits"], "id"));
    std::string snippets;
    for (const auto& h : plain["hits"]) snippets += h["snippet_html"].get<std::string>();
    CHECK(snippets.find("<mark>الأُمَم</mark> <mark>المتّحدة</mark>") != std::string::npos);
    CHECK(snippets.find("<mark>الأمـــم</mark>") != std::string::npos);
}

TEST_CASE("Query syntax: OR, NOT, -word, prefix*, field filters in q", "[searchd]") {
    Fixture f;
    CHECK(f.get("/api/search?q=" + url_encode("Morocco OR Egypt"))["total"] == 3);
    CHECK(f.get("/api/search?q=" + url_encode("migrants -Morocco"))["total"].get<int>() <
          f.get("/api/search?q=migrants")["total"].get<int>());
    CHECK(f.get("/api/search?q=" + url_encode("statist*"))["total"] == 1);
    // "cooperation" finds the English passage and, by the French stem, "coopération".
    json by_speaker = f.get("/api/search?q=" + url_encode("speaker:\"Sara Salman\" cooperation"));
    CHECK(by_speaker["total"] == 2);
    json by_country = f.get("/api/search?q=" + url_encode("country:Maroc"));
    CHECK(by_country["total"] == 5); // 4 statements + "ممثل المغرب" in a report
    CHECK(f.get("/api/search?q=" + url_encode("country:المغرب"))["total"] == 5);
    CHECK(f.get("/api/search?q=" + url_encode("objective:11 lang:fr"))["total"] == 1);
    CHECK(f.get("/api/search?q=" + url_encode("what did Algeria say about borders"))["total"] == 1);
}

TEST_CASE("Every facet count equals the total of a search filtered on that value", "[searchd]") {
    Fixture f;
    json all = f.get("/api/search?size=1");
    int checked = 0;
    for (const char* facet : {"speaker", "country", "objective", "lang"}) {
        for (const auto& v : all["facets"][facet]) {
            json filtered = f.get("/api/search?size=1&" + std::string(facet) + "=" + url_encode(v["value"]));
            CAPTURE(facet, v);
            CHECK(filtered["total"] == v["count"]);
            ++checked;
        }
    }
    for (const auto& v : all["facets"]["year"]) {
        std::string y = v["value"];
        CHECK(f.get("/api/search?size=1&from=" + y + "&to=" + y)["total"] == v["count"]);
        ++checked;
    }
    for (const auto& v : all["facets"]["month"]) {
        std::string m = v["value"];
        CHECK(f.get("/api/search?size=1&from=" + m + "&to=" + m)["total"] == v["count"]);
        ++checked;
    }
    CHECK(checked > 20);
}

TEST_CASE("Facets are multi-select: a field ignores its own filter", "[searchd]") {
    Fixture f;
    json all = f.get("/api/search?size=1");
    json ma = f.get("/api/search?size=1&country=MA");
    CHECK(ma["total"] == 5);
    CHECK(ma["facets"]["country"] == all["facets"]["country"]);
    json ma_dz = f.get("/api/search?size=1&country=MA&country=DZ");
    CHECK(ma_dz["total"] == 8); // OR within a field
    json ma_en = f.get("/api/search?size=1&country=MA&lang=en");
    CHECK(ma_en["total"] == 2); // AND across fields
    // The lang facet ignores the lang filter but not the country one.
    REQUIRE(ma["facets"]["lang"].size() >= 2);
    CHECK(ma_en["facets"]["lang"] == ma["facets"]["lang"]);
    CHECK(ma["facets"]["lang"] != all["facets"]["lang"]);
    int en = -1;
    for (const auto& v : ma["facets"]["lang"])
        if (v["value"] == "en") en = v["count"].get<int>();
    CHECK(en == 2);
}

TEST_CASE("Date ranges, sorting by date and collapsing by document", "[searchd]") {
    Fixture f;
    json r2021 = f.get("/api/search?size=100&from=2021&to=2021-12");
    REQUIRE(r2021["total"].get<int>() > 0);
    for (const auto& h : r2021["hits"]) CHECK(h["date"].get<std::string>().substr(0, 4) == "2021");
    CHECK(f.get("/api/search?size=1&from=2022-06-15&to=2022-06-15")["total"] == 3);
    json asc = f.get("/api/search?q=migrants&sort=date&size=100");
    json desc = f.get("/api/search?q=migrants&sort=-date&size=100");
    std::vector<std::string> a, d;
    for (const auto& h : asc["hits"]) if (!h["date"].is_null()) a.push_back(h["date"]);
    for (const auto& h : desc["hits"]) if (!h["date"].is_null()) d.push_back(h["date"]);
    CHECK(std::is_sorted(a.begin(), a.end()));
    CHECK(std::is_sorted(d.rbegin(), d.rend()));
    CHECK(a.size() >= 3);
    REQUIRE(!d.empty());
    REQUIRE(d.size() == a.size());
    CHECK(d.front() > d.back()); // the sort order changes the list, not only its dates' positions
    json collapsed = f.get("/api/search?q=migrants&collapse=doc&size=100");
    std::set<std::string> docs;
    for (const auto& h : collapsed["hits"]) CHECK(docs.insert(h["doc_id"].get<std::string>()).second);
    CHECK(collapsed["total"] == docs.size());
}

TEST_CASE("Passages, documents, facet listings and health", "[searchd]") {
    Fixture f;
    json p = f.get("/api/passage/" + url_encode("rrc-2021-en:1"));
    CHECK(p["speaker"] == "Enas El Fergany");
    CHECK(p["prev_id"] == "rrc-2021-en:0");
    CHECK(p["next_id"] == "rrc-2021-en:2");
    json d = f.get("/api/document/rrc-2021-en");
    CHECK(d["title"] == "Regional review meeting 2021");
    REQUIRE(d["passages"].size() == 4);
    CHECK(d["passages"][3]["ordinal"] == 3);
    json speakers = f.get("/api/facets?field=speaker&prefix=sal");
    REQUIRE(speakers["values"].size() == 1);
    CHECK(speakers["values"][0]["value"] == "Sara Salman");
    json countries = f.get("/api/facets?field=country&ui=fr&prefix=mar");
    REQUIRE(countries["values"].size() == 1);
    CHECK(countries["values"][0]["label"] == "Maroc");
    json h = f.get("/api/health");
    CHECK(h["status"] == "ok");
    CHECK(h["passages"] == 11 + 12);
    CHECK(h["documents"] == 3 + 4);
}

TEST_CASE("Facet labels come in the interface language", "[searchd]") {
    Fixture f;
    json ar = f.get("/api/search?size=1&country=EG&ui=ar");
    json fr = f.get("/api/search?size=1&country=EG&ui=fr");
    auto label = [](const json& r, const char* facet, const std::string& value) {
        for (const auto& v : r["facets"][facet]) if (v["value"] == value) return v["label"].get<std::string>();
        return std::string();
    };
    CHECK(label(ar, "country", "EG") == "مصر");
    CHECK(label(fr, "country", "EG") == "Égypte");
    CHECK(label(fr, "lang", "ar") == "arabe");
    CHECK(label(fr, "objective", "23").rfind("Renforcer", 0) == 0);
}

TEST_CASE("Did you mean: a misspelt query gets a suggestion", "[searchd]") {
    Fixture f;
    json r = f.get("/api/search?q=cooperatoin");
    CHECK(r["total"] == 0);
    CHECK(r["suggestion"] == "cooperation");
    CHECK(f.get("/api/search?q=cooperation")["suggestion"].is_null());
    // Query syntax is kept around the corrected word, and is no typo itself: a phrase of known
    // words with few hits gets no suggestion.
    CHECK(f.get("/api/search?q=%22cooperatoin%22")["suggestion"] == "\"cooperation\"");
    CHECK(f.get("/api/search?q=%2Bcooperatoin")["suggestion"] == "+cooperation");
    json known = f.get("/api/search?q=%22cooperation+cooperation%22");
    CHECK(known["total"] < 3);
    CHECK(known["suggestion"].is_null());
}

TEST_CASE("Bad requests get a JSON error with the right status, and the server keeps serving", "[searchd]") {
    Fixture f;
    const std::pair<std::string, int> cases[] = {
        {"/api/search?sort=size", 400},        {"/api/search?page=0", 400},
        {"/api/search?size=1000", 400},        {"/api/search?from=2021-13", 400},
        {"/api/search?to=yesterday", 400},     {"/api/search?objective=24", 400},
        {"/api/search?q=%C3%28", 400},         {"/api/search?q=%22", 400},
        {"/api/search?lang=de", 400},          {"/api/search?country=Atlantis", 400},
        {"/api/search?country=XX", 400},
        {"/api/search?q=" + std::string(1100, 'a'), 413},
        {"/api/passage/none:1", 404},          {"/api/document/nope", 404},
        {"/api/nothing", 404},                 {"/api/facets?field=colour", 400},
    };
    for (const auto& [path, want] : cases) {
        int status = 0;
        json body = f.get(path, &status);
        CAPTURE(path);
        CHECK(status == want);
        CHECK(body["error"]["code"].is_string());
        CHECK(!body["error"]["message"].get<std::string>().empty());
    }
    auto c = f.server->client();
    auto post = c.Post("/api/search", "{}", "application/json");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(json::parse(post->body)["error"]["code"] == "method_not_allowed");
    CHECK(f.get("/api/search?q=%22Sara%20Salman")["total"].get<int>() >= 1); // unclosed quote repaired
    CHECK(f.get("/api/health")["status"] == "ok");
}

TEST_CASE("Joint speakers are separate facet values and filters", "[searchd]") {
    test::TempDir tmp;
    test::write_file(tmp / "in" / "joint.jsonl",
                     "{\"doc_id\":\"j\",\"doc_title\":\"T\",\"text\":\"Joint welcome.\",\"speaker\":\"Ana Ruiz | Omar Said\"}\n"
                     "{\"doc_id\":\"j\",\"doc_title\":\"T\",\"text\":\"Closing words.\",\"speaker\":\"Omar Said\"}\n");
    std::string db = (tmp / "db").string();
    REQUIRE(test::run_indexer("--db " + db + " " + (tmp / "in").string()).status == 0);
    test::TestServer server(db);
    auto c = server.client();
    json all = get_json(c, "/api/search?size=1");
    std::map<std::string, int> counts;
    for (const auto& v : all["facets"]["speaker"]) counts[v["value"]] = v["count"];
    CHECK(counts == std::map<std::string, int>{{"Ana Ruiz", 1}, {"Omar Said", 2}});
    CHECK(get_json(c, "/api/search?speaker=Omar%20Said")["total"] == 2);
}

TEST_CASE("A word whose stem is a function word does not match that function word", "[searchd]") {
    test::TempDir tmp;
    test::write_file(tmp / "in" / "fr.jsonl",
                     "{\"doc_id\":\"f\",\"doc_title\":\"T\",\"lang\":\"fr\",\"text\":\"Une migration sûre et régulière.\"}\n"
                     "{\"doc_id\":\"f\",\"doc_title\":\"T\",\"lang\":\"fr\",\"text\":\"Un débat sur les frontières.\"}\n");
    std::string db = (tmp / "db").string();
    REQUIRE(test::run_indexer("--db " + db + " " + (tmp / "in").string()).status == 0);
    test::TestServer server(db);
    auto c = server.client();
    json r = get_json(c, "/api/search?q=" + url_encode("sûre"));
    REQUIRE(r["total"] == 1);
    CHECK(r["hits"][0]["id"] == "f:0");
    CHECK(get_json(c, "/api/search?q=sure")["total"] == 1);
}

TEST_CASE("A stub database over two shards counts as one index does", "[searchd]") {
    // Facets over several shards are counted by reading values (Xapian's ValueCountMatchSpy),
    // over one local index from columns in memory: both must give the same counts.
    Fixture one;
    std::string reports = (one.tmp / "reports").string(), statements = (one.tmp / "statements").string();
    REQUIRE(test::run_indexer("--db " + reports + " " + (test::fixtures() / "reports").string()).status == 0);
    REQUIRE(test::run_indexer("--db " + statements + " " + (test::fixtures() / "search").string()).status == 0);
    std::string stub = (one.tmp / "all.stub").string();
    test::write_file(stub, "auto " + reports + "\nauto " + statements + "\n");
    test::TestServer sharded(stub);
    auto client = sharded.client();
    int nonzero = 0;
    // Over one index most of these are counted from bitmaps of posting lists (match_bits.h),
    // phrases and wildcards through the matcher; over the stub always through the matcher.
    for (const char* query : {"", "q=migration", "q=%D8%A7%D9%84%D9%87%D8%AC%D8%B1%D8%A9", "country=MA",
                              "q=migrants&lang=en&country=MA", "from=2021&to=2022", "q=migr*",
                              "q=migrants+-labour", "q=migrants+OR+refugees&country=MA&country=DZ&lang=fr",
                              "q=%22labour+migration%22&from=2021-03", "objective=23&lang=ar&from=2020&to=2023-06-30",
                              "q=migrants&collapse=doc", "q=migrants&sort=date", "q=migrants+labour",
                              "q=%22of+the%22", "q=%22migrants+in+the%22&lang=en", "q=refugees+OR+migration+-labour",
                              "q=migrants&page=2", "q=migrants+OR+refugees&page=3", "q=migrants&page=1000"}) {
        CAPTURE(query);
        int status_a = 0, status_b = 0;
        json a = one.get("/api/search?size=3&" + std::string(query), &status_a);
        json b = get_json(client, "/api/search?size=3&" + std::string(query), &status_b);
        REQUIRE(status_a == 200);
        REQUIRE(status_b == 200);
        REQUIRE(a.contains("total"));
        CHECK(b["total"] == a["total"]);
        CHECK(b["facets"] == a["facets"]);
        // (Not the scores: over a stub, Xapian estimates a synonym's frequency per shard,
        // leaving out its words a shard lacks. test_rank compares scores on one index.)
        CHECK(b["hits"].size() == a["hits"].size());
        nonzero += a["total"] > 0;
    }
    CHECK(nonzero >= 10);
    for (const char* field : {"speaker", "country", "objective", "lang", "year"}) {
        std::string path = "/api/facets?field=" + std::string(field);
        CAPTURE(path);
        int status_a = 0, status_b = 0;
        json a = one.get(path, &status_a), b = get_json(client, path, &status_b);
        REQUIRE(status_a == 200);
        REQUIRE(status_b == 200);
        REQUIRE(!a["values"].empty());
        CHECK(b == a);
    }
    int status = 0;
    json health = get_json(client, "/api/health", &status);
    CHECK(status == 200);
    CHECK(health["passages"] == one.get("/api/health")["passages"]);
}

TEST_CASE("A shard served by xapian-tcpsrv is searched with its facets", "[searchd]") {
    Fixture one;
    std::string reports = (one.tmp / "reports").string(), statements = (one.tmp / "statements").string();
    REQUIRE(test::run_indexer("--db " + reports + " " + (test::fixtures() / "reports").string()).status == 0);
    REQUIRE(test::run_indexer("--db " + statements + " " + (test::fixtures() / "search").string()).status == 0);
    test::Daemon tcpsrv("xapian-tcpsrv --interface 127.0.0.1 --port {port} " + statements);
    REQUIRE(tcpsrv.port() > 0);
    std::string stub = (one.tmp / "remote.stub").string();
    test::write_file(stub, "auto " + reports + "\nremote 127.0.0.1:" + std::to_string(tcpsrv.port()) + "\n");
    test::TestServer sharded(stub);
    auto client = sharded.client();
    for (const char* query : {"", "q=migration", "q=migrants&lang=en&country=MA", "q=migr*&from=2021", "q=xqzzy"}) {
        CAPTURE(query);
        int status = 0;
        json b = get_json(client, "/api/search?size=3&" + std::string(query), &status);
        int status_a = 0;
        json a = one.get("/api/search?size=3&" + std::string(query), &status_a);
        REQUIRE(status == 200);
        REQUIRE(status_a == 200);
        REQUIRE(a.contains("total"));
        CHECK(b["total"] == a["total"]);
        CHECK(b["facets"] == a["facets"]);
    }
}

TEST_CASE("A country filter takes any ISO 3166 region, territories included", "[searchd]") {
    Fixture f;
    for (const char* country : {"GG", "gg", "Guernsey", "PR"}) {
        CAPTURE(country);
        int status = 0;
        json r = f.get("/api/search?size=1&country=" + url_encode(country), &status);
        CHECK(status == 200);
        CHECK(r["total"] == 0);
    }
}
