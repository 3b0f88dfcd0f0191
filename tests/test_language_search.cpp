// Words as people write them, end to end (issue 15): the real indexer, the real routes.
#include "http_support.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace mahdar;
using json = nlohmann::json;
using test::get_json;
using test::url_encode;

namespace {

// A server over passages given as JSON Lines, one object per line.
struct Passages {
    test::TempDir tmp;
    std::string db = (tmp / "db").string();
    std::unique_ptr<test::TestServer> server;
    explicit Passages(const std::string& jsonl) {
        test::write_file(tmp / "in" / "p.jsonl", jsonl);
        auto r = test::run_indexer("--db " + db + " " + (tmp / "in").string());
        if (r.status != 0) FAIL(r.output);
        server = std::make_unique<test::TestServer>(db);
    }
    // The ids of the passages `q` finds, best first.
    std::vector<std::string> ids(const std::string& q, const std::string& more = "") {
        auto c = server->client();
        json r = get_json(c, "/api/search?size=50&q=" + url_encode(q) + more);
        std::vector<std::string> out;
        for (const auto& h : r["hits"]) out.push_back(h["id"].get<std::string>());
        return out;
    }
};

std::string line(const std::string& id, const std::string& lang, const std::string& text, const std::string& speaker = "") {
    json j = {{"id", id}, {"doc_id", id}, {"doc_title", "T"}, {"lang", lang}, {"text", text}};
    if (!speaker.empty()) j["speaker"] = speaker;
    return j.dump() + "\n";
}

} // namespace

TEST_CASE("A quoted phrase matches across inflection, clitics and spelling, the wording as typed first, and =\"…\" only as typed", "[searchd][language]") {
    Passages p(line("en-pl", "en", "Governments opened regular pathways for workers.") +
               line("en-sg", "en", "Each regular pathway was reviewed.") +
               line("en-uk", "en", "The labour market of the region.") +
               line("ar-li", "ar", "رحب ممثل الأردن بدعم للأمم المتحدة للبلدان المضيفة.") +
               line("ar-al", "ar", "قدمت الأمم المتحدة الدعم للبلدان المضيفة.") +
               line("fr-pl", "fr", "Les droits des migrants sont au cœur du Pacte.") +
               line("fr-ap", "fr", "Une autre phrase sur les migrants, sans droit."));
    CHECK(p.ids("\"regular pathway\"") == std::vector<std::string>{"en-sg", "en-pl"});
    CHECK(p.ids("=\"regular pathway\"") == std::vector<std::string>{"en-sg"});
    CHECK(p.ids("\"labor market\"") == std::vector<std::string>{"en-uk"});
    CHECK(p.ids("=\"labor market\"").empty());
    CHECK(p.ids("\"الأمم المتحدة\"") == std::vector<std::string>{"ar-al", "ar-li"});
    CHECK(p.ids("=\"الأمم المتحدة\"") == std::vector<std::string>{"ar-al"});
    CHECK(p.ids("\"droit des migrants\"") == std::vector<std::string>{"fr-pl"}); // in order, adjacent
    CHECK(p.ids("=\"droit des migrants\"").empty());
    CHECK(p.ids("=pathways") == std::vector<std::string>{"en-pl"});
    CHECK(p.ids("pathways").size() == 2);
}

TEST_CASE("Words as people type them: other proclitics, broken plurals, British spelling, no accents", "[searchd][language]") {
    Passages p(line("ar-1", "ar", "اتخذ المجلس قرارا بشأن أوكرانيا.") +
               line("ar-2", "ar", "قدمت المساعدة لأوكرانيا وللاجئين.") +
               line("ar-3", "ar", "ناقشت الدول حقوق المهاجرين.") +
               line("en-1", "en", "The organization strengthened its defense programs.") +
               line("fr-1", "fr", "Les migrations régulières et les enjeux du Pacte."));
    CHECK(p.ids("شأن") == std::vector<std::string>{"ar-1"});
    CHECK(p.ids("أوكرانيا").size() == 2);
    CHECK(p.ids("اللاجئين") == std::vector<std::string>{"ar-2"});
    CHECK(p.ids("الدولة حق") == std::vector<std::string>{"ar-3"}); // دول/دولة, حقوق/حق
    CHECK(p.ids("organisation defence programme") == std::vector<std::string>{"en-1"});
    CHECK(p.ids("migrations regulieres") == std::vector<std::string>{"fr-1"});
    CHECK(p.ids("enjeu") == std::vector<std::string>{"fr-1"});
}

