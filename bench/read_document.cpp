// mahdar-read-document [--print] [--ocr] [--recall SOURCE] FILE...: runs the reader of each
// file (PDF, DOCX, ODT or HTML, by its extension) and prints its pages, blocks, seconds and MB/s
// (one tab-separated line per file); --print also prints the blocks; --recall prints the share
// of SOURCE's words (a text the file was made from, with repeats, normalised as the index
// normalises them) found in the extracted text. A bench tool (bench/pdf_extract.sh), not part
// of the indexer.
#include "ingest/file_type.h"
#include "ingest/readers.h"
#include "text/normalise.h"
#include "text/text_scan.h"

#include <set>
#include <sstream>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

namespace {

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    for (auto span : mahdar::token_spans(text))
        out.push_back(mahdar::normalise_word(text.substr(span.begin, span.end - span.begin)));
    return out;
}

// The text of a fixture source (scripts/fixtures/): without its leading "key: value" lines,
// note references "[^1]" and tracked deletions "~~…~~", which the document does not show.
std::string source_text(const std::string& source) {
    std::istringstream in(source);
    std::string out, line;
    bool header = true;
    while (std::getline(in, line)) {
        auto colon = line.find(": ");
        bool key = colon != std::string::npos && colon > 0 &&
                   line.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == colon;
        if (header && key) continue;
        header = false;
        for (auto [open, close] : {std::pair<std::string, std::string>{"[^", "]"}, {"~~", "~~"}})
            for (auto b = line.find(open); b != std::string::npos; b = line.find(open, b)) {
                auto e = line.find(close, b + open.size());
                if (e == std::string::npos) break;
                line.erase(b, e + close.size() - b);
            }
        out += line + "\n";
    }
    return out;
}

double recall(const std::string& source, const std::string& extracted) {
    auto found = words_of(extracted);
    std::set<std::string> have(found.begin(), found.end());
    auto want = words_of(source_text(source));
    std::size_t hit = 0;
    for (const auto& w : want) hit += have.count(w);
    return want.empty() ? 0 : double(hit) / double(want.size());
}

mahdar::Result<mahdar::Layout> read(const std::string& path, const std::string& bytes, const mahdar::PdfOptions& o) {
    std::string ext = mahdar::lower_extension(path);
    if (ext == ".docx") return mahdar::read_docx(bytes);
    if (ext == ".odt") return mahdar::read_odt(bytes);
    if (ext == ".html" || ext == ".htm") return mahdar::read_html(bytes);
    return mahdar::read_pdf(bytes, o);
}

} // namespace

int main(int argc, char** argv) {
    bool print = false;
    std::string recall_source;
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
        if (std::strcmp(argv[i], "--recall") == 0 && i + 1 < argc) {
            std::ifstream src(argv[++i]);
            std::ostringstream ss;
            ss << src.rdbuf();
            recall_source = ss.str();
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
        auto layout = read(argv[i], bytes, options);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!layout) {
            std::printf("%s\tfailed\t%s\t%.3f\n", argv[i], layout.error().message.c_str(), seconds);
            ++failed;
            continue;
        }
        std::printf("%s\tpages %u\tblocks %zu\t%.3f s\t%.1f MB/s", argv[i], layout->pages,
                    layout->blocks.size(), seconds, seconds > 0 ? bytes.size() / 1e6 / seconds : 0.0);
        if (!recall_source.empty()) {
            std::string text;
            for (const auto& b : layout->blocks) text += b.text + "\n";
            std::printf("\tword recall %.4f", recall(recall_source, text));
        }
        std::printf("\n");
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
