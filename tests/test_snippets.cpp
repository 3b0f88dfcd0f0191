// Snippets (search/snippets.h): the excerpt a hit shows, with <mark> around exactly the original
// characters of each matched word, in the three scripts; HTML escaping; cutting long passages.
#include "common/utf8.h"
#include "search/query_parser.h"
#include "search/snippets.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace mahdar;

namespace {

struct Fixture {
    Analyzer analyzer{test::word_lists()};
    QueryParser parser{analyzer, CountryResolver{}};

    Highlight highlight(const std::string& q) {
        auto pq = parser.parse(q, std::nullopt);
        if (!pq) FAIL("refused: " << pq.error().message);
        return pq->highlight;
    }
    std::string snippet(const std::string& text, Lang lang, const std::string& q, std::size_t max_words = 40) {
        return snippet_html(text, lang, highlight(q), analyzer, max_words);
    }
};

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto i = s.find(what); i != std::string::npos; i = s.find(what, i + what.size())) ++n;
    return n;
}

// "w0 w1 … w<n-1>" with `words` put at the given positions.
std::string numbered(std::size_t n, const std::vector<std::pair<std::size_t, std::string>>& words) {
    std::vector<std::string> all;
    for (std::size_t i = 0; i < n; ++i) all.push_back("w" + std::to_string(i));
    for (const auto& [i, w] : words) all[i] = w;
    std::string out;
    for (const auto& w : all) out += (out.empty() ? "" : " ") + w;
    return out;
}

} // namespace

TEST_CASE("A mark covers the original characters of each matched word", "[snippets]") {
    Fixture f;
    struct Row {
        std::string name, q, text;
        Lang lang;
        std::string want;
    };
    const std::vector<Row> rows = {
        {"Arabic harakat", "الامم", "أكدت الأُمَم المتّحدة على الحماية", Lang::ar,
         "أكدت <mark>الأُمَم</mark> المتّحدة على الحماية"},
        {"Arabic tatweel", "الامم", "قال إن الأمـــم المتحدة تدعم", Lang::ar,
         "قال إن <mark>الأمـــم</mark> المتحدة تدعم"},
        {"Arabic phrase", "\"الامم المتحده\"", "أكدت الأُمَم المتّحدة على الحماية", Lang::ar,
         "أكدت <mark>الأُمَم</mark> <mark>المتّحدة</mark> على الحماية"},
        {"Arabic proclitics by the stem", "مهاجرين", "ندعم حقوق المهاجرين والمهاجرات بالمهاجرين", Lang::ar,
         "ندعم حقوق <mark>المهاجرين</mark> <mark>والمهاجرات</mark> <mark>بالمهاجرين</mark>"},
        {"Arabic: a different stem is not marked", "مهاجرين", "الهجرة الآمنة", Lang::ar, "الهجرة الآمنة"},
        {"French elision", "objectif", "L’objectif 23 vise la sécurité.", Lang::fr,
         "<mark>L’objectif</mark> 23 vise la sécurité."},
        {"French accents", "securite", "L’objectif 23 vise la sécurité.", Lang::fr,
         "L’objectif 23 vise la <mark>sécurité</mark>."},
        {"French elision and ligature", "oeuvre", "la main-d’œuvre migrante", Lang::fr,
         "la main-<mark>d’œuvre</mark> migrante"},
        {"French stem", "coopérer", "La coopération et les coopératives.", Lang::fr,
         "La <mark>coopération</mark> et les <mark>coopératives</mark>."},
        {"English stem", "migrants", "Every migrant has rights.", Lang::en, "Every <mark>migrant</mark> has rights."},
        {"English: another stem is not marked", "migrants", "Migrants and migration.", Lang::en,
         "<mark>Migrants</mark> and migration."},
        {"English possessive", "Morocco", "Morocco's delegate", Lang::en, "<mark>Morocco&#39;s</mark> delegate"},
        {"prefix", "coop*", "la coopération et la coordination", Lang::fr, "la <mark>coopération</mark> et la coordination"},
        {"OR marks both", "Morocco OR Egypt", "Egypt and Morocco spoke.", Lang::en,
         "<mark>Egypt</mark> and <mark>Morocco</mark> spoke."},
        {"dropped stopwords are not marked", "the migrants", "The migrants and the hosts.", Lang::en,
         "The <mark>migrants</mark> and the hosts."},
        {"a stopword searched alone is marked", "the", "The migrants and the hosts.", Lang::en,
         "<mark>The</mark> migrants and <mark>the</mark> hosts."},
        {"a stopword in OR is marked", "the OR zebra", "The migrants and the hosts.", Lang::en,
         "<mark>The</mark> migrants and <mark>the</mark> hosts."},
        {"HTML escaped around a mark", "migrants", "Tom & Jerry <b>said</b> \"migrants\" it's", Lang::en,
         "Tom &amp; Jerry &lt;b&gt;said&lt;/b&gt; &quot;<mark>migrants</mark>&quot; it&#39;s"},
        {"HTML escaped inside a mark", "jerry", "Tom & Jerry's <b>report</b>", Lang::en,
         "Tom &amp; <mark>Jerry&#39;s</mark> &lt;b&gt;report&lt;/b&gt;"},
        // The text is plain text: "<b>" in it is three characters, and its "b" a word.
        {"a mark between escaped characters", "b", "a <b>bold</b> b", Lang::en,
         "a &lt;<mark>b</mark>&gt;bold&lt;/<mark>b</mark>&gt; <mark>b</mark>"},
        {"no match: the text escaped, unmarked", "zebra", "Safe & regular", Lang::en, "Safe &amp; regular"},
    };
    for (const auto& row : rows) {
        INFO(row.name << ": q = " << row.q);
        CHECK(f.snippet(row.text, row.lang, row.q) == row.want);
    }
}

