#include "text/un_symbol.h"

#include "reference/embedded_data.h"

#include <set>
#include <vector>

namespace mahdar {
namespace {

// The series of reference/data/un_symbol_series.tsv, read once (an immutable table).
const std::set<std::string>& series() {
    static const std::set<std::string> table = [] {
        std::set<std::string> out;
        std::string_view data = embedded_file("un_symbol_series.tsv");
        size_t start = 0;
        while (start < data.size()) {
            size_t nl = data.find('\n', start);
            std::string_view line = data.substr(start, nl == std::string_view::npos ? data.size() - start : nl - start);
            start = nl == std::string_view::npos ? data.size() : nl + 1;
            if (line.empty() || line[0] == '#') continue;
            out.emplace(line.substr(0, line.find('\t')));
        }
        return out;
    }();
    return table;
}

bool symbol_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '(' || c == ')';
}

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

} // namespace

std::optional<std::string> canonical_symbol(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += upper(c);
    if (out.size() < 3 || out.size() > 80 || out.front() == '/' || out.back() == '/') return std::nullopt;
    bool digit = false;
    size_t elements = 1;
    for (size_t i = 0; i < out.size(); ++i) {
        char c = out[i];
        if (c == '/') {
            if (out[i - 1] == '/') return std::nullopt;
            ++elements;
        } else if (!symbol_char(c)) {
            return std::nullopt;
        }
        digit = digit || (c >= '0' && c <= '9');
    }
    if (elements < 2 || !digit || !series().count(out.substr(0, out.find('/')))) return std::nullopt;
    return out;
}

std::optional<std::string> find_symbol(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
        size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') ++end;
        std::string_view run = text.substr(i, end - i);
        i = end;
        if (run.find('/') == std::string_view::npos) continue;
        while (!run.empty() && std::string_view("([\"'«“").find(run.front()) != std::string_view::npos) run.remove_prefix(1);
        while (!run.empty() && std::string_view(".,;:)]\"'»”").find(run.back()) != std::string_view::npos) {
            // A closing bracket belongs to the symbol when it opened inside it ("E/CN.6/2021/L.3(A)").
            if (run.back() == ')' && run.find('(') != std::string_view::npos) break;
            run.remove_suffix(1);
        }
        if (auto s = canonical_symbol(run)) return s;
    }
    return std::nullopt;
}

std::optional<std::string> symbol_from_file_name(std::string_view stem) {
    std::string s(stem);
    for (std::string_view suffix : {"-EN", "-FR", "-AR", "-ES", "-RU", "-ZH", "_EN", "_FR", "_AR", ".EN", ".FR", ".AR"})
        if (s.size() > suffix.size()) {
            std::string tail = s.substr(s.size() - suffix.size());
            for (char& c : tail) c = upper(c);
            if (tail == suffix) {
                s.erase(s.size() - suffix.size());
                break;
            }
        }
    for (char& c : s)
        if (c == '_') c = '/';
    return canonical_symbol(s);
}

} // namespace mahdar
