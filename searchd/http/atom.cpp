#include "http/atom.h"

#include "common/utf8.h"

#include <cmath>
#include <ctime>

namespace mahdar {
namespace {

// XML 1.0's Char production: tab, line feed, carriage return, and the rest from U+0020.
bool xml_char(char32_t c) {
    if (c < 0x20) return c == 0x09 || c == 0x0A || c == 0x0D;
    return c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

void element(std::string& out, const char* indent, const char* name, std::string_view text) {
    out += indent;
    out += '<';
    out += name;
    out += '>';
    out += xml_escape(text);
    out += "</";
    out += name;
    out += ">\n";
}

void link(std::string& out, const char* indent, const char* rel, const char* type, const std::string& href) {
    out += std::string(indent) + "<link rel=\"" + rel + "\" type=\"" + type + "\" href=\"" + xml_escape(href) + "\"/>\n";
}

void author(std::string& out, const char* indent, const std::string& name) {
    out += std::string(indent) + "<author><name>" + xml_escape(name) + "</name></author>\n";
}

void entry(std::string& out, const AtomEntry& e) {
    out += e.lang.empty() ? "  <entry>\n" : "  <entry xml:lang=\"" + xml_escape(e.lang) + "\">\n";
    element(out, "    ", "id", e.id);
    element(out, "    ", "title", e.title);
    element(out, "    ", "updated", e.updated);
    if (!e.published.empty()) element(out, "    ", "published", e.published);
    link(out, "    ", "alternate", "text/html", e.link);
    if (!e.author.empty()) author(out, "    ", e.author);
    for (const auto& c : e.categories) {
        out += "    <category term=\"" + xml_escape(c.term) + "\"";
        if (!c.scheme.empty()) out += " scheme=\"" + xml_escape(c.scheme) + "\"";
        if (!c.label.empty()) out += " label=\"" + xml_escape(c.label) + "\"";
        out += "/>\n";
    }
    out += "    <summary type=\"text\">" + xml_escape(e.summary) + "</summary>\n";
    out += "  </entry>\n";
}

} // namespace

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        char32_t c = next_code_point(s, pos);
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (xml_char(c)) append_utf8(out, c);
        }
    }
    return out;
}

std::string rfc3339(double seconds) {
    std::time_t t = static_cast<std::time_t>(std::floor(seconds));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char b[32];
    std::strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return b;
}

std::optional<std::string> rfc3339_of_date(std::string_view date) {
    static const std::string_view pattern = "0000-00-00";
    if (date.size() != 4 && date.size() != 7 && date.size() != 10) return std::nullopt;
    for (std::size_t i = 0; i < date.size(); ++i) {
        bool digit = date[i] >= '0' && date[i] <= '9';
        if (pattern[i] == '0' ? !digit : date[i] != '-') return std::nullopt;
    }
    std::string out(date);
    out += std::string("-01-01").substr(date.size() - 4);
    return out + "T00:00:00Z";
}

std::string atom_xml(const AtomFeed& feed) {
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    element(out, "  ", "id", feed.id);
    element(out, "  ", "title", feed.title);
    if (!feed.subtitle.empty()) element(out, "  ", "subtitle", feed.subtitle);
    element(out, "  ", "updated", feed.updated);
    link(out, "  ", "self", "application/atom+xml", feed.self);
    link(out, "  ", "alternate", "text/html", feed.alternate);
    author(out, "  ", feed.author);
    out += "  <generator>mahdar</generator>\n";
    for (const auto& e : feed.entries) entry(out, e);
    out += "</feed>\n";
    return out;
}

} // namespace mahdar
