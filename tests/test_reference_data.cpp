// Reference data: the embedded TSV files of core/reference/data and ICU's CLDR country names.
#include "reference/reference_data.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>

using namespace mahdar;

namespace {

const ReferenceData& data() {
    static const ReferenceData d;
    return d;
}

const CountryNames& country(const std::string& code) {
    const auto& all = data().countries();
    auto it =
        std::find_if(all.begin(), all.end(), [&](const CountryNames& c) { return c.code == code; });
    REQUIRE(it != all.end());
    return *it;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

} // namespace

TEST_CASE("Countries: UN members, Palestine and the Holy See, with CLDR aliases", "[reference]") {
    CHECK(data().countries().size() >= 195);
    const std::tuple<const char*, Lang, const char*> names[] = {
        {"MA", Lang::ar, "المغرب"},
        {"MA", Lang::en, "Morocco"},
        {"MA", Lang::fr, "Maroc"},
        {"SY", Lang::ar, "سوريا"},
        {"SY", Lang::fr, "Syrie"},
        {"SA", Lang::en, "KSA"},
        {"AE", Lang::en, "UAE"},
        {"SD", Lang::en, "the Sudan"},
        {"PS", Lang::en, "State of Palestine"},
        {"VA", Lang::en, "Holy See"},
    };
    for (auto [code, lang, name] : names) {
        CAPTURE(code, name);
        CHECK(has(country(code).names[static_cast<std::size_t>(lang)], name));
    }
    CHECK(has(country("MA").adjectives[static_cast<std::size_t>(Lang::en)], "Moroccan"));
    CHECK(has(country("IQ").adjectives[static_cast<std::size_t>(Lang::fr)], "irakien"));
}

TEST_CASE("Facet labels come in the user's language", "[reference]") {
    const std::tuple<const char*, Lang, const char*> labels[] = {
        {"MA", Lang::ar, "المغرب"}, {"MA", Lang::en, "Morocco"}, {"MA", Lang::fr, "Maroc"},
        {"EG", Lang::fr, "Égypte"}, {"XX", Lang::en, "XX"},
    };
    for (auto [code, lang, label] : labels) {
        CAPTURE(code, label);
        CHECK(data().country_label(code, lang) == label);
    }
    CHECK(data().objectives().size() == 23);
    for (Lang lang : {Lang::ar, Lang::en, Lang::fr}) {
        for (int n = 1; n <= 23; ++n) {
            CAPTURE(n);
            CHECK_FALSE(data().objective_title(n, lang, TitleLength::short_title).empty());
            CHECK_FALSE(data().objective_title(n, lang, TitleLength::full).empty());
        }
    }
    CHECK(data().objective_title(0, Lang::en, TitleLength::full).empty());
    CHECK(data().objective_title(1, Lang::en, TitleLength::short_title) == "Data");
}

TEST_CASE("Titles, months, ordinals and cues are loaded per language", "[reference]") {
    auto titles = [](Lang lang) {
        std::vector<std::string> out;
        for (const auto& t : data().titles(lang))
            out.push_back(t.text);
        return out;
    };
    CHECK(has(titles(Lang::en), "Mr."));
    CHECK(has(titles(Lang::fr), "Mme"));
    CHECK(has(titles(Lang::ar), "السيدة"));
    CHECK(has(data().months(Lang::ar)[1], "كانون الثاني"));
    CHECK(has(data().months(Lang::fr)[8], "août"));
    CHECK(has(data().ordinals(Lang::en)[23], "twenty-third"));
    CHECK(has(data().ordinals(Lang::ar)[23], "الثالث والعشرون"));
    CHECK(has(data().cues(Lang::en, Cue::moderated_by), "moderated by"));
    CHECK(has(data().cues(Lang::ar, Cue::government), "وزارة"));
}

TEST_CASE("Missing or malformed data files are errors, not silent gaps", "[reference]") {
    std::map<std::string, std::string> files = {
        {"countries.tsv",
         "#code\ten\tfr\tar\tadj_en\tadj_fr\tadj_ar\nMA\tMorocco\tMaroc\tالمغرب\t\t\t\n"},
        {"gcm_objectives.tsv", "#n\n1\tData\tDonnées\tالبيانات\tCollect\tCollecter\tجمع\n"},
        {"non_countries.tsv", "#\nen\tGulf of Guinea\n"},
        {"titles.tsv", "#\nen\tMr.\tperson\n"},
        {"months.tsv", "#\nen\t1\tJanuary\n"},
        {"ordinals.tsv", "#\nen\t1\tfirst\n"},
        {"objective_words.tsv", "#\nen\tobjective\tobjectives\n"},
        {"extraction_cues.tsv", "#\nen\tby_line\tby\n"},
    };
    auto reader = [&files](std::string_view name) -> std::string_view {
        auto it = files.find(std::string(name));
        return it == files.end() ? std::string_view() : std::string_view(it->second);
    };
    ReferenceData small(reader);
    CHECK(small.countries().size() == 1);
    CHECK(small.country_label("MA", Lang::fr) == "Maroc");
    files["months.tsv"] = "#\nen\t13\tSmarch\n";
    CHECK_THROWS_AS(ReferenceData(reader), std::runtime_error);
    files["months.tsv"] = "#\nxx\t1\tJanuary\n";
    CHECK_THROWS_AS(ReferenceData(reader), std::runtime_error);
    files["months.tsv"] = "#\nen\t1\tJanuary\n";
    files["extraction_cues.tsv"] = "#\nen\tno_such_kind\tx\n";
    CHECK_THROWS_WITH(ReferenceData(reader), Catch::Contains("extraction_cues.tsv") &&
                                                 Catch::Contains("no_such_kind"));
    // Every file valid again, then one missing: the error names that file.
    files["extraction_cues.tsv"] = "#\nen\tby_line\tby\n";
    REQUIRE_NOTHROW(ReferenceData(reader));
    files.erase("titles.tsv");
    CHECK_THROWS_WITH(ReferenceData(reader),
                      Catch::Contains("titles.tsv") && Catch::Contains("missing"));
}
