#include "commands/lexicon_command.h"

#include "commands/lexicon_builder.h"
#include "commands/reported.h"
#include "reference/embedded_data.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

namespace mahdar {

namespace {

constexpr const char* usage =
    "usage: mahdar-indexer lexicon --unpc-dev DIR --freedict DIR --glossary FILE --out FILE\n"
    "                              [--aligned DIR] [--per-word K]\n"
    "  --unpc-dev DIR  the UN Parallel Corpus dev set (UNv1.0.devset.{ar,en,fr}); never the\n"
    "                  test set, which measures the lexicon (bench/eval_crosslang.py)\n"
    "  --aligned DIR   paragraph-aligned reports: seeds/ (English), ar/, fr/ (../shared/corpus)\n"
    "  --freedict DIR  freedict-{eng-ara,ara-eng,eng-fra,fra-eng}.{index,dict.dz}\n"
    "                  (Debian dict-freedict-*: /usr/share/dictd)\n"
    "  --glossary FILE core/reference/data/glossary_ar_en_fr.tsv (the GCM objectives' titles\n"
    "                  are added from the embedded gcm_objectives.tsv)\n"
    "  --per-word K    translations kept per word and target language (default 4, at most 4)\n"
    "exit status: 0 written, 1 an error (a source missing or malformed), 2 usage\n";

// The options by name, or nothing when a required one is missing or one is unknown.
std::optional<std::map<std::string, std::string>> parse_options(int argc, char** argv) {
    std::map<std::string, std::string> opt;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (i + 1 >= argc || !(a == "--unpc-dev" || a == "--aligned" || a == "--freedict" ||
                               a == "--glossary" || a == "--out" || a == "--per-word"))
            return std::nullopt;
        opt[a] = argv[++i];
    }
    for (const char* required : {"--unpc-dev", "--freedict", "--glossary", "--out"})
        if (!opt.count(required))
            return std::nullopt;
    return opt;
}

} // namespace

int lexicon_command(int argc, char** argv) {
    auto parsed = parse_options(argc, argv);
    LexiconOptions options;
    if (parsed && parsed->count("--per-word"))
        options.per_word = static_cast<std::size_t>(std::atoi((*parsed)["--per-word"].c_str()));
    if (!parsed || options.per_word < 1 || options.per_word > 4) {
        std::cerr << usage;
        return exit_status(ErrorCode::bad_parameter);
    }
    auto& opt = *parsed;
    return reporting_errors("mahdar-indexer lexicon", [&] {
        auto start = std::chrono::steady_clock::now();
        const WordLists lists = WordLists::embedded();
        Analyzer analyzer(lists);
        LexiconBuilder builder(analyzer, options);
        builder.add_aligned(read_unpc(opt["--unpc-dev"]), 1);
        if (opt.count("--aligned"))
            builder.add_aligned(read_aligned_reports(opt["--aligned"]), 1);
        builder.add_dictionary(read_freedict(opt["--freedict"]));
        builder.add_glossary(parse_glossary(read_whole_file(opt["--glossary"])));
        builder.add_glossary(parse_objectives(std::string(embedded_file("gcm_objectives.tsv"))));
        std::string tsv = builder.build_tsv();
        std::ofstream out(opt["--out"], std::ios::binary);
        if (!(out << tsv) || !out.flush())
            throw std::runtime_error("cannot write " + opt["--out"]);
        const auto& c = builder.counts();
        double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << "lexicon: " << c.rows << " rows (" << tsv.size() << " bytes) from "
                  << c.aligned_texts << " aligned texts, " << c.dictionary_pairs
                  << " one-word dictionary pairs, " << c.glossary_pairs << " glossary pairs, in "
                  << seconds << " s\n";
        return 0;
    });
}

} // namespace mahdar
