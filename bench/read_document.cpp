// mahdar-read-document [--print] [--ocr] FILE...: runs read_pdf on each file and prints its
// pages, blocks and seconds (one tab-separated line per file); --print also prints the blocks.
// A bench tool (bench/pdf_extract.sh), not part of the indexer.
#include "ingest/readers.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    bool print = false;
    mahdar::PdfOptions options;
    int failed = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--print") == 0) {
            print = true;
            continue;
        }
        if (std::strcmp(argv[i], "--ocr") == 0) {
            options.ocr = true;
            continue;
        }
        std::ifstream in(argv[i], std::ios::binary | std::ios::ate);
        if (!in) {
            std::fprintf(stderr, "%s: cannot open\n", argv[i]);
            ++failed;
            continue;
        }
        // One buffer of the file's size: peak RSS is the reader's, not a stream's copies.
        std::string bytes(std::size_t(in.tellg()), '\0');
        in.seekg(0);
        in.read(bytes.data(), std::streamsize(bytes.size()));
        auto start = std::chrono::steady_clock::now();
        auto layout = mahdar::read_pdf(bytes, options);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!layout) {
            std::printf("%s\tfailed\t%s\t%.3f\n", argv[i], layout.error().message.c_str(), seconds);
            ++failed;
            continue;
        }
        std::printf("%s\tpages %u\tblocks %zu\t%.3f s\n", argv[i], layout->pages,
                    layout->blocks.size(), seconds);
        if (!print) continue;
        std::printf("title: %s\nsymbol: %s\n", layout->title.c_str(), layout->symbol.c_str());
        for (const auto& w : layout->warnings) std::printf("warning: %s\n", w.c_str());
        static const char* kinds[] = {"heading", "paragraph", "item", "row", "note"};
        for (const auto& b : layout->blocks)
            std::printf("[p%u %s%s] %s\n", b.page, kinds[int(b.kind)],
                        b.level ? std::to_string(b.level).c_str() : "", b.text.c_str());
    }
    return failed ? 1 : 0;
}
