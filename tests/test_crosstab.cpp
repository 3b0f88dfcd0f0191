// GET /api/crosstab and GET /api/speaker/{name} (issue 16, the staff desk's pages), against the
// real routes over a real index: every count is checked against what /api/search reports for
// the same passages.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace mahdar;
using json = nlohmann::json;
using test::get_json;
using test::url_encode;

namespace {

struct Fixture : test::ServedIndex {
    Fixture() : ServedIndex({test::fixtures() / "reports", test::fixtures() / "search"}) {}
    std::size_t total(const std::string& query) { return get("/api/search?size=1&" + query)["total"].get<std::size_t>(); }
};

// The search parameter that selects passages having `value` of `field` (a year is a date range).
std::string filter(const std::string& field, const std::string& value) {
    if (field == "year") return "from=" + value + "&to=" + value;
    return field + "=" + url_encode(value);
}

// Checks every cell and total of the table for `base` (a search's parameters, possibly none)
// against the totals of searches with the row's and the column's filters added.
void check_table(Fixture& f, const std::string& rows, const std::string& cols, const std::string& base) {
    std::string and_base = base.empty() ? "" : "&" + base;
    int status = 0;
    json t = f.get("/api/v1/crosstab?rows=" + rows + "&cols=" + cols + and_base, &status);
    REQUIRE(status == 200);
    CHECK(t["row_field"] == rows);
    CHECK(t["col_field"] == cols);
    CHECK(t["total"] == f.total(base));
    REQUIRE(!t["rows"].empty());
    REQUIRE(!t["cols"].empty());
    for (std::size_t i = 0; i < t["rows"].size(); ++i) {
        std::string rf = filter(rows, t["rows"][i]["value"]);
        INFO(rows << " " << t["rows"][i]["value"] << " with " << base);
        CHECK(t["rows"][i]["count"] == f.total(rf + and_base));
        for (std::size_t j = 0; j < t["cols"].size(); ++j) {
            INFO(cols << " " << t["cols"][j]["value"]);
            CHECK(t["cells"][i][j] == f.total(rf + "&" + filter(cols, t["cols"][j]["value"]) + and_base));
        }
    }
    for (const auto& c : t["cols"]) CHECK(c["count"] == f.total(filter(cols, c["value"]) + and_base));
}

} // namespace

TEST_CASE("Each cell of a cross-table is the total of the search with both filters", "[crosstab]") {
    Fixture f;
    check_table(f, "objective", "year", "");
    check_table(f, "country", "objective", "");
    check_table(f, "objective", "year", "country=MA");
    check_table(f, "speaker", "country", "q=migration");
}

TEST_CASE("A cross-table labels its values in the interface language", "[crosstab]") {
    Fixture f;
    json fr = f.get("/api/v1/crosstab?rows=country&cols=lang&ui=fr");
    json ar = f.get("/api/v1/crosstab?rows=country&cols=lang&ui=ar&country=MA");
    bool morocco = false;
    for (const auto& r : fr["rows"])
        if (r["value"] == "MA") morocco = r["label"] == "Maroc";
    CHECK(morocco);
    // With a country filter, rows are every country those passages mention: Morocco in all of them.
    REQUIRE(!ar["rows"].empty());
    CHECK(ar["rows"][0]["value"] == "MA");
    CHECK(ar["rows"][0]["label"] == "المغرب");
    CHECK(ar["rows"][0]["count"] == ar["total"]);
    json langs = f.get("/api/search?size=1&country=MA&ui=ar")["facets"]["lang"];
    REQUIRE(ar["cols"].size() == langs.size());
    for (const auto& l : langs) {
        bool found = false;
        for (const auto& c : ar["cols"]) found = found || (c["value"] == l["value"] && c["label"] == l["label"]);
        CHECK(found);
    }
}

