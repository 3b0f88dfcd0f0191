// libFuzzer entry for read_html (ingest/readers.h): any bytes must give a Layout or a
// read_failure, never a crash, a hang or unbounded memory. Seeds: tests/fuzz/seeds/html/.
#include "ingest/readers.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char *>(data), size);
    auto layout = mahdar::read_html(bytes);
    (void)layout;
    return 0;
}
