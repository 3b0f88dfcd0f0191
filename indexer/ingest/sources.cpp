#include "ingest/sources.h"

#include "common/hash.h"
#include "ingest/file_type.h"
#include "ingest/jsonl.h"
#include "ingest/layout_document.h"
#include "ingest/readers.h"
#include "ingest/reports.h"
#include "text/normalise.h"
#include "text/un_symbol.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

namespace mahdar {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// Reads a regular file whole. A FIFO, socket or device (a sidecar too) is refused by its name's
// stat() without being opened: opening a FIFO blocks until a writer comes, reading a device
// may never end. One swapped in after that look is opened without blocking and refused.
bool read_file(const fs::path& path, std::string& out) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return false;
    bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    std::string bytes;
    char buf[65536];
    for (ssize_t n; ok && (n = ::read(fd, buf, sizeof buf)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) ok = false;
        else bytes.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    if (ok) out = std::move(bytes);
    return ok;
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
    if (auto s = json_string(meta, "symbol"); !s.empty()) doc.symbol = canonical_symbol(s).value_or(s);
    doc.version_of = json_string(meta, "version_of");
    doc.type = json_string(meta, "type");
    if (auto it = meta.find("organisers"); it != meta.end() && it->is_array())
        for (const auto& o : *it)
            if (o.is_string()) doc.organisers.push_back(o.get<std::string>());
}

fs::path sidecar_path(const fs::path& path) {
    fs::path sidecar = path;
    sidecar += ".meta.json";
    return sidecar;
}

// The sidecar of a document as a JSON object (null when there is none or it is unusable).
json parse_sidecar(SourceFile& src, const std::string& meta_text) {
    if (meta_text.empty()) return nullptr;
    fs::path sidecar = sidecar_path(src.path);
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

// The document id a report gives (its sidecar's "doc_id", else its file name), or nullopt
// with src.error set.
std::optional<std::string> document_id(SourceFile& src, const json& meta) {
    std::string doc_id = sidecar_doc_id(meta, src);
    if (auto why = id_problem(doc_id); !why.empty()) { // a file name with a tab, or 240 bytes long
        src.error = bad_input("its document id (the file name) " + why + "; give one in a .meta.json sidecar");
        return std::nullopt;
    }
    return doc_id;
}

// A symbol standing in a short line of the header ("E/ESCWA/SDD/2021/3", "A/73/PV.60
// Distr.: General"), not one cited in prose ("resolution A/RES/73/195 on…").
std::optional<std::string> header_symbol(const std::string& line) {
    if (count_words(line) > 8) return std::nullopt;
    return find_symbol(line);
}

// The UN symbol of a document: the sidecar's, else the one the file's metadata states, else
// the first one standing in a short line of its title, headings or first passages, else its
// file name's.
void settle_symbol(Document& doc, const Layout* layout, const fs::path& path) {
    if (doc.symbol.empty() && layout && !layout->symbol.empty())
        doc.symbol = canonical_symbol(layout->symbol).value_or("");
    std::optional<std::string> found;
    if (doc.symbol.empty()) found = header_symbol(doc.title);
    for (size_t i = 0; doc.symbol.empty() && !found && i < doc.headings.size() && i < 6; ++i)
        found = header_symbol(doc.headings[i].text);
    for (size_t i = 0; doc.symbol.empty() && !found && i < doc.passages.size() && i < 4; ++i)
        if (doc.passages[i].page <= 1) found = header_symbol(doc.passages[i].text);
    if (doc.symbol.empty() && !found) found = symbol_from_file_name(path.stem().string());
    if (doc.symbol.empty() && found) doc.symbol = *found;
    for (auto& p : doc.passages) p.symbol = doc.symbol;
}

// Adds `doc`, read from src.path, with its sidecar applied.
void add_document(SourceFile& src, Document doc, const json& meta, const Layout* layout) {
    std::error_code ec;
    fs::path absolute = fs::weakly_canonical(src.path, ec);
    doc.source = ec ? src.path.string() : absolute.string();
    if (layout) doc.pages = layout->pages;
    if (doc.title.empty()) doc.title = doc.doc_id;
    for (auto& p : doc.passages)
        if (p.doc_title.empty()) p.doc_title = doc.title;
    if (meta.is_object()) apply_sidecar(doc, meta);
    settle_symbol(doc, layout, src.path);
    doc.passage_given.assign(doc.passages.size(), GivenFields{});
    src.documents.push_back(std::move(doc));
}

// Text sources must be UTF-8; their byte order mark goes. False (with src.error) when not.
bool as_utf8_text(SourceFile& src, std::string& text) {
    if (!is_valid_utf8(text)) {
        src.error = bad_input("the file is not valid UTF-8");
        return false;
    }
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    return true;
}

void read_text_report(SourceFile& src, std::string& text, const json& meta, const ReadOptions&) {
    if (!as_utf8_text(src, text)) return;
    if (auto doc_id = document_id(src, meta)) {
        Document doc = split_report(text, *doc_id);
        doc.format = "text";
        add_document(src, std::move(doc), meta, nullptr);
    }
}

void read_jsonl_file(SourceFile& src, std::string& text, const json&, const ReadOptions&) {
    if (as_utf8_text(src, text)) read_jsonl(src, text);
}

// A document through one of the layout readers (readers.h).
template <class Reader>
void read_layout(SourceFile& src, const std::string& bytes, const json& meta, const char* format, Reader reader) {
    Result<Layout> layout = reader(bytes);
    if (!layout) {
        src.error = layout.error();
        return;
    }
    for (const auto& w : layout->warnings) src.warnings.push_back(src.path.string() + ": " + w);
    auto doc_id = document_id(src, meta);
    if (!doc_id) return;
    Document doc = layout_document(layout.value(), *doc_id);
    doc.format = format;
    if (!doc.lang && !layout->lang.empty()) doc.lang = parse_lang(layout->lang.substr(0, 2));
    add_document(src, std::move(doc), meta, &layout.value());
}

using ReadFn = void (*)(SourceFile&, std::string&, const json&, const ReadOptions&);

// The one table from a detected type to its reader.
const std::pair<FileType, ReadFn> readers[] = {
    {FileType::text, read_text_report},
    {FileType::jsonl, read_jsonl_file},
    {FileType::pdf, [](SourceFile& s, std::string& b, const json& m, const ReadOptions& o) {
         read_layout(s, b, m, "pdf", [&](std::string_view v) { return read_pdf(v, PdfOptions{o.ocr, o.limits}); });
     }},
    {FileType::docx, [](SourceFile& s, std::string& b, const json& m, const ReadOptions& o) {
         read_layout(s, b, m, "docx", [&](std::string_view v) { return read_docx(v, o.limits); });
     }},
    {FileType::odt, [](SourceFile& s, std::string& b, const json& m, const ReadOptions& o) {
         read_layout(s, b, m, "odt", [&](std::string_view v) { return read_odt(v, o.limits); });
     }},
    {FileType::html, [](SourceFile& s, std::string& b, const json& m, const ReadOptions&) { read_layout(s, b, m, "html", read_html); }},
};

} // namespace

SourceFile read_source(const fs::path& path, const ReadOptions& options) {
    SourceFile src;
    src.path = path;
    std::string bytes;
    std::error_code ec;
    if (fs::exists(path, ec) && !fs::is_regular_file(path, ec)) { // opening a FIFO would block
        src.error = bad_input(fs::is_directory(path, ec) ? "a folder where a file was expected"
                                                          : "not a regular file (a FIFO, socket or device)");
        return src;
    }
    if (!read_file(path, bytes)) {
        src.error = bad_input(fs::exists(path) ? "cannot read the file" : "the file is gone");
        return src;
    }
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
        src.error = bad_input("the file is empty");
        return src;
    }
    // The sidecar's text is folded into the content hash, so that editing it re-indexes the file.
    std::string meta_text;
    if (fs::path sidecar = sidecar_path(path); fs::exists(sidecar) && !read_file(sidecar, meta_text))
        meta_text.clear();
    src.content_hash = fnv1a_hex(meta_text.empty() ? bytes : bytes + '\0' + meta_text);
    if (options.unchanged && options.unchanged(src.content_hash)) {
        src.unchanged = true;
        return src;
    }
    json meta = parse_sidecar(src, meta_text);
    DetectedType type = detect_type(bytes, path);
    if (type.type == FileType::unsupported) {
        src.error = read_failure("unsupported format", type.note);
        return src;
    }
    if (!type.note.empty()) src.notes.push_back(path.string() + ": " + type.note);
    for (const auto& [t, read] : readers)
        if (t == type.type) read(src, bytes, meta, options);
    if (src.documents.empty() && !src.error) src.error = bad_input("no passages found");
    return src;
}

std::vector<fs::path> list_sources(const std::vector<fs::path>& paths) {
    std::vector<fs::path> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (!fs::is_directory(p, ec)) {
            out.push_back(p); // named explicitly: read it, and report it if it is bad
            continue;
        }
        for (auto it = fs::recursive_directory_iterator(p, ec); it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            bool hidden = it->path().filename().string().front() == '.';
            if (hidden && it->is_directory(ec)) it.disable_recursion_pending();
            else if (!hidden && it->is_regular_file(ec) && !is_sidecar(it->path()) && !is_readme(it->path()))
                out.push_back(it->path());
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool listed_in_folder(const fs::path& folder, const fs::path& file) {
    fs::path relative = file.lexically_relative(folder);
    if (relative.empty() || *relative.begin() == "..") return false;
    for (const auto& part : relative)
        if (part.string().empty() || part.string().front() == '.') return false;
    return !is_sidecar(file) && !is_readme(file);
}

fs::path sidecar_document(const fs::path& path) {
    if (!is_sidecar(path)) return {};
    std::string s = path.string();
    return s.substr(0, s.size() - 10);
}

} // namespace mahdar
