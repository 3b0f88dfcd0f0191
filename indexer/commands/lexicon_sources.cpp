#include "commands/lexicon_sources.h"

#include "common/strings.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace mahdar {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    for (std::size_t b = 0;;) {
        std::size_t e = s.find(sep, b);
        out.emplace_back(
            trim(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b)));
        if (e == std::string_view::npos)
            return out;
        b = e + 1;
    }
}

std::string gunzip_file(const std::string& path) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f)
        throw std::runtime_error("cannot open " + path);
    std::string out;
    char buf[1 << 16];
    int n = 0;
    while ((n = gzread(f, buf, sizeof buf)) > 0)
        out.append(buf, static_cast<std::size_t>(n));
    gzclose(f);
    if (n < 0)
        throw std::runtime_error("cannot decompress " + path);
    return out;
}

// dictd's base64 numbers (A-Z a-z 0-9 + /, most significant digit first).
std::size_t b64_number(std::string_view s) {
    static const std::string digits =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::size_t n = 0;
    for (char c : s)
        n = n * 64 + digits.find(c);
    return n;
}

// A gloss or headword without what is not a word: "/pron/", "<n, masc>", "1. ".
std::string clean_gloss(std::string s) {
    for (auto [open, close] :
         {std::pair{'/', '/'}, std::pair{'<', '>'}, std::pair{'(', ')'}, std::pair{'[', ']'}}) {
        for (std::size_t b; (b = s.find(open)) != std::string::npos;) {
            std::size_t e = s.find(close, b + 1);
            s.erase(b, e == std::string::npos ? std::string::npos : e - b + 1);
        }
    }
    std::string_view v = trim(s);
    std::size_t digits = 0;
    while (digits < v.size() && v[digits] >= '0' && v[digits] <= '9')
        ++digits;
    if (digits > 0 && digits < v.size() && v[digits] == '.')
        v = trim(v.substr(digits + 1));
    return std::string(v);
}

void read_dictionary(const std::string& dir, const char* name, Lang from, Lang to,
                     std::vector<DictPair>& out) {
    std::string base = dir + "/freedict-" + name;
    std::string index = read_whole_file(base + ".index");
    std::string dict = gunzip_file(base + ".dict.dz");
    for (const auto& line : lines_of(index)) {
        auto cells = split(line, '\t');
        if (cells.size() < 3 || starts_with(cells[0], "00database") ||
            starts_with(cells[0], "00-database"))
            continue;
        std::size_t at = b64_number(cells[1]), len = b64_number(cells[2]);
        if (at >= dict.size())
            continue;
        auto entry = lines_of(dict.substr(at, len));
        if (entry.size() < 2)
            continue;
        std::string head = clean_gloss(entry[0]);
        int rank = 0;
        for (std::size_t k = 1; k < entry.size(); ++k) {
            if (entry[k].empty() || entry[k][0] == '"' || starts_with(entry[k], "   "))
                continue; // examples
            for (auto part : split(entry[k], ';'))
                for (auto gloss : split(part, ',')) {
                    gloss = clean_gloss(gloss);
                    if (!gloss.empty() && !head.empty())
                        out.push_back({from, to, head, gloss, rank++});
                }
        }
    }
}

} // namespace

std::string read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<AlignedText> read_unpc(const std::string& dir) {
    std::array<std::vector<std::string>, 3> by_lang;
    for (Lang l : all_langs)
        by_lang[static_cast<std::size_t>(l)] =
            lines_of(read_whole_file(dir + "/UNv1.0.devset." + std::string(lang_code(l))));
    if (by_lang[0].size() != by_lang[1].size() || by_lang[1].size() != by_lang[2].size())
        throw std::runtime_error(dir + ": the ar, en and fr files have different line counts");
    std::vector<AlignedText> out(by_lang[0].size());
    for (std::size_t i = 0; i < out.size(); ++i)
        for (std::size_t l = 0; l < 3; ++l)
            out[i].text[l] = std::move(by_lang[l][i]);
    return out;
}

