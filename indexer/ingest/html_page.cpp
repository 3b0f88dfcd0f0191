#include "ingest/html_page.h"

#include "common/strings.h"
#include "common/utf8.h"

#include <libxml/encoding.h>

#include <algorithm>
#include <cctype>

namespace mahdar {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

std::string sniff_encoding(std::string_view bytes) {
    if (starts_with(bytes, "\xEF\xBB\xBF"))
        return "UTF-8";
    if (starts_with(bytes, "\xFF\xFE"))
        return "UTF-16LE";
    if (starts_with(bytes, "\xFE\xFF"))
        return "UTF-16BE";
    std::string head = lower(bytes.substr(0, 2048));
    for (std::size_t at = head.find("<meta"); at != std::string::npos;
         at = head.find("<meta", at + 5)) {
        std::size_t end = head.find('>', at);
        std::size_t cs = head.find("charset", at);
        if (cs == std::string::npos || cs > end)
            continue;
        std::size_t b = head.find_first_not_of(" =\"'", cs + 7);
        std::size_t e = head.find_first_of(" \"'>;/", b);
        if (b == std::string::npos || e == std::string::npos)
            continue;
        std::string name = head.substr(b, e - b);
        if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii")
            return "windows-1252";
        if (name == "utf8")
            return "UTF-8";
        xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name.c_str());
        if (handler) {
            xmlCharEncCloseFunc(handler);
            return name;
        }
    }
    return is_valid_utf8(bytes) ? "UTF-8" : "windows-1252";
}

bool looks_binary(std::string_view bytes) {
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF"))
        return false;
    std::string_view head = bytes.substr(0, 4096);
    std::size_t controls = std::count_if(head.begin(), head.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f';
    });
    return controls * 100 > head.size(); // more than 1%
}

std::string page_title(std::string title) {
    static const std::string_view site_words[] = {
        "united nations",
        "nations unies",
        "naciones unidas",
        "meetings coverage",
        "press release",
        "un news",
        "onu",
        "un web tv",
        "\xD8\xA7\xD9\x84\xD8\xA3\xD9\x85\xD9\x85 "
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xA9"};
    for (;;) {
        std::size_t cut = std::string::npos;
        for (std::string_view sep : {" | ", " - ", " – ", " — "}) {
            std::size_t at = title.rfind(sep);
            if (at != std::string::npos && at > 0 && (cut == std::string::npos || at > cut))
                cut = at;
        }
        if (cut == std::string::npos)
            return title;
        std::string tail = lower(title.substr(cut));
        bool site = false;
        for (auto w : site_words)
            site = site || tail.find(w) != std::string::npos;
        if (!site)
            return title;
        title.erase(cut);
    }
}

} // namespace mahdar
