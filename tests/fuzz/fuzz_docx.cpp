// libFuzzer entry for read_docx (ingest/readers.h): any bytes must give a Layout or a
// read_failure, never a crash, a hang or unbounded memory. Seeds: tests/fuzz/seeds/docx/ (zips,
// and XML parts separated by "----" lines, zipped by fuzz_zip.h).
#include "fuzz_zip.h"
#include "ingest/readers.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char *>(data), size);
    mahdar::ReadLimits limits;
    limits.max_unpacked = 8u << 20; // keeps each run fast; the cap itself is what is tested
    std::string zipped;
    if (bytes.substr(0, 2) != "PK") {
        zipped =
            mahdar::fuzz::make_zip({"word/document.xml", "word/numbering.xml", "word/styles.xml",
                                    "word/footnotes.xml", "word/endnotes.xml", "docProps/core.xml"},
                                   mahdar::fuzz::split_parts(bytes));
        bytes = zipped;
    }
    auto layout = mahdar::read_docx(bytes, limits);
    (void)layout;
    return 0;
}
