// parse_search_request (http/request.h): the /api/search parameters a client sends and the
// SearchRequest they become, or the error that names the parameter at fault.
#include "facets/labels.h"
#include "http/request.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

using namespace mahdar;

namespace {

struct Fixture {
    ReferenceData data;
    Labels labels{data};
    Analyzer analyzer{test::word_lists()};
    CountryResolver countries = [this](std::string_view n) { return labels.resolve_country(n); };
    QueryParser parser{analyzer, countries};

    Result<SearchRequest> parse(const Params& params) { return parse_search_request(params, parser, countries); }
};

const char* sort_name(Sort s) {
    switch (s) {
    case Sort::relevance: return "relevance";
    case Sort::date_ascending: return "date";
    case Sort::date_descending: return "-date";
    case Sort::indexed_descending: return "-indexed";
    }
    return "?";
}

// Every field a client can set, compared one by one so a failure says which.
void check_same(const SearchRequest& got, const SearchRequest& want) {
    CHECK(got.q == want.q);
    CHECK(got.filters.speaker == want.filters.speaker);
    CHECK(got.filters.country == want.filters.country);
    CHECK(got.filters.objective == want.filters.objective);
    CHECK(got.filters.lang == want.filters.lang);
    CHECK(got.filters.doc == want.filters.doc);
    CHECK(got.from == want.from);
    CHECK(got.to == want.to);
    CHECK(sort_name(got.sort) == std::string(sort_name(want.sort)));
    CHECK(got.page == want.page);
    CHECK(got.size == want.size);
    CHECK((got.collapse == Collapse::doc) == (want.collapse == Collapse::doc));
    CHECK(lang_code(got.ui) == lang_code(want.ui));
}

} // namespace

