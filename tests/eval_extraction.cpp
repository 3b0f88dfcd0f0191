// mahdar-eval-extraction: measures metadata extraction against the gold annotations of
// tests/gold (README there). For each gold file it splits and enriches the report as the
// indexer does, aligns passages by their first line, and prints precision, recall and F1 per
// field and language:
//   speaker attribution  per passage: the speaker (or joint speakers) exactly as in the gold;
//                        a wrong name counts as one false positive and one false negative
//   speaker identity     pairs of attributed passages: "same person" in the gold vs in the
//                        output, after the indexer's cross-document name unification
//   countries, objectives  (passage, value) pairs
//   meeting date         per document
// With --check it exits 1 when a figure is below the targets of issue 3, or when the report of
// a gold file is missing from the source tree (only shared: reports, outside it, may be absent).
#include "extract/enrich.h"
#include "extract/extract.h"
#include "extract/speaker_names.h"
#include "ingest/sources.h"
#include "reference/reference_data.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace mahdar;

constexpr const char* usage =
    "usage: mahdar-eval-extraction [--check] [--verbose] [--source DIR] [GOLD_DIR_OR_FILE...]\n"
    "  default gold: DIR/tests/gold/corpus and DIR/tests/gold/shared (DIR: the source tree)\n"
    "  shared:corpus/... files are read from DIR/../shared/corpus/...\n"
    "  --check    exit 1 when a figure is below the targets of issue 3, or when a report of\n"
    "             the source tree (not shared:) named by a gold file is missing\n"
    "  --verbose  list every disagreement\n";

struct Counts {
    double tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp == 0 ? 1.0 : tp / (tp + fp); }
    double recall() const { return tp + fn == 0 ? 1.0 : tp / (tp + fn); }
    double f1() const {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
};

const char* const fields[] = {"speaker attribution", "speaker identity", "countries", "objectives",
                              "meeting date"};
enum Field { attribution, identity, countries, objectives, date };

/// One attributed person: gold name and output name, in one language.
struct PersonPair {
    std::string gold, output;
};

struct Options {
    bool check = false, verbose = false;
    fs::path source = MAHDAR_SOURCE_DIR;
    std::vector<fs::path> gold;
};

struct Evaluation {
    std::map<std::string, std::array<Counts, 5>> by_lang;
    std::map<std::string, std::vector<PersonPair>> people;
    std::size_t files = 0, skipped = 0; ///< skipped: shared: reports absent on this machine
    std::vector<std::string> missing;   ///< gold files whose report in the source tree is absent
    bool verbose = false;
};

std::vector<std::string> split_names(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t start = 0;;) {
        std::size_t bar = s.find(" | ", start);
        out.push_back(s.substr(start, bar == std::string::npos ? bar : bar - start));
        if (bar == std::string::npos)
            return out;
        start = bar + 3;
    }
}

template <class T> void count_set(Counts& c, const std::set<T>& gold, const std::set<T>& out) {
    for (const auto& v : out)
        (gold.count(v) ? c.tp : c.fp) += 1;
    for (const auto& v : gold)
        c.fn += out.count(v) ? 0 : 1;
}

template <class T> std::string show(const std::set<T>& s) {
    std::string out;
    for (const auto& v : s) {
        std::ostringstream os;
        os << v;
        out += (out.empty() ? "" : ",") + os.str();
    }
    return "[" + out + "]";
}

void compare_speaker(Evaluation& e, const std::string& lang, const std::string& where,
                     const json& gold, const std::string& out) {
    std::string g = gold.is_string() ? gold.get<std::string>() : "";
    auto gs = g.empty() ? std::vector<std::string>{} : split_names(g);
    auto os = out.empty() ? std::vector<std::string>{} : split_names(out);
    Counts& c = e.by_lang[lang][attribution];
    bool same =
        std::set<std::string>(gs.begin(), gs.end()) == std::set<std::string>(os.begin(), os.end());
    if (!g.empty() && same)
        c.tp += 1;
    if (!out.empty() && !same)
        c.fp += 1;
    if (!g.empty() && !same)
        c.fn += 1;
    if (!same && e.verbose)
        std::cout << where << " speaker: gold \"" << g << "\" output \"" << out << "\"\n";
    if (!gs.empty() && gs.size() == os.size())
        for (std::size_t i = 0; i < gs.size(); ++i)
            e.people[lang].push_back({gs[i], os[i]});
}

