// floor_index: the cost of Xapian alone. Indexes mahdar JSON Lines passages with a plain
// Xapian::TermGenerator (positions on, Snowball stemmer of the passage's language, STEM_SOME so
// stems are Z-prefixed without positions like mahdar's), the same filter terms, values and
// stored data as a passage document — but no ICU, no normalisation, no extraction, one thread,
// add_document() on a fresh database and a single commit at the end.
//
//   floor_index --db DIR [--replace] PATH...    (PATH: a .jsonl file or a folder of them)
//
// --replace writes with replace_document(unique id term) as an incremental indexer must, instead
// of add_document(): the difference is the cost of the per-passage id lookup.
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {
namespace fs = std::filesystem;
using json = nlohmann::json;

std::vector<fs::path> list_jsonl(const std::vector<std::string>& args) {
    std::vector<fs::path> out;
    for (const auto& a : args) {
        if (fs::is_directory(a)) {
            for (const auto& e : fs::recursive_directory_iterator(a))
                if (e.is_regular_file() && e.path().extension() == ".jsonl") out.push_back(e.path());
        } else {
            out.emplace_back(a);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string str(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

struct Floor {
    Xapian::WritableDatabase db;
    Xapian::TermGenerator gen;
    Xapian::Stem stems[3] = {Xapian::Stem("arabic"), Xapian::Stem("english"), Xapian::Stem("french")};
    bool replace = false;

    const Xapian::Stem& stem_for(const std::string& lang) {
        return lang == "ar" ? stems[0] : lang == "fr" ? stems[2] : stems[1];
    }

    void add(const std::string& line) {
        json j = json::parse(line);
        std::string lang = str(j, "lang"), date = str(j, "date"), doc_id = str(j, "doc_id");
        Xapian::Document doc;
        gen.set_document(doc);
        gen.set_stemmer(stem_for(lang));
        gen.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        gen.index_text(str(j, "text"));
        std::string id_term = "Q" + str(j, "id");
        doc.add_boolean_term(id_term);
        doc.add_boolean_term("XP" + doc_id);
        doc.add_boolean_term("L" + lang);
        std::string compact;
        if (date.size() == 10) {
            compact = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
            doc.add_boolean_term("D" + compact);
            doc.add_boolean_term("M" + compact.substr(0, 6));
            doc.add_boolean_term("Y" + compact.substr(0, 4));
        }
        std::string speaker = str(j, "speaker"), countries, objectives;
        if (!speaker.empty()) doc.add_boolean_term("XS" + speaker.substr(0, 200));
        for (const auto& c : j.value("countries", json::array())) {
            doc.add_boolean_term("XC:" + c.get<std::string>());
            countries += c.get<std::string>();
        }
        for (const auto& o : j.value("objectives", json::array())) {
            doc.add_boolean_term("XO" + std::to_string(o.get<int>()));
            objectives += static_cast<char>(o.get<int>());
        }
        doc.add_value(0, compact);
        doc.add_value(1, doc_id);
        doc.add_value(3, speaker);
        doc.add_value(4, countries);
        doc.add_value(5, objectives);
        doc.add_value(6, lang);
        doc.set_data(line);
        if (replace) db.replace_document(id_term, doc);
        else db.add_document(doc);
    }
};

} // namespace

int main(int argc, char** argv) {
    std::string db_path;
    std::vector<std::string> paths;
    bool replace = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--db" && i + 1 < argc) db_path = argv[++i];
        else if (a == "--replace") replace = true;
        else paths.push_back(a);
    }
    if (db_path.empty() || paths.empty()) {
        std::cerr << "usage: floor_index --db DIR PATH...\n";
        return 2;
    }
    try {
        auto start = std::chrono::steady_clock::now();
        Floor f{Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OVERWRITE), {}};
        f.replace = replace;
        std::size_t passages = 0, bytes = 0;
        std::string line;
        for (const auto& p : list_jsonl(paths)) {
            std::ifstream in(p);
            while (std::getline(in, line)) {
                if (line.empty()) continue;
                f.add(line);
                ++passages;
                bytes += line.size();
            }
        }
        f.db.commit();
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "floor: %zu passages, %.2f MB of JSON in %.2f s (%.0f passages/s)\n",
                     passages, bytes / 1e6, s, passages / s);
    } catch (const Xapian::Error& e) {
        std::cerr << "floor_index: " << e.get_description() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "floor_index: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