TEST_CASE("Good parameters become the SearchRequest they describe", "[request]") {
    Fixture f;
    struct Row {
        std::string name;
        Params params;
        std::function<void(SearchRequest&)> want; ///< changes from the defaults
    };
    const std::vector<Row> rows = {
        {"no parameters: page 1 of 10 by relevance", {}, [](SearchRequest&) {}},
        {"q", {{"q", "migrant workers"}}, [](SearchRequest& w) { w.q = "migrant workers"; }},
        {"speaker", {{"speaker", "Sara Salman"}}, [](SearchRequest& w) { w.filters.speaker = {"Sara Salman"}; }},
        {"country by code", {{"country", "MA"}}, [](SearchRequest& w) { w.filters.country = {"MA"}; }},
        {"country by code in lower case", {{"country", "ma"}}, [](SearchRequest& w) { w.filters.country = {"MA"}; }},
        {"country by English name", {{"country", "Morocco"}}, [](SearchRequest& w) { w.filters.country = {"MA"}; }},
        {"country by French name", {{"country", "Maroc"}}, [](SearchRequest& w) { w.filters.country = {"MA"}; }},
        {"country by Arabic name", {{"country", "المغرب"}}, [](SearchRequest& w) { w.filters.country = {"MA"}; }},
        {"country repeated", {{"country", "Maroc"}, {"country", "EG"}},
         [](SearchRequest& w) { w.filters.country = {"MA", "EG"}; }},
        {"objective", {{"objective", "23"}}, [](SearchRequest& w) { w.filters.objective = {23}; }},
        {"objective repeated", {{"objective", "1"}, {"objective", "23"}},
         [](SearchRequest& w) { w.filters.objective = {1, 23}; }},
        {"lang", {{"lang", "fr"}}, [](SearchRequest& w) { w.filters.lang = {"fr"}; }},
        {"lang in upper case", {{"lang", "AR"}}, [](SearchRequest& w) { w.filters.lang = {"ar"}; }},
        {"doc", {{"doc", "A/RES/73/195"}}, [](SearchRequest& w) { w.filters.doc = {"A/RES/73/195"}; }},
        {"a year: first and last day", {{"from", "2021"}, {"to", "2021"}},
         [](SearchRequest& w) { w.from = "20210101"; w.to = "20211231"; }},
        {"a month: first and last day", {{"from", "2021-04"}, {"to", "2021-04"}},
         [](SearchRequest& w) { w.from = "20210401"; w.to = "20210430"; }},
        {"February of a common year", {{"to", "2021-02"}}, [](SearchRequest& w) { w.to = "20210228"; }},
        {"February of a leap year", {{"to", "2024-02"}}, [](SearchRequest& w) { w.to = "20240229"; }},
        {"February of 1900, no leap year", {{"to", "1900-02"}}, [](SearchRequest& w) { w.to = "19000228"; }},
        {"February of 2000, a leap year", {{"to", "2000-02"}}, [](SearchRequest& w) { w.to = "20000229"; }},
        {"December", {{"from", "2020-12"}, {"to", "2020-12"}},
         [](SearchRequest& w) { w.from = "20201201"; w.to = "20201231"; }},
        {"days", {{"from", "2021-03-15"}, {"to", "2024-02-29"}},
         [](SearchRequest& w) { w.from = "20210315"; w.to = "20240229"; }},
        {"one day", {{"from", "2021-03-15"}, {"to", "2021-03-15"}},
         [](SearchRequest& w) { w.from = w.to = "20210315"; }},
        {"sort relevance", {{"sort", "relevance"}}, [](SearchRequest& w) { w.sort = Sort::relevance; }},
        {"sort date", {{"sort", "date"}}, [](SearchRequest& w) { w.sort = Sort::date_ascending; }},
        {"sort -date", {{"sort", "-date"}}, [](SearchRequest& w) { w.sort = Sort::date_descending; }},
        {"page", {{"page", "3"}}, [](SearchRequest& w) { w.page = 3; }},
        {"smallest size", {{"size", "1"}}, [](SearchRequest& w) { w.size = 1; }},
        {"largest size", {{"size", "100"}}, [](SearchRequest& w) { w.size = 100; }},
        {"collapse", {{"collapse", "doc"}}, [](SearchRequest& w) { w.collapse = Collapse::doc; }},
        {"ui ar", {{"ui", "ar"}}, [](SearchRequest& w) { w.ui = Lang::ar; }},
        {"ui FR", {{"ui", "FR"}}, [](SearchRequest& w) { w.ui = Lang::fr; }},
        {"filters in q join the parameters'", {{"q", "country:Maroc objective:23 lang:fr"}, {"country", "EG"}},
         [](SearchRequest& w) {
             w.q = "country:Maroc objective:23 lang:fr";
             w.filters.country = {"EG", "MA"};
             w.filters.objective = {23};
             w.filters.lang = {"fr"};
         }},
        {"a filter in q and in a parameter counts once", {{"q", "speaker:Salman"}, {"speaker", "Salman"}},
         [](SearchRequest& w) { w.q = "speaker:Salman"; w.filters.speaker = {"Salman"}; }},
        {"q of exactly 1024 bytes", {{"q", std::string(1024, 'a')}}, [](SearchRequest& w) { w.q = std::string(1024, 'a'); }},
        {"empty values are absent ones", {{"page", ""}, {"size", ""}, {"country", ""}, {"sort", ""}},
         [](SearchRequest&) {}},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        auto got = f.parse(row.params);
        if (!got) FAIL("refused: " << got.error().message);
        SearchRequest want;
        row.want(want);
        check_same(got.value(), want);
    }
}

TEST_CASE("The text of q is parsed with the one lang of the lang parameter", "[request]") {
    Fixture f;
    auto fr = f.parse({{"q", "l'objectif"}, {"lang", "fr"}});
    auto en = f.parse({{"q", "l'objectif"}, {"lang", "en"}});
    REQUIRE(fr.ok());
    REQUIRE(en.ok());
    // French strips the elided article; English keeps the word whole.
    CHECK(fr->parsed.highlight.words == std::set<std::string>{"objectif"});
    CHECK(en->parsed.highlight.words == std::set<std::string>{"l'objectif"});
}