void compare_passage(Evaluation& e, const std::string& lang, const std::string& where,
                     const json& gold, const Passage& p) {
    compare_speaker(e, lang, where, gold.value("speaker", json()), p.speaker);
    std::set<std::string> gc = gold.value("countries", std::set<std::string>{});
    std::set<std::string> oc(p.countries.begin(), p.countries.end());
    count_set(e.by_lang[lang][countries], gc, oc);
    if (gc != oc && e.verbose)
        std::cout << where << " countries: gold " << show(gc) << " output " << show(oc) << '\n';
    std::set<int> go = gold.value("objectives", std::set<int>{});
    std::set<int> oo(p.objectives.begin(), p.objectives.end());
    count_set(e.by_lang[lang][objectives], go, oo);
    if (go != oo && e.verbose)
        std::cout << where << " objectives: gold " << show(go) << " output " << show(oo) << '\n';
}

const std::string shared_prefix = "shared:";

fs::path report_path(const std::string& file, const fs::path& source) {
    if (file.rfind(shared_prefix, 0) == 0)
        return source.parent_path() / "shared" / file.substr(shared_prefix.size());
    return source / file;
}

void evaluate_file(Evaluation& e, const fs::path& gold_path, const fs::path& source,
                   const Extractor& x) {
    std::ifstream in(gold_path);
    json gold = json::parse(in);
    std::string file = gold.at("file").get<std::string>();
    fs::path path = report_path(file, source);
    if (!fs::exists(path)) {
        if (file.rfind(shared_prefix, 0) == 0)
            ++e.skipped;
        else
            e.missing.push_back(gold_path.filename().string() + ": " + path.string());
        return;
    }
    SourceFile src = read_source(path);
    if (src.error || src.documents.empty())
        throw std::runtime_error(path.string() + ": " + (src.error ? src.error->message : "no passages"));
    Document& doc = src.documents.front();
    enrich(doc, &x);
    std::string lang = gold.at("lang").get<std::string>();
    std::map<std::uint32_t, const Passage*> by_line;
    for (const auto& p : doc.passages)
        by_line[p.line] = &p;
    std::set<std::string> gd, od;
    if (gold.at("date").is_string())
        gd.insert(gold.at("date").get<std::string>());
    if (!doc.date.empty())
        od.insert(doc.date);
    count_set(e.by_lang[lang][date], gd, od);
    if (gd != od && e.verbose)
        std::cout << file << " date: gold " << show(gd) << " output " << show(od) << '\n';
    Passage none;
    for (const auto& g : gold.at("passages")) {
        auto line = g.at("line").get<std::uint32_t>();
        auto it = by_line.find(line);
        std::string where = file + ":" + std::to_string(line);
        if (it == by_line.end() && e.verbose)
            std::cout << where << ": no passage starts on this line\n";
        compare_passage(e, lang, where, g, it == by_line.end() ? none : *it->second);
        if (it != by_line.end())
            by_line.erase(it);
    }
    // Passages the gold does not list have no speaker, country or objective by its rules.
    for (const auto& [line, p] : by_line) {
        std::string where = file + ":" + std::to_string(line);
        if (e.verbose)
            std::cout << where << ": passage not in the gold\n";
        compare_passage(e, lang, where, json::object(), *p);
    }
    ++e.files;
}

