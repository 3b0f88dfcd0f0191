#include "ingest/sources.h"

#include "common/hash.h"
#include "ingest/jsonl.h"
#include "ingest/reports.h"
#include "text/normalise.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

namespace mahdar {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

bool read_file(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return false;
    out = ss.str();
    return true;
}

std::string lower_ext(const fs::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
    return e;
}

bool is_sidecar(const fs::path& p) {
    std::string name = p.filename().string();
    return name.size() > 10 && name.compare(name.size() - 10, 10, ".meta.json") == 0;
}

bool is_readme(const fs::path& p) {
    std::string stem = p.stem().string();
    std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return std::tolower(c); });
    return stem == "readme" || stem == "source" || stem == "license";
}

// Document id of a report file: its name without the .md/.txt extension.
std::string report_doc_id(const fs::path& p) { return p.stem().string(); }

std::string json_string(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void apply_sidecar(Document& doc, const json& meta) {
    if (auto t = json_string(meta, "title"); !t.empty()) {
        doc.title = t;
        for (auto& p : doc.passages) p.doc_title = t;
    }
    if (auto d = json_string(meta, "date"); !d.empty()) {
        doc.date = d;
        doc.given.date = true;
    }
    std::string lang = json_string(meta, "lang");
    if (lang.empty()) lang = json_string(meta, "language");
    if (auto l = parse_lang(lang)) {
        doc.lang = l;
        doc.given.lang = true;
    }
    doc.symbol = json_string(meta, "symbol");
    doc.type = json_string(meta, "type");
    if (auto it = meta.find("organisers"); it != meta.end() && it->is_array())
        for (const auto& o : *it)
            if (o.is_string()) doc.organisers.push_back(o.get<std::string>());
}

// The sidecar of a report as a JSON object (null when there is none or it is unusable), and
// its text folded into the content hash, so that editing the sidecar re-indexes the report.
json read_sidecar(SourceFile& src, const std::string& text) {
    fs::path sidecar = src.path;
    sidecar += ".meta.json";
    std::string meta_text;
    if (!fs::exists(sidecar) || !read_file(sidecar, meta_text)) return nullptr;
    src.content_hash = fnv1a_hex(text + '\0' + meta_text);
    json meta = json::parse(meta_text, nullptr, false);
    if (meta.is_discarded()) src.warnings.push_back(sidecar.string() + ": not valid JSON; ignored");
    else if (!meta.is_object()) src.warnings.push_back(sidecar.string() + ": not a JSON object; ignored");
    else return meta;
    return nullptr;
}

// A sidecar's "doc_id" lets two reports with the same file name (in different folders) have
// different document ids; without one, the id is the file name.
std::string sidecar_doc_id(const json& meta, SourceFile& src) {
    auto it = meta.find("doc_id");
    if (it == meta.end()) return report_doc_id(src.path);
    std::string why = !it->is_string() || it->get<std::string>().empty() ? "must be a non-empty string"
                                                                          : id_problem(it->get<std::string>());
    if (why.empty()) return it->get<std::string>();
    src.warnings.push_back(src.path.string() + ".meta.json: \"doc_id\" " + why + "; ignored");
    return report_doc_id(src.path);
}

void read_report(SourceFile& src, const std::string& text) {
    json meta = read_sidecar(src, text);
    std::string doc_id = sidecar_doc_id(meta, src);
    if (auto why = id_problem(doc_id); !why.empty()) { // a file name with a tab, or 240 bytes long
        src.error = bad_input("its document id (the file name) " + why + "; give one in a .meta.json sidecar");
        return;
    }
    Document doc = split_report(text, doc_id);
    doc.source = src.path.string();
    if (doc.title.empty()) doc.title = doc.doc_id;
    for (auto& p : doc.passages)
        if (p.doc_title.empty()) p.doc_title = doc.title;
    if (meta.is_object()) apply_sidecar(doc, meta);
    doc.passage_given.assign(doc.passages.size(), GivenFields{});
    src.documents.push_back(std::move(doc));
}

} // namespace

SourceFile read_source(const fs::path& path) {
    SourceFile src;
    src.path = path;
    std::string text;
    if (!read_file(path, text)) {
        src.error = bad_input("cannot read the file");
        return src;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        src.error = bad_input("the file is empty");
        return src;
    }
    if (!is_valid_utf8(text)) {
        src.error = bad_input("the file is not valid UTF-8");
        return src;
    }
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    src.content_hash = fnv1a_hex(text);
    if (lower_ext(path) == ".jsonl") read_jsonl(src, text);
    else read_report(src, text);
    if (src.documents.empty() && !src.error) src.error = bad_input("no passages found");
    return src;
}

std::vector<fs::path> list_sources(const std::vector<fs::path>& paths) {
    std::vector<fs::path> out;
    auto consider = [&out](const fs::path& p) {
        std::string e = lower_ext(p);
        if ((e == ".txt" || e == ".md" || e == ".jsonl") && !is_sidecar(p) && !is_readme(p))
            out.push_back(p);
    };
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            for (auto it = fs::recursive_directory_iterator(p, ec); it != fs::recursive_directory_iterator();
                 it.increment(ec))
                if (it->is_regular_file(ec)) consider(it->path());
        } else {
            out.push_back(p); // named explicitly: read it, and report it if it is bad
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace mahdar