std::vector<AlignedText> read_aligned_reports(const std::string& dir) {
    std::map<std::string, std::array<fs::path, 3>> files; // by the 3-digit prefix
    for (auto [sub, lang] :
         {std::pair{"seeds", Lang::en}, std::pair{"ar", Lang::ar}, std::pair{"fr", Lang::fr}}) {
        if (!fs::is_directory(dir + "/" + sub))
            throw std::runtime_error(dir + "/" + sub + " is not a folder");
        for (const auto& e : fs::directory_iterator(dir + "/" + sub))
            if (e.path().extension() == ".txt")
                files[e.path().filename().string().substr(0, 3)][static_cast<std::size_t>(lang)] =
                    e.path();
    }
    std::vector<AlignedText> out;
    for (const auto& [prefix, paths] : files) {
        if (paths[1].empty() || (paths[0].empty() && paths[2].empty()))
            continue;
        std::array<std::vector<std::string>, 3> by_lang;
        for (std::size_t l = 0; l < 3; ++l)
            if (!paths[l].empty())
                by_lang[l] = lines_of(read_whole_file(paths[l].string()));
        for (std::size_t l : {0u, 2u})
            if (!paths[l].empty() && by_lang[l].size() != by_lang[1].size())
                throw std::runtime_error(paths[l].string() + " and " + paths[1].string() +
                                         " have different line counts");
        for (std::size_t i = 0; i < by_lang[1].size(); ++i) {
            AlignedText t;
            for (std::size_t l = 0; l < 3; ++l)
                if (!by_lang[l].empty())
                    t.text[l] = by_lang[l][i];
            if (!trim(t.text[1]).empty())
                out.push_back(std::move(t));
        }
    }
    return out;
}

std::vector<DictPair> read_freedict(const std::string& dir) {
    std::vector<DictPair> out;
    read_dictionary(dir, "eng-ara", Lang::en, Lang::ar, out);
    read_dictionary(dir, "ara-eng", Lang::ar, Lang::en, out);
    read_dictionary(dir, "eng-fra", Lang::en, Lang::fr, out);
    read_dictionary(dir, "fra-eng", Lang::fr, Lang::en, out);
    return out;
}

std::vector<GlossaryEntry> parse_glossary(const std::string& tsv) {
    std::vector<GlossaryEntry> out;
    int line_no = 0;
    for (const auto& line : lines_of(tsv)) {
        ++line_no;
        if (line.empty() || line[0] == '#')
            continue;
        auto cells = split(line, '\t');
        if (cells.size() != 3)
            throw std::runtime_error("glossary line " + std::to_string(line_no) +
                                     ": expected en, fr, ar");
        GlossaryEntry g;
        g.names[static_cast<std::size_t>(Lang::en)] = split(cells[0], '|');
        g.names[static_cast<std::size_t>(Lang::fr)] = split(cells[1], '|');
        g.names[static_cast<std::size_t>(Lang::ar)] = split(cells[2], '|');
        out.push_back(std::move(g));
    }
    return out;
}

std::vector<GlossaryEntry> parse_objectives(const std::string& tsv) {
    std::vector<GlossaryEntry> out;
    for (const auto& line : lines_of(tsv)) {
        if (line.empty() || line[0] == '#')
            continue;
        auto c = split(line, '\t'); // n short_en short_fr short_ar en fr ar
        if (c.size() != 7)
            throw std::runtime_error("gcm_objectives.tsv: a row without 7 cells");
        for (std::size_t first : {1u, 4u}) {
            GlossaryEntry g;
            g.names[static_cast<std::size_t>(Lang::en)] = {c[first]};
            g.names[static_cast<std::size_t>(Lang::fr)] = {c[first + 1]};
            g.names[static_cast<std::size_t>(Lang::ar)] = {c[first + 2]};
            out.push_back(std::move(g));
        }
    }
    return out;
}

} // namespace mahdar
