// Personal names: variants of one person, display form, resolution within and across documents.
#include "extract/speaker_names.h"

#include <catch2/catch.hpp>

using namespace mahdar;

namespace {

const NameRules& rules() {
    static const ReferenceData data;
    static const NameRules r(data);
    return r;
}

} // namespace

TEST_CASE("Spellings of one person's name", "[names]") {
    const std::tuple<const char*, const char*, bool> cases[] = {
        {"Godeau", "Carmela Godeau", true},
        {"Enas Fergany", "Enas El Fergany", true},
        {"Mehrinaz El-Awady", "Mehrinaz Elawady", true},
        {"Kristina MEJO", "Kristina Mejo", true},
        {"El Sherbiny", "Nadia El Sherbiny", true},
        {"الشربيني", "نادية الشربيني", true},
        {"خوري", "رانيا خوري", true},
        {"Sara Salman", "Sara El-Khatib", false},
        {"Rania Khoury", "Rana El Khoury", false},
        {"Sara", "Sara Salman", false},
        {"Roy Soemirat", "Rolliansyah Soemirat", false},
    };
    for (auto [a, b, same] : cases) {
        CAPTURE(a, b);
        CHECK(rules().same_person(a, b) == same);
        CHECK(rules().same_person(b, a) == same);
    }
}

TEST_CASE("Display names: spaces collapsed, capitals in title case", "[names]") {
    CHECK(display_name("Kristina  MEJO") == "Kristina Mejo");
    CHECK(display_name("Aissata KANE") == "Aissata Kane");
    CHECK(display_name("Jean D'Cunha") == "Jean D'Cunha");
    CHECK(display_name("Jocelyn DeJong") == "Jocelyn DeJong");
    CHECK(display_name("Ma'an Asoud") == "Ma'an Asoud");
    CHECK(display_name("سارة  سلمان") == "سارة سلمان");
}

TEST_CASE("Within a document, the fullest form of a name wins", "[names]") {
    NameBook book(rules());
    book.add("Carmela Godeau", NameSource::statement);
    book.add("Enas El Fergany", NameSource::statement);
    book.add("Kristina MEJO", NameSource::statement);
    book.add("Kristina Mejo", NameSource::annex);
    book.add("Belen Anguita", NameSource::annex);
    book.add("رانيا خوري", NameSource::statement);
    book.add("سارة سلمان", NameSource::statement);
    const std::pair<const char*, const char*> cases[] = {
        {"Godeau", "Carmela Godeau"},
        {"Fergany", "Enas El Fergany"},
        {"Enas Fergany", "Enas El Fergany"},
        {"Mejo", "Kristina Mejo"},
        {"Anguita", "Belen Anguita"},
        {"Salman", "Salman"},
        {"خوري", "رانيا خوري"},
    };
    for (auto [name, full] : cases) {
        CAPTURE(name);
        CHECK(book.resolve(name) == full);
    }
    // Arabic names whose end the text does not mark.
    using W = std::vector<std::string>;
    CHECK(book.known_prefix(W{"سارة", "سلمان", "إدارة", "الجلسة"}) == 2);
    CHECK(book.known_prefix(W{"خوري", "المشاركين"}) == 1);
    CHECK(book.known_prefix(W{"عثمان", "الأمين"}) == 0);
    book.add("خوري المشاركين", NameSource::statement);
    CHECK(book.known_prefix(W{"خوري", "المشاركين"}, "خوري المشاركين") == 1);
}

TEST_CASE("Across documents, a shorter form maps to its only fuller form", "[names]") {
    auto map = unify_names({"El Sherbiny", "Nadia El Sherbiny", "Hammouda", "Ghada Hammouda",
                            "Mohamed Hammouda", "Sara Salman", "Salman"},
                           rules());
    CHECK(map.at("El Sherbiny") == "Nadia El Sherbiny");
    CHECK(map.at("Salman") == "Sara Salman");
    CHECK(map.count("Hammouda") == 0); // two people could be meant
    CHECK(map.count("Nadia El Sherbiny") == 0);
    CHECK(map.size() == 2);
}