// Pairs of attributed people: "same person" in the gold against the output, both after the
// cross-document unification the indexer applies (speaker_pass.h).
void score_identity(Evaluation& e, const NameRules& rules) {
    for (auto& [lang, people] : e.people) {
        std::vector<std::string> gold_names, out_names;
        for (const auto& p : people) {
            gold_names.push_back(p.gold);
            out_names.push_back(p.output);
        }
        auto gold_map = unify_names(gold_names, rules), out_map = unify_names(out_names, rules);
        auto canon = [](const auto& map, const std::string& n) {
            auto it = map.find(n);
            return it == map.end() ? n : it->second;
        };
        Counts& c = e.by_lang[lang][identity];
        for (std::size_t i = 0; i < people.size(); ++i)
            for (std::size_t j = i + 1; j < people.size(); ++j) {
                bool gold_same = canon(gold_map, people[i].gold) == canon(gold_map, people[j].gold);
                bool out_same =
                    canon(out_map, people[i].output) == canon(out_map, people[j].output);
                if (gold_same && out_same)
                    c.tp += 1;
                if (!gold_same && out_same)
                    c.fp += 1;
                if (gold_same && !out_same)
                    c.fn += 1;
            }
    }
}

std::vector<fs::path> gold_files(const std::vector<fs::path>& roots) {
    std::vector<fs::path> out;
    for (const auto& root : roots) {
        if (fs::is_regular_file(root))
            out.push_back(root);
        if (!fs::is_directory(root))
            continue;
        for (const auto& entry : fs::directory_iterator(root))
            if (entry.path().extension() == ".json")
                out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

void print_table(const Evaluation& e) {
    std::printf("%-20s %-4s %6s %6s %6s %8s %5s %5s\n", "field", "lang", "P", "R", "F1", "TP", "FP",
                "FN");
    for (int f = attribution; f <= date; ++f)
        for (const auto& [lang, counts] : e.by_lang) {
            const Counts& c = counts[static_cast<std::size_t>(f)];
            std::printf("%-20s %-4s %6.3f %6.3f %6.3f %8.0f %5.0f %5.0f\n", fields[f], lang.c_str(),
                        c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn);
        }
}

// The targets of issue 3; returns the number of figures below them.
int check_targets(const Evaluation& e) {
    int failures = 0;
    auto need = [&](bool ok, const std::string& what) {
        if (!ok)
            std::printf("BELOW TARGET: %s\n", what.c_str());
        failures += ok ? 0 : 1;
    };
    for (const auto& [lang, c] : e.by_lang) {
        double speaker = lang == "en" ? 0.95 : 0.90;
        need(c[date].precision() == 1.0 && c[date].recall() == 1.0,
             lang + " meeting date P and R = 1");
        need(c[attribution].precision() >= speaker && c[attribution].recall() >= speaker,
             lang + " speaker attribution P and R >= " + std::to_string(speaker).substr(0, 4));
        need(c[countries].f1() >= 0.95, lang + " countries F1 >= 0.95");
        need(c[objectives].f1() >= 0.98, lang + " objectives F1 >= 0.98");
    }
    return failures;
}

bool parse_args(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--check")
            o.check = true;
        else if (a == "--verbose")
            o.verbose = true;
        else if (a == "--source" && i + 1 < argc)
            o.source = argv[++i];
        else if (!a.empty() && a[0] == '-')
            return false;
        else
            o.gold.emplace_back(a);
    }
    if (o.gold.empty())
        o.gold = {o.source / "tests/gold/corpus", o.source / "tests/gold/shared"};
    return true;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse_args(argc, argv, options)) {
        std::cerr << usage;
        return 2;
    }
    try {
        ReferenceData data;
        Extractor extractor(data);
        Evaluation e;
        e.verbose = options.verbose;
        for (const auto& f : gold_files(options.gold))
            evaluate_file(e, f, options.source, extractor);
        fs::path shared = options.source.parent_path() / "shared";
        if (e.skipped > 0)
            std::printf("skipped %zu gold files: their reports are not in %s%s\n", e.skipped,
                        shared.c_str(), fs::exists(shared) ? "" : " (that folder is absent)");
        for (const auto& m : e.missing)
            std::printf("MISSING REPORT: %s\n", m.c_str());
        std::printf("%zu gold files evaluated\n", e.files);
        score_identity(e, extractor.speakers().name_rules());
        print_table(e);
        if (!options.check)
            return 0;
        bool below = e.files > 0 && check_targets(e) > 0;
        return e.files == 0 || !e.missing.empty() || below ? 1 : 0;
    } catch (const std::exception& ex) {
        std::cerr << "mahdar-eval-extraction: " << ex.what() << '\n';
        return 1;
    }
}