TEST_CASE("One person written in Arabic and Latin script is one speaker, labelled in the interface language", "[searchd][language]") {
    Passages p(line("en-1", "en", "We welcome the review.", "Rania Khoury") +
               line("ar-1", "ar", "نرحب بالاستعراض.", "رانيا خوري") +
               line("ar-2", "ar", "نشكر الرئاسة.", "رانيا خوري") +
               line("en-2", "en", "Thank you.", "Leila Karam") +
               line("ar-3", "ar", "شكرا.", "ليلى عواد"));
    auto c = p.server->client();
    auto speakers = [&](const std::string& ui) {
        std::map<std::string, std::pair<std::string, int>> out;
        json r = get_json(c, "/api/search?size=1&ui=" + ui);
        for (const auto& v : r["facets"]["speaker"])
            out[v["value"].get<std::string>()] = {v["label"].get<std::string>(), v["count"].get<int>()};
        return out;
    };
    auto en = speakers("en"), ar = speakers("ar");
    CHECK(en["Rania Khoury"] == std::make_pair(std::string("Rania Khoury"), 3));
    CHECK(ar["Rania Khoury"] == std::make_pair(std::string("رانيا خوري"), 3));
    CHECK(en.count("رانيا خوري") == 0);
    CHECK(en.count("ليلى عواد") == 1); // another person: not joined to Leila Karam
    CHECK(en["Leila Karam"].second == 1);
    // Either spelling filters to all three passages; each passage keeps its text's spelling.
    for (const char* name : {"Rania Khoury", "رانيا خوري"}) {
        json r = get_json(c, std::string("/api/search?size=10&speaker=") + url_encode(name));
        CHECK(r["total"] == 3);
        std::set<std::string> shown;
        for (const auto& h : r["hits"]) shown.insert(h["speaker"].get<std::string>());
        CHECK(shown == std::set<std::string>{"Rania Khoury", "رانيا خوري"});
    }
}

TEST_CASE("Words typed together rank first where they stand together, in every language and pages stay consistent", "[searchd][language]") {
    // Alone, BM25 puts each short passage with the words apart first (shorter passages weigh more).
    Passages p(line("en-apart", "en", "21 states discussed objective 5 and agreed.") +
               line("en-together", "en", "The delegation of Morocco recalled that objective 21 of the Global Compact concerns "
                                         "return, readmission and reintegration, and described its national programme.") +
               line("fr-apart", "fr", "Le Traité est clair : il faut appliquer la loi.") +
               line("fr-together", "fr", "La délégation a demandé aux États de la région de prendre des mesures pour "
                                         "appliquer le Traité dans toutes ses dispositions et sans délai.") +
               line("ar-apart", "ar", "الهجرة النظامية مهمة، والمسارات متاحة.") +
               line("ar-together", "ar", "أكد ممثل المغرب في كلمته أمام الاجتماع الإقليمي أهمية توسيع مسارات الهجرة "
                                         "النظامية للعمال وأسرهم في المنطقة العربية."));
    CHECK(p.ids("objective 21", "&lang=en") == std::vector<std::string>{"en-together", "en-apart"});
    CHECK(p.ids("appliquer le traite", "&lang=fr") == std::vector<std::string>{"fr-together", "fr-apart"}); // a stopword between, no accent
    CHECK(p.ids("مسار الهجرة النظامية", "&lang=ar") == std::vector<std::string>{"ar-together", "ar-apart"}); // singular for a plural
    // In another order the words are not "together": BM25 decides again.
    CHECK(p.ids("21 objective", "&lang=en") == std::vector<std::string>{"en-apart", "en-together"});
    // Page 2 of one hit is the second hit of the whole ranking.
    auto c = p.server->client();
    auto page = [&](int n) {
        json r = get_json(c, "/api/search?lang=en&size=1&page=" + std::to_string(n) + "&q=" + url_encode("objective 21"));
        return r["hits"].empty() ? std::string() : r["hits"][0]["id"].get<std::string>();
    };
    CHECK(page(1) == "en-together");
    CHECK(page(2) == "en-apart");
    CHECK(page(3).empty());
}