TEST_CASE("html_escape escapes the five HTML special characters and nothing else", "[snippets]") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"", ""},
        {"plain text", "plain text"},
        {"a & b", "a &amp; b"},
        {"<script>", "&lt;script&gt;"},
        {"\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"},
        {"&amp;", "&amp;amp;"}, // escaped again: the text is not HTML
        {"الأُمَم « l’objectif »", "الأُمَم « l’objectif »"},
    };
    for (const auto& [in, want] : rows) {
        INFO(in);
        CHECK(html_escape(in) == want);
    }
}

TEST_CASE("A long passage is cut with an ellipsis around its densest stretch of matches", "[snippets]") {
    Fixture f;
    struct Row {
        std::string name;
        std::string text;
        bool cut_before, cut_after;
        std::size_t marks;
        std::vector<std::string> shown, hidden; ///< words that must appear, and must not
    };
    const std::vector<Row> rows = {
        {"60 words, 1.5 times 40: shown whole", numbered(60, {{30, "migrants"}}), false, false, 1, {"w0 ", " w59"}, {}},
        {"61 words: cut", numbered(61, {{30, "migrants"}}), true, false, 1, {" w25 ", " w60"}, {"w0 ", " w20 "}},
        {"match at the start: cut after only", numbered(100, {{0, "migrants"}}), false, true, 1, {}, {" w99"}},
        {"match at the end: cut before only", numbered(100, {{99, "migrants"}}), true, false, 1, {" w98 "}, {"w0 "}},
        {"the dense stretch wins over a lone early match",
         numbered(200, {{5, "migrants"}, {150, "migrants"}, {152, "migrant"}, {154, "migrants"}}), true, true, 3,
         {" w151 ", " w153 "}, {" w5 ", " w6 "}},
        {"a match is read in context: a few words before it, the rest after",
         numbered(100, {{50, "migrants"}}), true, true, 1, {" w45 ", " w49 ", " w51 ", " w60 "}, {" w44 "}},
        {"a stretch as wide as the excerpt is shown whole", numbered(100, {{10, "migrants"}, {49, "migrants"}}),
         true, true, 2, {" w11 ", " w48 "}, {}},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        std::string s = f.snippet(row.text, Lang::en, "migrants");
        INFO(s);
        CHECK((s.rfind("… ", 0) == 0) == row.cut_before);
        CHECK((s.size() >= 4 && s.compare(s.size() - 4, 4, " …") == 0) == row.cut_after);
        CHECK(count(s, "<mark>") == row.marks);
        CHECK(count(s, "<mark>") == count(s, "</mark>"));
        for (const auto& w : row.shown) CHECK(s.find(w) != std::string::npos);
        for (const auto& w : row.hidden) CHECK(s.find(w) == std::string::npos);
        if (row.cut_before || row.cut_after) CHECK(count(s, " ") <= 41); // about 40 words and the ellipses
    }
}

TEST_CASE("An excerpt never breaks an escape or a multi-byte character", "[snippets]") {
    Fixture f;
    // Long passages of Arabic and of escaped characters, cut: the excerpt is valid UTF-8 and
    // every & starts a whole entity.
    std::string ar, amp;
    for (int i = 0; i < 80; ++i) {
        ar += (i == 50 ? "الأُمَم" : "حُقُوق") + std::string(" ");
        amp += (i == 50 ? "migrants" : "a&b") + std::string(" <x> ");
    }
    std::string s_ar = f.snippet(ar, Lang::ar, "الامم");
    std::string s_amp = f.snippet(amp, Lang::en, "migrants");
    CHECK(is_valid_utf8(s_ar));
    CHECK(count(s_ar, "<mark>الأُمَم</mark>") == 1);
    CHECK(count(s_amp, "<mark>migrants</mark>") == 1);
    CHECK(count(s_amp, "&") == count(s_amp, "&amp;") + count(s_amp, "&lt;") + count(s_amp, "&gt;"));
    CHECK(s_amp.find('<') == s_amp.find("<mark>"));
}
