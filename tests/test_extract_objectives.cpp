// GCM objectives referenced in passages, in Arabic, English and French.
#include "extract/extract_objectives.h"

#include <catch2/catch.hpp>

using namespace mahdar;

namespace {

const ObjectiveMatcher& matcher() {
    static const ReferenceData data;
    static const ObjectiveMatcher m(data);
    return m;
}

struct Case {
    Lang lang;
    const char* text;
    std::vector<int> expected;
};

void check_all(const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(matcher().find(c.text, c.lang) == c.expected);
    }
}

} // namespace

TEST_CASE("Objectives: single numbers and lists", "[objectives]") {
    check_all({
        {Lang::en, "in line with Objective 23.", {23}},
        {Lang::en, "Round table one: objectives 2, 5, 6, 12 and 18;", {2, 5, 6, 12, 18}},
        {Lang::en,
         "Indonesia focused on objectives 3, 5, 6, and 18 as well as objective 1",
         {1, 3, 5, 6, 18}},
        {Lang::en,
         "the GCM objectives 1 (data), 2 (minimize adverse drivers), and 6 (recruitment) as "
         "priorities",
         {1, 2, 6}},
        {Lang::en, "focusing on CGM Objectives 5, 6, 18, despite", {5, 6, 18}},
        {Lang::fr, "au titre des objectifs 1 et 3.", {1, 3}},
        {Lang::fr,
         "la première portant sur les objectifs 2, 5, 6, 12 et 18, et a invité",
         {2, 5, 6, 12, 18}},
        {Lang::fr, "contribue directement à l'objectif 23 et", {23}},
        {Lang::fr, "au titre de l’objectif 19.", {19}},
        {Lang::ar, "اهتماماً خاصاً بالأهداف 2 و5 و6 من الاتفاق العالمي", {2, 5, 6}},
        {Lang::ar, "وركزت الورشة على الهدفين 19 و20 من الاتفاق", {19, 20}},
        {Lang::ar, "تولي أهمية خاصة للهدف 23 المتعلق بالتعاون الدولي", {23}},
        {Lang::ar, "انسجاماً مع الهدف ١٥.", {15}},
    });
}

TEST_CASE("Objectives: ranges and ordinals", "[objectives]") {
    check_all({
        {Lang::en, "had reported on objectives 5–7 in their voluntary reviews", {5, 6, 7}},
        {Lang::en, "objectives 5-7 and 9", {5, 6, 7, 9}},
        {Lang::en, "closely linked to the eighth objective and to objectives 7 and 21", {7, 8, 21}},
        {Lang::en, "the twenty-third objective", {23}},
        {Lang::fr, "conformément aux objectifs 5 à 7.", {5, 6, 7}},
        {Lang::fr, "les objectifs 15 à 17 jusqu’au 1er mars 2024", {15, 16, 17}},
        {Lang::fr, "le vingt-troisième objectif", {23}},
        {Lang::ar, "وفقاً للأهداف من 7 إلى 9.", {7, 8, 9}},
        {Lang::ar, "قالت إن الهدف الثالث والعشرون، المتعلق بتعزيز التعاون", {23}},
        {Lang::ar, "انسجاماً مع الهدف الأول من الاتفاق العالمي", {1}},
    });
}

TEST_CASE("Objectives: other numbered things are not objectives", "[objectives]") {
    check_all({
        {Lang::en, "the GCM's 10 guiding principles and 23 objectives", {}},
        {Lang::en, "there was a need to address the 23 GCM objectives", {}},
        {Lang::en,
         "paragraph 48 of the outcome document; SDG target 10.7 and indicator 10.7.1",
         {}},
        {Lang::en, "In A/RES/73/195, paragraph 48, Member States commit", {}},
        {Lang::en, "the COVID-19 pandemic on 13 August 2020", {}},
        {Lang::en, "how to report on all 23 objectives", {}},
        {Lang::en, "the objective of the meeting", {}},
        {Lang::fr,
         "repose sur 10 principes directeurs et 23 objectifs, la cible 10.7 des objectifs de "
         "développement durable",
         {}},
        {Lang::fr, "le paragraphe 48 de cette note ; la COVID-19", {}},
        {Lang::ar, "يقوم على 10 مبادئ توجيهية و23 هدفاً", {}},
        {Lang::ar, "الفقرة 48 والغاية 10.7 من أهداف التنمية المستدامة، كوفيد-19", {}},
        {Lang::ar, "تناول أهداف الاتفاق العالمي الـ 23 في ضوء السياق الوطني", {}},
    });
}
