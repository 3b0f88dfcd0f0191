// /api/cite against the real routes on a real port, over an index built by mahdar-indexer.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace mahdar;
using json = nlohmann::json;
using test::url_encode;

namespace {

// A long paragraph with several sentences and a word hyphenated at a line end.
constexpr const char* consultation = R"(# Consultation on labour migration in the region

Monday, 6 June 2022

1. Opening the consultation, the moderator recalled the aims of the meeting. Ms. Leila Haddad, Programme Officer, IOM, said that fair recruitment of migrant workers requires cooperation between countries of origin and destination. She added that the regional migra-
tion data platform would be launched before the end of the year. Participants welcomed the proposal.
)";

struct Fixture {
    test::TempDir tmp;
    std::string db = (tmp / "db").string();
    std::unique_ptr<test::TestServer> server;
    Fixture() {
        test::write_file(tmp / "extra" / "consultation.en.md", consultation);
        auto r = test::run_indexer("--db " + db + " " + (test::fixtures() / "reports").string() +
                                   " " + (test::fixtures() / "search").string() + " " +
                                   (tmp / "extra").string());
        if (r.status != 0) FAIL(r.output);
        server = std::make_unique<test::TestServer>(db);
    }
    json cite(const std::string& text, int* status = nullptr) {
        auto c = server->client();
        auto res = c.Post("/api/cite", json{{"text", text}}.dump(), "application/json");
        if (status) *status = res ? res->status : -1;
        return res ? json::parse(res->body, nullptr, false) : json();
    }
    json get(const std::string& path, int* status = nullptr) {
        auto c = server->client();
        return test::get_json(c, path, status);
    }
    int post_status(const std::string& body, std::string* code = nullptr) {
        auto c = server->client();
        auto res = c.Post("/api/cite", body, "application/json");
        if (code && res) *code = json::parse(res->body, nullptr, false)["error"].value("code", "");
        return res ? res->status : -1;
    }
};

std::string span_text(const json& match) {
    std::string text = match["text"];
    std::size_t b = match["span"][0], e = match["span"][1];
    return text.substr(b, e - b);
}

bool has_op(const json& diff, const std::string& op, const std::string& source,
            const std::string& draft) {
    for (const auto& d : diff)
        if (d["op"] == op && d["source"] == source && d["draft"] == draft) return true;
    return false;
}

} // namespace

TEST_CASE("A quote in other case, quotes and spacing is found verbatim", "[cite][http]") {
    Fixture f;
    int status = 0;
    json r = f.cite(
        "“FAIR RECRUITMENT OF MIGRANT WORKERS REQUIRES\n COOPERATION between countries”", &status);
    REQUIRE(status == 200);
    REQUIRE(!r["matches"].empty());
    CHECK(r["reason"].is_null());
    CHECK(r["matches"].size() <= 5);
    json m = r["matches"][0];
    CHECK(m["doc_id"].get<std::string>().find("consultation") != std::string::npos);
    CHECK(m["verbatim"] == true);
    CHECK(m["coverage"] == 1.0);
    CHECK(span_text(m) ==
          "fair recruitment of migrant workers requires cooperation between countries");
    CHECK(m["span_chars"] == m["span"]); // ASCII: UTF-16 units = bytes
    for (const char* k :
         {"id", "doc_id", "doc_title", "para", "ordinal", "speaker", "countries", "objectives",
          "date", "lang", "text", "snippet_html", "score", "diff", "citation"})
        CHECK(m.contains(k));
    CHECK(m["snippet_html"].get<std::string>().find("<mark>fair recruitment") != std::string::npos);
}

TEST_CASE("A word hyphenated at a line end, and one sentence of a long passage", "[cite][http]") {
    Fixture f;
    json m = f.cite("She added that the regional migration data platform would be launched before "
                    "the end of the year.")["matches"][0];
    CHECK(m["verbatim"] == true);
    CHECK(span_text(m) == "She added that the regional migra-\ntion data platform would be "
                          "launched before the end of the year");
    CHECK(m["para"] == "1");
    // and the other way round: the draft hyphenated, the source whole
    json fr = f.cite(
        "renforcer la coopé-\nration régionale et la protection des personnes")["matches"][0];
    CHECK(fr["lang"] == "fr");
    CHECK(fr["verbatim"] == true);
}

TEST_CASE("A changed word is not verbatim and the diff shows it", "[cite][http]") {
    Fixture f;
    json m = f.cite("fair recruitment of migrant workers requires cooperation between countries of "
                    "transit and destination")["matches"][0];
    CHECK(m["doc_id"].get<std::string>().find("consultation") != std::string::npos);
    CHECK(m["verbatim"] == false);
    CHECK(has_op(m["diff"], "changed", "origin", "transit"));
    CHECK(m["coverage"].get<double>() > 0.9);

    json objective = f.cite(
        "discussed regional cooperation under objective 22 of the Global Compact")["matches"][0];
    CHECK(objective["verbatim"] == false);
    CHECK(has_op(objective["diff"], "changed", "23", "22"));
}

