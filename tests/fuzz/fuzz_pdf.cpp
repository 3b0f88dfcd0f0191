// libFuzzer target for read_pdf: any bytes must give a Layout or a read_failure, never a
// crash, a throw or a hang. Seeds: tests/fuzz/seeds/pdf/ (scripts/fixtures/make-pdf-fixtures).
//   clang++ -g -O1 -fsanitize=fuzzer,address -std=c++17 ... fuzz_pdf.cpp → ./fuzz_pdf seeds/pdf
#include "ingest/readers.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    mahdar::PdfOptions options;
    options.limits.max_pages = 20; // keeps one input's time bounded
    auto layout = mahdar::read_pdf(std::string_view(reinterpret_cast<const char*>(data), size), options);
    (void)layout;
    return 0;
}
