// bench/eval_alignment.py's helper (issue 19): the paragraph aligner and the stored version
// links, as JSON lines, so the script can score them against references.
//
//   mahdar-align-eval align        stdin: one JSON object per line {"a": [[text, para], …],
//                                  "b": [[text, para], …]}; stdout: {"beads": [[[i…], [j…],
//                                  score, "numbered"|"length"], …]} per line (list indices)
//   mahdar-align-eval links DB     stdout: one line per document of index DB:
//                                  {"doc_id", "lang", "source", "date", "versions": [{lang, doc_id, how, score}]}
//   mahdar-align-eval pairs DB     stdout: one line per linked pair (a < b): {"a", "b", "a_lines",
//                                  "b_lines" (first source line of each passage, by ordinal),
//                                  "beads": [[[ordinal…], [ordinal…], score], …]}
#include "format/record.h"
#include "format/schema.h"
#include "format/versions.h"
#include "text/alignment.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <string>

using json = nlohmann::json;
using namespace mahdar;

namespace {

std::vector<AlignItem> items_of(const json& list) {
    std::vector<AlignItem> out;
    for (const auto& x : list) out.push_back({x.at(0).get<std::string>(), x.size() > 1 ? x.at(1).get<std::string>() : ""});
    return out;
}

int align_lines() {
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.empty()) continue;
        json in = json::parse(line);
        json beads = json::array();
        for (const auto& b : align_paragraphs(items_of(in.at("a")), items_of(in.at("b"))))
            beads.push_back({b.a, b.b, b.score, b.how == Bead::numbered ? "numbered" : "length"});
        std::cout << json{{"beads", beads}}.dump() << '\n';
    }
    return 0;
}

int list_links(const std::string& path) {
    Xapian::Database db(path);
    std::string prefix(schema::meta_doc);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        DocumentRecord r = decode_document(db.get_metadata(*it));
        json versions = json::array();
        for (const auto& v : read_versions(db, r.doc_id))
            versions.push_back({{"lang", lang_code(v.lang)}, {"doc_id", v.doc_id}, {"how", v.how}, {"score", v.score}});
        std::cout << json{{"doc_id", r.doc_id}, {"lang", lang_code(r.lang)}, {"source", r.source}, {"date", r.date},
                          {"versions", versions}}.dump() << '\n';
    }
    return 0;
}

json lines_of(const Xapian::Database& db, const std::string& doc_id) {
    std::map<std::uint32_t, std::uint32_t> by_ordinal;
    std::string term = schema::term(schema::parent, doc_id);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        Passage p = read_passage(db.get_document(*it));
        by_ordinal[p.ordinal] = p.line;
    }
    json out = json::array();
    for (const auto& [ordinal, line] : by_ordinal) out.push_back({ordinal, line});
    return out;
}

int list_pairs(const std::string& path) {
    Xapian::Database db(path);
    std::string prefix(schema::meta_doc);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        std::string a = (*it).substr(prefix.size());
        for (const auto& v : read_versions(db, a)) {
            if (!(a < v.doc_id)) continue;
            json beads = json::array();
            for (const auto& b : read_alignment(db, a, v.doc_id)) beads.push_back({b.a, b.b, b.score});
            std::cout << json{{"a", a}, {"b", v.doc_id}, {"a_lines", lines_of(db, a)}, {"b_lines", lines_of(db, v.doc_id)},
                              {"beads", beads}}.dump() << '\n';
        }
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        std::string mode = argc > 1 ? argv[1] : "";
        if (mode == "align" && argc == 2) return align_lines();
        if (mode == "links" && argc == 3) return list_links(argv[2]);
        if (mode == "pairs" && argc == 3) return list_pairs(argv[2]);
        std::cerr << "usage: mahdar-align-eval align < pairs.jsonl | mahdar-align-eval links DB | mahdar-align-eval pairs DB\n";
        return 2;
    } catch (const Xapian::Error& e) {
        std::cerr << "mahdar-align-eval: " << e.get_msg() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "mahdar-align-eval: " << e.what() << '\n';
    }
    return 1;
}