TEST_CASE("An ellipsis cut in the middle is found, not verbatim, and shown as elided",
          "[cite][http]") {
    Fixture f;
    json m = f.cite(
        "The participants discussed regional cooperation ... of the Global Compact.")["matches"][0];
    CHECK(m["text"].get<std::string>().rfind("The participants discussed", 0) == 0);
    CHECK(m["coverage"] == 1.0);
    CHECK(m["verbatim"] == false);
    bool elided = false;
    for (const auto& d : m["diff"])
        elided = elided || (d["op"] == "missing" && d.value("elided", false) &&
                            d["source"] == "under objective 23");
    CHECK(elided);
}

TEST_CASE("Arabic and French quotes without diacritics find their source", "[cite][http]") {
    Fixture f;
    json ar = f.get("/api/cite?text=" +
                    url_encode("رحبت الامم المتحده بالمشاركين في الاجتماع"))["matches"][0];
    CHECK(ar["lang"] == "ar");
    CHECK(ar["verbatim"] == true);
    CHECK(span_text(ar) == "رحبت الأُمَم المتّحدة بالمشاركين في الاجتماع");
    CHECK(ar["span_chars"][0] == 0);
    CHECK(ar["span_chars"][1] == 44); // code points of the stretch (all in the BMP)
    json fr =
        f.get("/api/cite?lang=fr&text=" +
              url_encode("a souligne l'objectif commun de securite des migrants"))["matches"][0];
    CHECK(fr["verbatim"] == true);
    CHECK(span_text(fr) == "a souligné l’objectif commun de sécurité des migrants");
}

TEST_CASE("Each match carries citations in three languages and CSL-JSON", "[cite][http]") {
    Fixture f;
    json m =
        f.cite("Sara Salman stressed that regional cooperation on labour migration must improve")
            ["matches"][0];
    REQUIRE(m["doc_title"] == "Regional review meeting 2021");
    CHECK(m["citation"]["en"] ==
          "Statement by Ms. Sara Salman (ESCWA), Regional review meeting 2021, 4 March 2021.");
    CHECK(m["citation"]["fr"] ==
          "Déclaration de Mme Sara Salman (ESCWA), Regional review meeting 2021, 4 mars 2021.");
    CHECK(m["citation"]["ar"] ==
          "بيان السيدة \u2068Sara Salman\u2069 (\u2068ESCWA\u2069)، \u2068Regional review meeting 2021\u2069، 4 آذار/مارس 2021.");
    CHECK(m["citation"]["csl_json"]["type"] == "speech");
    CHECK(m["citation"]["csl_json"]["issued"]["date-parts"] == json::parse("[[2021, 3, 4]]"));
}

TEST_CASE("Unrelated or too short text gets no match and a reason", "[cite][http]") {
    Fixture f;
    for (const char* text :
         {"The weather in the mountains was cold and windy for the whole of last week.",
          "Quarterly revenue of the airline grew as fuel prices fell sharply", "migration"}) {
        CAPTURE(text);
        int status = 0;
        json r = f.cite(text, &status);
        CHECK(status == 200);
        CHECK(r["matches"].empty());
        CHECK(r["reason"].is_string());
    }
}

TEST_CASE("Bad cite requests are JSON errors with the right status", "[cite][http]") {
    Fixture f;
    std::string code;
    int status = 0;
    CHECK(f.get("/api/cite", &status)["error"]["code"] == "bad_parameter");
    CHECK(status == 400);
    CHECK(f.get("/api/cite?text=", &status)["error"]["code"] == "bad_parameter");
    CHECK(status == 400);
    CHECK(f.get("/api/cite?text=%FF%FEabc", &status)["error"]["code"] == "bad_parameter");
    CHECK(status == 400);
    CHECK(f.get("/api/cite?lang=de&text=migration", &status)["error"]["code"] == "bad_parameter");
    CHECK(status == 400);
    CHECK(f.post_status("not json", &code) == 400);
    CHECK(code == "bad_parameter");
    CHECK(f.post_status(R"({"lang": "en"})") == 400);
    CHECK(f.post_status(R"({"text": 12})") == 400);
    CHECK(f.post_status(R"({"text": "   \n "})") == 400);
    CHECK(f.post_status(R"({"text": "migration data", "lang": "xx"})") == 400);
    CHECK(f.post_status(R"({"text": "migration data", "lang": null})") == 200);
    CHECK(f.post_status(json{{"text", std::string(8192, 'a')}}.dump()) == 200);
    CHECK(f.post_status(json{{"text", std::string(8193, 'a')}}.dump(), &code) == 413);
    CHECK(code == "too_long");
    auto c = f.server->client();
    auto put = c.Put("/api/cite", "{}", "application/json");
    REQUIRE(put);
    CHECK(put->status == 405);
    CHECK(f.get("/api/health", &status)["status"] == "ok"); // still serving
}
