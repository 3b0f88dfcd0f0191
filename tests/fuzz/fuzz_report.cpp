// libFuzzer entry for text reports (issue 18): the bytes as a .txt/.md report go where the
// indexer sends one — split into passages (headings, numbered paragraphs, record heads such as
// "Mr. X (Morocco) said"), then enriched: language per passage, meeting date, speaker,
// countries and objectives (extract.h). Any text must give a Document, never a crash, a hang
// or unbounded memory. Seeds: tests/fuzz/seeds/report/.
#include "common/utf8.h"
#include "extract/enrich.h"
#include "extract/extract.h"
#include "ingest/reports.h"
#include "reference/reference_data.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const mahdar::ReferenceData reference; // what the indexer builds once per run
    static const mahdar::Extractor extractor(reference);
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!mahdar::is_valid_utf8(text)) return 0; // refused before splitting (sources.cpp)
    mahdar::Document doc = mahdar::split_report(text, "fuzz-report");
    mahdar::enrich(doc, &extractor);
    return 0;
}
