// Issue 16 (D), the API side of the staff desk: excluding a facet value, the undated bucket of
// the year facet, spelling suggestions as written, and the message for a query over the limit.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace mahdar;
using json = nlohmann::json;
using test::get_json;
using test::url_encode;

namespace {

// The search fixtures and web/tests/desk_fixtures: fourteen countries, three undated passages,
// an Arabic passage with المنظومة.
struct Fixture : test::ServedIndex {
    Fixture() : ServedIndex({test::fixtures() / "reports", test::fixtures() / "search",
                                std::filesystem::path(MAHDAR_SOURCE_DIR) / "web" / "tests" / "desk_fixtures"}) {}
};

std::size_t count_of(const json& values, const std::string& value) {
    for (const auto& v : values)
        if (v["value"] == value) return v["count"].get<std::size_t>();
    return 0;
}

} // namespace

TEST_CASE("Excluding a country leaves all passages but that country's, in q or as a parameter", "[desk]") {
    Fixture f;
    json all = f.get("/api/search?q=remittance&facet_limit=1000");
    std::size_t morocco = count_of(all["facets"]["country"], "MA");
    REQUIRE(morocco > 0);
    int status = 0;
    json without = f.get("/api/search?q=remittance&not_country=MA&facet_limit=1000", &status);
    REQUIRE(status == 200);
    CHECK(without["total"].get<std::size_t>() == all["total"].get<std::size_t>() - morocco);
    CHECK(count_of(without["facets"]["country"], "MA") == 0);
    CHECK(count_of(without["facets"]["country"], "EG") == count_of(all["facets"]["country"], "EG"));
    for (const char* q : {"remittance -country:MA", "remittance NOT country:Maroc", "remittance -country:المغرب"})
        CHECK(f.get("/api/search?q=" + url_encode(q))["total"] == without["total"]);
    // Browsing without a query, and with the language excluded (its column is filtered in place).
    json browse = f.get("/api/search?size=1");
    json no_en = f.get("/api/search?size=1&not_lang=en");
    CHECK(no_en["total"].get<std::size_t>() == browse["total"].get<std::size_t>() - count_of(browse["facets"]["lang"], "en"));
    CHECK(f.get("/api/search?not_country=Atlantis", &status)["error"]["parameter"] == "not_country");
    CHECK(status == 400);
}

TEST_CASE("The year facet counts the undated passages, and undated=only selects them", "[desk]") {
    Fixture f;
    json all = f.get("/api/search?q=remittance&ui=fr");
    std::size_t undated = count_of(all["facets"]["year"], "undated");
    CHECK(undated == 3);
    CHECK(all["facets"]["year"].back()["label"] == "Sans date");
    json only = f.get("/api/search?q=remittance&undated=only");
    CHECK(only["total"] == undated);
    for (const auto& h : only["hits"]) CHECK(h["date"].is_null());
    // The year facet of a selection lists the other years still (its own filter left out).
    CHECK(only["facets"]["year"].size() == all["facets"]["year"].size());
    CHECK(f.get("/api/search?undated=only&size=1")["total"].get<std::size_t>() >= 3);
    int status = 0;
    f.get("/api/search?undated=only&from=2020", &status);
    CHECK(status == 400);
}

TEST_CASE("An Arabic spelling suggestion is written as the passages write it", "[desk]") {
    Fixture f;
    json r = f.get("/api/search?q=" + url_encode("المنضومة"));
    REQUIRE(r["suggestion"].is_string());
    CHECK(r["suggestion"] == "المنظومة"); // with ة, not the normalised ه
}

TEST_CASE("A query over the limit is refused with its length and the limit", "[desk]") {
    Fixture f;
    int status = 0;
    json r = f.get("/api/search?q=" + std::string(1500, 'a'), &status);
    CHECK(status == 413);
    CHECK(r["error"]["code"] == "too_long");
    CHECK(r["error"]["parameter"] == "q");
    CHECK_THAT(r["error"]["message"].get<std::string>(), Catch::Contains("1500 bytes") && Catch::Contains("1024"));
    CHECK(f.get("/api/search?q=migrants", &status)["total"].get<int>() > 0); // still serving
}
