// `mahdar-indexer lexicon` (issue 19) on small sources written by the test: aligned sentences
// teach a word pair, FreeDict and the glossary add theirs, and missing sources are reported.
#include "support.h"

#include <catch2/catch.hpp>

#include <zlib.h>

#include <fstream>
#include <sstream>
#include <string>

using namespace mahdar;

namespace {

// dictd's base64 number.
std::string b64(std::size_t n) {
    static const std::string digits =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    do {
        out.insert(out.begin(), digits[n % 64]);
        n /= 64;
    } while (n);
    return out;
}

// freedict-<name>.{index,dict.dz} holding one entry per (headword, gloss line).
void write_dictionary(const std::filesystem::path& dir, const std::string& name,
                      const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string dict, index;
    for (const auto& [head, gloss] : entries) {
        std::string entry = head + " /pron/\n" + gloss + "\n";
        index += head + "\t" + b64(dict.size()) + "\t" + b64(entry.size()) + "\n";
        dict += entry;
    }
    test::write_file(dir / ("freedict-" + name + ".index"), index);
    gzFile f = gzopen((dir / ("freedict-" + name + ".dict.dz")).c_str(), "wb");
    REQUIRE(f);
    gzwrite(f, dict.data(), static_cast<unsigned>(dict.size()));
    gzclose(f);
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("The lexicon command learns from aligned text, FreeDict and the glossary", "[lexicon]") {
    test::TempDir tmp;
    const auto dev = tmp / "devset", dict = tmp / "dictd";
    std::string en, fr, ar;
    const char* rows[][3] = {{"Migrants crossed borders yesterday.",
                              "Les migrants ont franchi des frontières hier.",
                              "عبر المهاجرون الحدود أمس."},
                             {"Migrants need housing.", "Les migrants ont besoin de logement.",
                              "يحتاج المهاجرون إلى السكن."},
                             {"Schools welcome migrants.", "Les écoles accueillent les migrants.",
                              "المدارس ترحب بالمهاجرين."},
                             {"Housing is scarce.", "Le logement est rare.", "السكن نادر."}};
    for (auto& r : rows) {
        en += std::string(r[0]) + "\n";
        fr += std::string(r[1]) + "\n";
        ar += std::string(r[2]) + "\n";
    }
    test::write_file(dev / "UNv1.0.devset.en", en);
    test::write_file(dev / "UNv1.0.devset.fr", fr);
    test::write_file(dev / "UNv1.0.devset.ar", ar);
    write_dictionary(dict, "eng-fra",
                     {{"refugee", "réfugié"}, {"ship", "navire, bateau de commerce"}});
    write_dictionary(dict, "fra-eng", {{"désert", "desert"}});
    write_dictionary(dict, "eng-ara", {{"Desert", "صحراء"}});
    write_dictionary(dict, "ara-eng", {{"سفينة", "1. ship"}});
    test::write_file(
        tmp / "glossary.tsv",
        "#en\tfr\tar\nInternational Organization for Migration|IOM\t"
        "Organisation internationale pour les migrations|OIM\tالمنظمة الدولية للهجرة\n");
    const auto out = tmp / "lexicon.tsv";
    auto run = test::run_indexer("lexicon --unpc-dev " + dev.string() + " --freedict " +
                                 dict.string() + " --glossary " + (tmp / "glossary.tsv").string() +
                                 " --out " + out.string());
    REQUIRE(run.status == 0);
    CHECK_THAT(run.output, Catch::Contains("lexicon: "));
    const std::string tsv = slurp(out);
    CHECK_THAT(tsv, Catch::Contains("en\tmigrant\tfr\tmigr\t"));      // learnt from the sentences
    CHECK_THAT(tsv, Catch::Contains("fr\tmigr\tar\tمهاجر\t"));        // Arabic and French directly
    CHECK_THAT(tsv, Catch::Contains("en\trefuge\tfr\trefugi\t0.40")); // FreeDict, both ways
    CHECK_THAT(tsv, Catch::Contains("fr\trefugi\ten\trefuge\t0.40"));
    CHECK_THAT(tsv, Catch::Contains("ar\tسفين\ten\tship\t"));
    CHECK_THAT(tsv, !Catch::Contains("commerc"));               // a multiword gloss is dropped
    CHECK_THAT(tsv, Catch::Contains("en\tiom\tfr\toim\t1.00")); // the glossary, top weight
    CHECK_THAT(tsv, !Catch::Contains("\tthe\t") && !Catch::Contains("\tles\t") &&
                        !Catch::Contains("\tont\t")); // function words out
}

TEST_CASE("The lexicon command names a missing source and refuses to run without its inputs",
          "[lexicon]") {
    test::TempDir tmp;
    auto usage = test::run_indexer("lexicon --out " + (tmp / "x.tsv").string());
    CHECK(usage.status == 2);
    CHECK_THAT(usage.output, Catch::Contains("--unpc-dev"));
    auto missing = test::run_indexer(
        "lexicon --unpc-dev " + (tmp / "none").string() + " --freedict " + tmp.path().string() +
        " --glossary " + (tmp / "g.tsv").string() + " --out " + (tmp / "x.tsv").string());
    CHECK(missing.status == 1);
    CHECK_THAT(missing.output, Catch::Contains("cannot read") && Catch::Contains("UNv1.0.devset"));
    CHECK_FALSE(std::filesystem::exists(tmp / "x.tsv"));
}
