#include "ingest/file_type.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace mahdar {
namespace {

bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// The start of the bytes without a UTF-8 byte order mark and leading white space, lower-cased.
std::string lower_head(std::string_view bytes, size_t n) {
    if (starts(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    size_t i = 0;
    while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
    return lower(bytes.substr(i, n));
}

bool looks_html(std::string_view bytes) {
    std::string head = lower_head(bytes, 1024);
    if (starts(head, "<!doctype html") || starts(head, "<html")) return true;
    if (!starts(head, "<")) return false;
    return head.find("<html") != std::string::npos || head.find("<body") != std::string::npos ||
           head.find("<head") != std::string::npos;
}

// A zip's kind from the names in its directory (stored uncompressed) and an OpenDocument's
// first member, "mimetype".
DetectedType zip_type(std::string_view bytes) {
    auto has = [&](std::string_view s) { return bytes.find(s) != std::string_view::npos; };
    if (has("word/document.xml")) return {FileType::docx, {}};
    if (has("mimetypeapplication/vnd.oasis.opendocument.text") && !has("opendocument.text-template"))
        return {FileType::odt, {}};
    if (has("xl/workbook.xml") || has("opendocument.spreadsheet"))
        return {FileType::unsupported, "spreadsheet: save the text as .docx or PDF"};
    if (has("ppt/presentation.xml") || has("opendocument.presentation"))
        return {FileType::unsupported, "presentation: export it as PDF"};
    if (has("application/epub+zip")) return {FileType::unsupported, "EPUB book: convert to PDF"};
    return {FileType::unsupported, "zip archive: unpack it and index the documents inside"};
}

bool binary(std::string_view bytes) {
    return bytes.substr(0, 4096).find('\0') != std::string_view::npos;
}

} // namespace

std::string lower_extension(const std::filesystem::path& p) { return lower(p.extension().string()); }

DetectedType detect_type(std::string_view bytes, const std::filesystem::path& name) {
    std::string ext = lower_extension(name);
    DetectedType t;
    if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) t = {FileType::pdf, {}};
    else if (starts(bytes, "PK\x03\x04")) t = zip_type(bytes);
    else if (starts(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return {FileType::unsupported, "legacy Word, Excel or PowerPoint file (.doc, .xls, .ppt): convert to .docx or PDF"};
    else if (starts(bytes, "{\\rtf")) return {FileType::unsupported, "RTF document: convert to .docx or PDF"};
    else if (starts(bytes, "\x89PNG") || starts(bytes, "\xFF\xD8\xFF") || starts(bytes, "GIF8") ||
             starts(bytes, "II*") || starts(bytes, "MM\0*"))
        return {FileType::unsupported, "image: make a PDF of it and index that with --ocr"};
    else if (!binary(bytes) && looks_html(bytes)) t = {FileType::html, {}};
    // No signature of its type: the name picks the reader, which then says what is wrong.
    else if (ext == ".pdf") return {FileType::pdf, {}};
    else if (ext == ".docx" || ext == ".docm") return {FileType::docx, {}};
    else if (ext == ".odt") return {FileType::odt, {}};
    else if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return {FileType::html, {}};
    else if (ext == ".doc" || ext == ".rtf" || ext == ".wpd")
        return {FileType::unsupported, "legacy document (" + ext + "): convert to .docx or PDF"};
    else if (binary(bytes)) return {FileType::unsupported, "binary file of unknown type" + (ext.empty() ? "" : " (" + ext + ")")};
    else if (ext == ".jsonl") return {FileType::jsonl, {}};
    else if (ext == ".txt" || ext == ".md" || ext == ".markdown") return {FileType::text, {}};
    else return {FileType::unsupported, "unsupported type" + (ext.empty() ? std::string() : " (" + ext + ")") +
                                            ": mahdar reads .pdf, .docx, .odt, .html, .txt, .md and .jsonl"};
    static const std::pair<FileType, std::vector<std::string>> usual[] = {
        {FileType::pdf, {".pdf"}},
        {FileType::docx, {".docx", ".docm"}},
        {FileType::odt, {".odt"}},
        {FileType::html, {".html", ".htm", ".xhtml"}},
    };
    static const char* const names[] = {"text", "JSON Lines", "PDF", "DOCX", "ODT", "HTML", ""};
    for (const auto& [type, exts] : usual) {
        bool named_so = std::find(exts.begin(), exts.end(), ext) != exts.end();
        if (type == t.type && !named_so && t.type != FileType::unsupported)
            t.note = "named " + (ext.empty() ? std::string("without an extension") : ext) + " but holds " +
                     names[static_cast<int>(t.type)] + ": read as " + names[static_cast<int>(t.type)];
    }
    return t;
}

} // namespace mahdar
