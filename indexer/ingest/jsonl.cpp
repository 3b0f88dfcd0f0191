#include "ingest/jsonl.h"

#include "common/dates.h"
#include "common/result.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

namespace mahdar {
using json = nlohmann::json;

namespace {

struct Line {
    Passage passage;
    GivenFields given;
    std::string version_of; ///< the document's, when this line gives it
};

// Reads the optional fields of a passage line; nullopt when they are well formed.
std::optional<Error> read_optional(const json& j, Passage& p, GivenFields& given) {
    if (auto it = j.find("id"); it != j.end()) {
        if (!it->is_string() || it->get<std::string>().empty()) return bad_input("\"id\" must be a non-empty string");
        p.id = it->get<std::string>();
        if (auto why = id_problem(p.id); !why.empty()) return bad_input("\"id\" " + why);
    }
    if (auto it = j.find("lang"); it != j.end()) {
        auto l = it->is_string() ? parse_lang(it->get<std::string>()) : std::nullopt;
        if (!l) return bad_input("\"lang\" must be \"ar\", \"en\" or \"fr\"");
        p.lang = l;
        given.lang = true;
    }
    if (auto it = j.find("date"); it != j.end()) {
        if (!it->is_string() || !is_iso_date(it->get<std::string>())) return bad_input("\"date\" must be YYYY-MM-DD");
        p.date = it->get<std::string>();
        given.date = true;
    }
    for (auto [key, field] : {std::pair{"speaker", &p.speaker}, {"affiliation", &p.affiliation},
                              {"section", &p.section}, {"role", &p.role}}) {
        if (auto it = j.find(key); it != j.end() && it->is_string()) *field = it->get<std::string>();
    }
    given.speaker = j.contains("speaker");
    if (auto it = j.find("para"); it != j.end()) {
        if (it->is_string()) p.para = it->get<std::string>();
        else if (it->is_number_integer()) p.para = std::to_string(it->get<long long>());
    }
    if (auto it = j.find("countries"); it != j.end()) {
        if (!it->is_array()) return bad_input("\"countries\" must be a list of ISO codes");
        for (const auto& c : *it) {
            std::string code = c.is_string() ? c.get<std::string>() : "";
            if (code.size() != 2 || !std::isalpha(static_cast<unsigned char>(code[0])) ||
                !std::isalpha(static_cast<unsigned char>(code[1])))
                return bad_input("\"countries\" must hold ISO 3166-1 alpha-2 codes");
            for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            p.countries.push_back(code);
        }
        given.countries = true;
    }
    if (auto it = j.find("objectives"); it != j.end()) {
        if (!it->is_array()) return bad_input("\"objectives\" must be a list of numbers 1..23");
        for (const auto& o : *it) {
            if (!o.is_number_integer() || o.get<int>() < 1 || o.get<int>() > 23)
                return bad_input("\"objectives\" must be a list of numbers 1..23");
            p.objectives.push_back(o.get<int>());
        }
        given.objectives = true;
    }
    return std::nullopt;
}

// One line as a passage and the fields it gives.
Result<Line> read_line(const std::string& line) {
    Line out;
    Passage& p = out.passage;
    GivenFields& given = out.given;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) return bad_input("not valid JSON");
    if (!j.is_object()) return bad_input("not a JSON object");
    for (const char* key : {"doc_id", "doc_title", "text"}) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_string() || it->get<std::string>().empty())
            return bad_input(std::string("missing or empty \"") + key + "\"");
    }
    p.doc_id = j["doc_id"].get<std::string>();
    if (auto why = id_problem(p.doc_id); !why.empty()) return bad_input("\"doc_id\" " + why);
    p.doc_title = j["doc_title"].get<std::string>();
    p.text = j["text"].get<std::string>();
    if (auto err = read_optional(j, p, given)) return *err;
    if (auto it = j.find("version_of"); it != j.end()) {
        if (!it->is_string()) return bad_input("\"version_of\" must be the doc_id of another language version");
        out.version_of = it->get<std::string>();
    }
    return out;
}

} // namespace

std::string id_problem(const std::string& id) {
    if (id.size() > 200) return "is longer than 200 bytes";
    for (unsigned char c : id)
        if (c < 0x20 || c == 0x7f) return "holds a control character (a tab, a line break)";
    return {};
}

void read_jsonl(SourceFile& src, const std::string& text) {
    std::map<std::string, size_t> by_id;
    std::unordered_map<std::string, size_t> line_of_passage; // passage id → the line that has it
    size_t start = 0, number = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        start = nl == std::string::npos ? text.size() : nl + 1;
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto read = read_line(line);
        if (!read) {
            src.warnings.push_back(src.path.string() + ":" + std::to_string(number) + ": " + read.error().message);
            continue;
        }
        Passage& p = read->passage;
        GivenFields& given = read->given;
        auto [it, fresh] = by_id.try_emplace(p.doc_id, src.documents.size());
        std::uint32_t ordinal = fresh ? 0 : static_cast<std::uint32_t>(src.documents[it->second].passages.size());
        bool own_id = !p.id.empty();
        if (!own_id) p.id = p.doc_id + ":" + std::to_string(ordinal);
        if (auto [first, unused] = line_of_passage.try_emplace(p.id, number); !unused) {
            src.warnings.push_back(src.path.string() + ":" + std::to_string(number) + ": " +
                                   (own_id ? "passage id \"" : "its default passage id \"") + p.id +
                                   "\" is already used on line " + std::to_string(first->second) + "; line skipped");
            if (fresh) by_id.erase(it);
            continue;
        }
        if (fresh) {
            Document d;
            d.doc_id = p.doc_id;
            d.title = p.doc_title;
            d.source = src.path.string();
            d.format = "jsonl";
            src.documents.push_back(std::move(d));
        }
        Document& doc = src.documents[it->second];
        if (doc.version_of.empty() && read->version_of != doc.doc_id) doc.version_of = read->version_of;
        p.ordinal = ordinal;
        // A value given twice is one value: counted once in its facet.
        std::sort(p.countries.begin(), p.countries.end());
        p.countries.erase(std::unique(p.countries.begin(), p.countries.end()), p.countries.end());
        std::sort(p.objectives.begin(), p.objectives.end());
        p.objectives.erase(std::unique(p.objectives.begin(), p.objectives.end()), p.objectives.end());
        doc.passages.push_back(std::move(p));
        doc.passage_given.push_back(given);
    }
}

} // namespace mahdar