TEST_CASE("A bad parameter is refused with its status and a message naming it", "[request]") {
    Fixture f;
    struct Row {
        Params params;
        int status;
        std::string names; ///< the message contains this
    };
    const std::string bad_utf8 = "migr\xC3\x28nts";
    const std::vector<Row> rows = {
        {{{"page", "0"}}, 400, "page must"},
        {{{"page", "x"}}, 400, "page must"},
        {{{"page", "-1"}}, 400, "page must"},
        {{{"page", "1.5"}}, 400, "page must"},
        {{{"page", "99999999999"}}, 400, "page must"},
        {{{"size", "0"}}, 400, "size must"},
        {{{"size", "101"}}, 400, "size must"},
        {{{"size", "ten"}}, 400, "size must"},
        {{{"from", "2021-13"}}, 400, "from must be a date"},
        {{{"from", "2021-00"}}, 400, "from must be a date"},
        {{{"from", "21"}}, 400, "from must be a date"},
        {{{"from", "2021-3"}}, 400, "from must be a date"},
        {{{"from", "2021/03/15"}}, 400, "from must be a date"},
        {{{"from", "2021-02-29"}}, 400, "from must be a date"},
        {{{"to", "2021-02-30"}}, 400, "to must be a date"},
        {{{"to", "2021-04-31"}}, 400, "to must be a date"},
        {{{"to", "yesterday"}}, 400, "to must be a date"},
        {{{"from", "2022"}, {"to", "2021-12-31"}}, 400, "from is after to"},
        {{{"sort", "up"}}, 400, "sort must"},
        {{{"sort", "Date"}}, 400, "sort must"},
        {{{"lang", "de"}}, 400, "lang must"},
        {{{"lang", "fr"}, {"lang", "english"}}, 400, "lang must"},
        {{{"objective", "24"}}, 400, "objective must"},
        {{{"objective", "0"}}, 400, "objective must"},
        {{{"objective", "five"}}, 400, "objective must"},
        {{{"ui", "xx"}}, 400, "ui must"},
        {{{"country", "Atlantis"}}, 400, "country \"Atlantis\""},
        {{{"country", "MA"}, {"country", "XX"}}, 400, "country \"XX\""},
        {{{"collapse", "yes"}}, 400, "collapse must"},
        {{{"q", std::string(1025, 'a')}}, 413, "q is 1025 bytes long, over the limit of 1024 bytes by 1"},
        {{{"q", std::string(600, 'a') + " " + std::string(600, 'b')}}, 413, "q is 1201 bytes long"},
        {{{"q", bad_utf8}}, 400, "parameter q "},
        {{{"speaker", bad_utf8}}, 400, "parameter speaker "},
        {{{"q", "migrants"}, {"doc", "\xFF"}}, 400, "parameter doc "},
        {{{"q", "objective:24"}}, 400, "objective: must"},
        {{{"q", "\"\""}}, 400, "quotes"},
        {{{"not_country", "Atlantis"}}, 400, "not_country \"Atlantis\""},
        {{{"not_lang", "de"}}, 400, "not_lang must"},
        {{{"not_objective", "24"}}, 400, "not_objective must"},
        {{{"not_symbol", "not a symbol"}}, 400, "not_symbol \"not a symbol\""},
        {{{"undated", "yes"}}, 400, "undated must be only"},
        {{{"undated", "only"}, {"from", "2020"}}, 400, "cannot be combined with from or to"},
    };
    for (const auto& row : rows) {
        std::string shown;
        for (const auto& [k, v] : row.params) shown += k + "=" + v.substr(0, 40) + "&";
        INFO(shown);
        auto got = f.parse(row.params);
        CHECK_FALSE(got.ok());
        if (got.ok()) continue;
        CHECK(got.error().status == row.status);
        CHECK(got.error().code() == (row.status == 413 ? "too_long" : "bad_parameter"));
        CHECK_THAT(got.error().message, Catch::Contains(row.names));
    }
}

TEST_CASE("Exclusions come from not_ parameters and negated filters in q, together", "[request]") {
    Fixture f;
    auto r = f.parse({{"q", "migrants -country:EG NOT lang:fr"}, {"not_country", "Maroc"}, {"not_objective", "23"},
                      {"not_speaker", "Sara Salman"}, {"country", "DZ"}, {"undated", "only"}});
    REQUIRE(r.ok());
    CHECK(r->filters.country == std::vector<std::string>{"DZ"});
    CHECK(r->excluded.country == std::vector<std::string>{"MA", "EG"});
    CHECK(r->excluded.lang == std::vector<std::string>{"fr"});
    CHECK(r->excluded.objective == std::vector<int>{23});
    CHECK(r->excluded.speaker == std::vector<std::string>{"Sara Salman"});
    CHECK(r->undated == Undated::only);
}
