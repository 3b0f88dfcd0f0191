#include "http/export_formats.h"

#include "common/strings.h"
#include "http/json_out.h"

namespace mahdar {

namespace {

std::string numbers(const std::vector<int>& v) {
    std::string out;
    for (int n : v) out += (out.empty() ? "" : " ") + std::to_string(n);
    return out;
}

// One RIS tag line ("TI  - …"), line breaks inside the value folded to spaces.
std::string ris(const char* tag, std::string value) {
    if (value.empty()) return "";
    for (char& c : value)
        if (c == '\n' || c == '\r') c = ' ';
    return std::string(tag) + "  - " + value + "\r\n";
}

} // namespace

std::optional<ExportFormat> parse_export_format(std::string_view name) {
    if (name == "csv") return ExportFormat::csv;
    if (name == "jsonl") return ExportFormat::jsonl;
    if (name == "ris") return ExportFormat::ris;
    if (name == "csl" || name == "csl-json") return ExportFormat::csl;
    return std::nullopt;
}

const char* export_content_type(ExportFormat f) {
    switch (f) {
    case ExportFormat::csv: return "text/csv; charset=utf-8";
    case ExportFormat::jsonl: return "application/x-ndjson; charset=utf-8";
    case ExportFormat::ris: return "application/x-research-info-systems; charset=utf-8";
    default: return "application/vnd.citationstyles.csl+json; charset=utf-8";
    }
}

const char* export_extension(ExportFormat f) {
    switch (f) {
    case ExportFormat::csv: return "csv";
    case ExportFormat::jsonl: return "jsonl";
    case ExportFormat::ris: return "ris";
    default: return "json";
    }
}

std::string csv_field(std::string_view s) {
    std::string out = "\"";
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) out += '\'';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string export_head(ExportFormat f) {
    if (f == ExportFormat::csv)
        return "\xEF\xBB\xBF\"id\",\"document\",\"symbol\",\"title\",\"date\",\"language\",\"speaker\",\"affiliation\","
               "\"countries\",\"objectives\",\"paragraph\",\"page\",\"section\",\"text\",\"link\"\r\n";
    if (f == ExportFormat::csl) return "[\n";
    return "";
}

std::string export_row(ExportFormat f, const Passage& p, const CitationFormatter& citations, const std::string& link,
                       bool first) {
    std::string lang(lang_code(p.lang.value_or(Lang::en)));
    switch (f) {
    case ExportFormat::csv: {
        std::string row;
        for (const std::string& v : {p.id, p.doc_id, p.symbol, p.doc_title, p.date, lang, p.speaker, p.affiliation,
                                     joined(p.countries, " "), numbers(p.objectives), p.para,
                                     p.page ? std::to_string(p.page) : std::string(), p.section, p.text, link})
            row += (row.empty() ? "" : ",") + csv_field(v);
        return row + "\r\n";
    }
    case ExportFormat::jsonl: {
        nlohmann::json j = hit_json(p);
        if (!link.empty()) j["link"] = link;
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    case ExportFormat::ris: {
        // A UN meeting record or report: RIS's RPRT, the passage's document as title.
        std::string r = ris("TY", "RPRT") + ris("ID", p.id) + ris("TI", p.doc_title) + ris("AU", p.speaker);
        r += ris("T2", p.section) + ris("DA", p.date) + ris("PY", p.date.substr(0, 4));
        r += ris("M1", p.symbol) + ris("LA", lang) + ris("SE", p.para.empty() ? "" : "para. " + p.para);
        r += ris("SP", p.page ? std::to_string(p.page) : "") + ris("AB", p.text) + ris("N1", citations.citation(p, p.symbol, Lang::en)) + ris("UR", link);
        return r + "ER  - \r\n\r\n";
    }
    default: {
        nlohmann::json item = CitationFormatter::csl(p, p.symbol);
        if (!link.empty()) item["URL"] = link;
        return std::string(first ? "" : ",\n") + item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    }
}

std::string export_tail(ExportFormat f) { return f == ExportFormat::csl ? "\n]\n" : ""; }

} // namespace mahdar
