// Dates in the three languages, and the meeting date of a report.
#include "extract/extract_dates.h"
#include "ingest/reports.h"

#include <catch2/catch.hpp>

using namespace mahdar;

namespace {

const DateParser& parser() {
    static const ReferenceData data;
    static const DateParser p(data);
    return p;
}

std::vector<std::string> dates(std::string_view text, bool with_ranges = false) {
    std::vector<std::string> out;
    for (const auto& d : parser().find(text))
        if (with_ranges || !d.range)
            out.push_back(d.iso());
    return out;
}

using V = std::vector<std::string>;

} // namespace

TEST_CASE("Dates in English, French and Arabic", "[dates]") {
    const std::pair<const char*, V> cases[] = {
        {"Thursday, 28 January 2021 (11:00 - 13:00 Cairo Time)", {"2021-01-28"}},
        {"Thursday, 10th February 2022", {"2022-02-10"}},
        {"Thursday, 18th November 2021", {"2021-11-18"}},
        {"February 10, 2022", {"2022-02-10"}},
        {"held on 13 August 2020.", {"2020-08-13"}},
        {"jeudi 1er octobre 2020", {"2020-10-01"}},
        {"13 août 2020 et 13 AOÛT 2020 et 13 aout 2020",
         {"2020-08-13", "2020-08-13", "2020-08-13"}},
        {"mardi 14 mars 2023", {"2023-03-14"}},
        {"الخميس، 28 كانون الثاني/يناير 2021", {"2021-01-28"}},
        {"الأربعاء، ١٣ أيلول/سبتمبر ٢٠٢٣", {"2023-09-13"}},
        {"13 آب/أغسطس 2020", {"2020-08-13"}},
        {"في 4 اغسطس 2020", {"2020-08-04"}},
        {"31 June 2021, 29 February 2021, 32 March 2021", {}},
        {"In March 2022, Morocco hosted", {}},
        {"in May 2023 and 2024", {}},
    };
    for (const auto& [text, expected] : cases) {
        CAPTURE(text);
        CHECK(dates(text) == expected);
    }
}

TEST_CASE("The days of a range are not single dates", "[dates]") {
    const std::pair<const char*, V> cases[] = {
        {"will be held on 24-25 February 2021", {}}, {"from 17 to 20 May 2022 in New York", {}},
        {"planned for 1 and 2 December 2020", {}},   {"prévue les 1er et 2 décembre 2020", {}},
        {"يومي ١ و٢ كانون الأول/ديسمبر ٢٠٢٠", {}},
    };
    for (const auto& [text, expected] : cases) {
        CAPTURE(text);
        CHECK(dates(text) == expected);
        CHECK(dates(text, true).size() == 1);
    }
}

TEST_CASE("The meeting date comes from the header of a report", "[dates]") {
    const std::pair<const char*, const char*> cases[] = {
        {"# Meeting summary\n\n# Regional consultation on labour mobility\n\nThursday, 9 June "
         "2022\n\n"
         "## Introduction\n\n1. The consultation was held in Amman on 9 June 2022 and followed up "
         "on "
         "the Forum of 17 May 2022 with delegates from thirteen countries of the region and "
         "beyond.\n",
         "2022-06-09"},
        {"# ورشة عمل إقليمية بشأن التحويلات المالية\n\n## تقرير موجز\n\n13 آب/أغسطس 2020\n\n### "
         "مقدمة\n\n"
         "عقدت المنظمة الدولية للهجرة والإسكوا وجامعة الدول العربية ورشة عمل إقليمية افتراضية بشأن "
         "التحويلات المالية وإشراك المغتربين في التنمية، شارك فيها ممثلون عن وزارات الخارجية "
         "والعمل والمالية.\n",
         "2020-08-13"},
        {"# Deuxième atelier sur l’examen régional 13 août 2020\n\n## Résumé\n\nTexte.\n",
         "2020-08-13"},
        {"Short title line\n\nThe dialogue was held online on 28 January 2021 with representatives "
         "of the "
         "inter-state consultation mechanisms of the region and the members of the regional "
         "network.\n",
         "2021-01-28"},
        {"DRAFT Roadmap\n\nThis note outlines a set of suggested elements for the organisation of "
         "the second "
         "round of regional reviews, building on the first round and on the success of the "
         "International "
         "Migration Review Forum in 2022.\n\n"
         "2 July 2024\tRegional Stakeholder Hearings\n",
         ""},
        {"## Session 3: Saving lives\n\n### Background note\n\nEvery year, thousands of people "
         "lose their "
         "lives on migration routes; the Forum of 17 May 2022 and the meeting of 3 March 2023 "
         "recalled it "
         "and called on States to act together.\n",
         ""},
    };
    for (const auto& [text, expected] : cases) {
        CAPTURE(text);
        CHECK(parser().meeting_date(split_report(text, "doc")) == expected);
    }
}
