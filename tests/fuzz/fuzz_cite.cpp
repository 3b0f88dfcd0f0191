// libFuzzer entry for citation lookup (issue 18): the first byte picks the `lang` parameter
// (none, ar, en, fr or a bad one), the rest is the pasted text. It goes through
// parse_cite_request and then cite() against a real index of the bundled corpus/ (built once
// per process in a temporary folder): the rarest-words query, phrase pairs, the word-by-word
// alignment and the diff. Any text must give matches or a reason, never a crash or a hang.
// Seeds: tests/fuzz/seeds/cite/.
#include "cite/cite.h"
#include "facets/labels.h"
#include "ingest/sources.h"
#include "reference/reference_data.h"
#include "text/stopwords.h"
#include "write/index_writer.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct CorpusIndex {
    mahdar::ReferenceData reference;
    mahdar::Labels labels{reference};
    mahdar::WordLists lists = mahdar::WordLists::embedded();
    fs::path dir;
    std::unique_ptr<mahdar::Context> context;

    CorpusIndex() {
        std::string pattern = (fs::temp_directory_path() / "mahdar-fuzz-cite-XXXXXX").string();
        dir = mkdtemp(pattern.data());
        auto files = mahdar::list_sources({MAHDAR_FUZZ_CORPUS}); // as the indexer walks a folder
        mahdar::IndexOptions options;
        options.threads = 1;
        options.bulk = mahdar::Bulk::never;
        std::atomic<bool> stop{false};
        mahdar::IndexWriter(dir / "db", lists).index(files, options, stop);
        auto countries = [this](std::string_view n) { return labels.resolve_country(n); };
        context = std::make_unique<mahdar::Context>((dir / "db").string(), countries, lists);
    }
    ~CorpusIndex() {
        context.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static CorpusIndex index;
    if (size == 0) return 0;
    static const char* const langs[] = {"", "ar", "en", "fr", "de"};
    std::string_view lang = langs[data[0] % 5];
    std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    auto request = mahdar::parse_cite_request(std::move(text), lang);
    if (request) (void)mahdar::cite(*index.context, request.value());
    return 0;
}
