// Countries named in passages: names, aliases, adjectives, clitics; organisations and regions
// are not countries.
#include "extract/extract_countries.h"

#include <catch2/catch.hpp>

using namespace mahdar;

namespace {

const CountryMatcher& matcher() {
    static const ReferenceData data;
    static const CountryMatcher m(data);
    return m;
}

struct Case {
    Lang lang;
    const char* text;
    std::vector<std::string> expected;
};

void check_all(const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(matcher().codes(c.text, c.lang) == c.expected);
    }
}

} // namespace

TEST_CASE("Countries by name, official name and common variant", "[countries]") {
    check_all({
        {Lang::en, "in Lebanon, Kuwait and Saudi Arabia", {"KW", "LB", "SA"}},
        {Lang::en,
         "established in Bahrain, Djibouti, Jordan, KSA, Kuwait, Mauritania, Morocco, and UAE",
         {"AE", "BH", "DJ", "JO", "KW", "MA", "MR", "SA"}},
        {Lang::en,
         "the Government of the Syrian Arab Republic and the State of Palestine",
         {"PS", "SY"}},
        {Lang::en,
         "refugees from South Sudan and West African countries; Sudan upholds",
         {"SD", "SS"}},
        {Lang::en, "the representative of the Comoros and the Sudan", {"KM", "SD"}},
        {Lang::en, "Asma Charfeddine OIM Maroc", {"MA"}},
        {Lang::fr,
         "l’Algérie, l’Arabie saoudite, Bahreïn, les Émirats arabes unis, l’État de Palestine, "
         "l’Iraq et la République arabe syrienne",
         {"AE", "BH", "DZ", "IQ", "PS", "SA", "SY"}},
        {Lang::fr, "vers l'Égypte, la Syrie et le Liban", {"EG", "LB", "SY"}},
        {Lang::ar,
         "الأردن، والبحرين، وتونس، والجزائر، ودولة فلسطين، والعراق",
         {"BH", "DZ", "IQ", "JO", "PS", "TN"}},
        {Lang::ar, "بالمغرب وللبنان ولليبيا وجزر القمر وسوريا", {"KM", "LB", "LY", "MA", "SY"}},
        {Lang::ar, "حكومة الجمهورية العربية السورية", {"SY"}},
    });
}

TEST_CASE("Countries by adjective and demonym", "[countries]") {
    check_all({
        {Lang::en, "the Moroccan Government and Iraqi nationals", {"IQ", "MA"}},
        {Lang::en, "opened to Syrian refugees and to Egyptian workers", {"EG", "SY"}},
        {Lang::fr, "le Gouvernement marocain et les migrants irakiens", {"IQ", "MA"}},
        {Lang::fr, "notamment ivoiriens et guinéens", {"CI", "GN"}},
        {Lang::ar, "الحكومة المغربية والسلطات الجزائرية", {"DZ", "MA"}},
        {Lang::ar, "المغتربين المغاربة والتونسيين", {"MA", "TN"}},
        {Lang::ar, "اللاجئين السوريين والسودانيين", {"SD", "SY"}},
    });
}

TEST_CASE("Organisations, regions, cities and languages are not countries", "[countries]") {
    check_all({
        {Lang::en, "the League of Arab States and UN ESCWA in the MENA region and the Gulf", {}},
        {Lang::en,
         "Professor, American University of Beirut; the American University in Cairo",
         {}},
        {Lang::en, "through all three languages (English, Arabic, and French)", {}},
        {Lang::en, "piracy in the Gulf of Guinea and the Niger Delta", {}},
        {Lang::en, "the chad of the region", {}},
        {Lang::fr, "chercheuse, Université américaine de Beyrouth", {}},
        {Lang::fr, "l’interprétation en arabe, en français et en anglais", {}},
        {Lang::ar, "بلدان المغرب العربي ودول الخليج والقرن الأفريقي", {}},
        {Lang::ar, "عُقد الاجتماع في عمّان", {}},
        {Lang::ar, "إدماج التحويلات في الاستراتيجيات الوطنية للشمول المالي", {}},
        {Lang::ar, "على المستوى القُطري والمكتب القطري للمنظمة", {}},
    });
    // Ambiguous Arabic names count in a list of countries.
    check_all({{Lang::ar, "البحرين والكويت وماليزيا وعُمان وقطر", {"BH", "KW", "MY", "OM", "QA"}}});
}

TEST_CASE("Mentions have offsets and excluded spans hide them", "[countries]") {
    std::string text = "Mr. Jordan Smith met officials from Jordan.";
    auto all = matcher().find(text, Lang::en);
    REQUIRE(all.size() == 2);
    CHECK(text.substr(all[1].begin, all[1].end - all[1].begin) == "Jordan");
    auto outside = matcher().codes(text, Lang::en, {{0, 16}});
    CHECK(outside == std::vector<std::string>{"JO"});
    CHECK(matcher().codes("Mr. Jordan Smith", Lang::en, {{0, 16}}).empty());
}