TEST_CASE("A cross-table's limit keeps the most frequent values and says how many are left out", "[crosstab]") {
    Fixture f;
    json all = f.get("/api/v1/crosstab?rows=country&cols=year");
    json two = f.get("/api/v1/crosstab?rows=country&cols=year&limit=2");
    REQUIRE(all["rows"].size() > 2);
    REQUIRE(two["rows"].size() == 2);
    CHECK(two["rows"][0] == all["rows"][0]);
    CHECK(two["rows_more"] == all["rows"].size() - 2);
    CHECK(two["total"] == all["total"]);
}

TEST_CASE("Bad cross-table requests are 400s naming the parameter, and the server keeps serving", "[crosstab]") {
    Fixture f;
    int status = 0;
    json e = f.get("/api/v1/crosstab?rows=colour", &status);
    CHECK(status == 400);
    CHECK(e["error"]["parameter"] == "rows");
    CHECK(e["error"]["valid"].size() == 7);
    for (const char* bad : {"cols=day", "limit=0", "limit=1001", "limit=x", "page=2", "country=Atlantis", "from=2021-13"}) {
        INFO(bad);
        f.get(std::string("/api/v1/crosstab?") + bad, &status);
        CHECK(status == 400);
    }
    f.get("/api/v1/crosstab?rows=objective&cols=year", &status);
    CHECK(status == 200);
}

TEST_CASE("A speaker's profile: both scripts, counts and dates as the search finds them", "[crosstab]") {
    Fixture f;
    int status = 0;
    json p = f.get("/api/v1/speaker/" + url_encode("Sara Salman") + "?ui=ar", &status);
    REQUIRE(status == 200);
    CHECK(p["name"] == "Sara Salman");
    CHECK(p["arabic"] == "سارة سلمان");
    CHECK(p["label"] == "سارة سلمان");
    CHECK(p["passages"] == f.total("speaker=" + url_encode("Sara Salman")));
    json oldest = f.get("/api/search?sort=date&size=1&speaker=" + url_encode("Sara Salman"));
    json newest = f.get("/api/search?sort=-date&size=1&speaker=" + url_encode("Sara Salman"));
    CHECK(p["first_date"] == oldest["hits"][0]["date"]);
    CHECK(p["last_date"] == newest["hits"][0]["date"]);
    std::set<std::string> spellings;
    for (const auto& s : p["spellings"]) spellings.insert(s["value"]);
    CHECK(spellings == std::set<std::string>{"Sara Salman", "سارة سلمان"});
    // The Arabic spelling finds the same person.
    json by_arabic = f.get("/api/v1/speaker/" + url_encode("سارة سلمان"));
    CHECK(by_arabic["name"] == "Sara Salman");
    CHECK(by_arabic["passages"] == p["passages"]);
    f.get("/api/v1/speaker/" + url_encode("Nobody Atall"), &status);
    CHECK(status == 404);
    f.get("/api/v1/speaker/" + url_encode("Sara Salman") + "?ui=de", &status);
    CHECK(status == 400);
}

TEST_CASE("Over a stub of two shards a cross-table counts as over one index", "[crosstab]") {
    // One index counts from its facet columns; a stub of shards has none and reads the values.
    Fixture one;
    std::string reports = (one.tmp / "reports").string(), statements = (one.tmp / "statements").string();
    REQUIRE(test::run_indexer("--db " + reports + " " + (test::fixtures() / "reports").string()).status == 0);
    REQUIRE(test::run_indexer("--db " + statements + " " + (test::fixtures() / "search").string()).status == 0);
    std::string stub = (one.tmp / "all.stub").string();
    test::write_file(stub, "auto " + reports + "\nauto " + statements + "\n");
    test::TestServer sharded(stub);
    auto client = sharded.client();
    for (const char* query : {"", "rows=country&cols=objective", "rows=speaker&cols=month&q=migration",
                              "rows=year&cols=lang&country=MA", "q=%22labour+migration%22"}) {
        CAPTURE(query);
        json a = one.get("/api/v1/crosstab?" + std::string(query));
        json b = get_json(client, "/api/v1/crosstab?" + std::string(query));
        CHECK(a["total"].get<int>() > 0);
        CHECK(a == b);
    }
}
