// libFuzzer entry for JSON Lines passage files (issue 18): the bytes as a .jsonl file's text go
// through read_jsonl — each line parsed, its fields checked (ids, dates, languages, objectives,
// countries) and bad lines skipped with a warning — and the documents made are enriched as the
// indexer does. Any text must give documents and warnings, never a crash or a throw.
// Seeds: tests/fuzz/seeds/jsonl/.
#include "common/utf8.h"
#include "extract/enrich.h"
#include "extract/extract.h"
#include "ingest/jsonl.h"
#include "reference/reference_data.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const mahdar::ReferenceData reference;
    static const mahdar::Extractor extractor(reference);
    std::string text(reinterpret_cast<const char*>(data), size);
    if (!mahdar::is_valid_utf8(text)) return 0; // refused before parsing (sources.cpp)
    mahdar::SourceFile src;
    src.path = "fuzz.jsonl";
    mahdar::read_jsonl(src, text);
    for (auto& doc : src.documents) mahdar::enrich(doc, &extractor);
    return 0;
}
