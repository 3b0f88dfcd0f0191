// mahdar-eval-langid: accuracy of detect_language() on the UN Parallel Corpus test sets.
// usage: mahdar-eval-langid [DIR]   (default: <source>/../shared/data/unpc-v1.0-testsets)
#include "ingest/reports.h"
#include "text/langid.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    fs::path dir = argc > 1 ? fs::path(argv[1])
                            : fs::path(MAHDAR_SOURCE_DIR) / ".." / "shared" / "data" / "unpc-v1.0-testsets";
    if (!fs::exists(dir)) {
        std::printf("skipped: %s is missing (the UN Parallel Corpus test sets live in ../shared)\n",
                    dir.string().c_str());
        return 0;
    }
    std::printf("| set | language | lines (8+ words) | correct | accuracy |\n|---|---|---|---|---|\n");
    for (const char* set : {"testset", "devset"}) {
        for (auto lang : {mahdar::Lang::ar, mahdar::Lang::en, mahdar::Lang::fr}) {
            std::string code(mahdar::lang_code(lang));
            std::ifstream in(dir / set / ("UNv1.0." + std::string(set) + "." + code));
            std::size_t lines = 0, correct = 0;
            for (std::string line; std::getline(in, line);) {
                if (mahdar::count_words(line) < 8) continue;
                ++lines;
                correct += mahdar::detect_language(line) == lang;
            }
            std::printf("| %s | %s | %zu | %zu | %.2f%% |\n", set, code.c_str(), lines, correct,
                        lines ? 100.0 * correct / lines : 0.0);
        }
    }
    return 0;
}
