#include "text/alignment.h"

#include "text/un_symbol.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace mahdar {
namespace {

// Decodes the code point at s[i], advancing i; malformed bytes read as U+FFFD.
char32_t next_cp(std::string_view s, std::size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || i + n >= s.size() + (n == 0 ? 1 : 0)) {
        ++i;
        return n == 0 ? c : 0xFFFD;
    }
    char32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (int k = 1; k <= n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n + 1;
    return cp;
}

int digit_value(char32_t c) {
    if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
    if (c >= 0x660 && c <= 0x669) return static_cast<int>(c - 0x660); // Arabic-Indic
    if (c >= 0x6F0 && c <= 0x6F9) return static_cast<int>(c - 0x6F0); // Extended Arabic-Indic
    return -1;
}

bool latin_letter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool latin_capital(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    else { out += static_cast<char>(0xE0 | (c >> 12)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); out += static_cast<char>(0x80 | (c & 0x3F)); }
}

char32_t lower(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    return c;
}

void add_symbols(std::string_view text, std::set<std::string>& out) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = text.find_first_of(" \t\n", i);
        if (j == std::string_view::npos) j = text.size();
        std::string_view word = text.substr(i, j - i);
        if (word.find('/') != std::string_view::npos) {
            while (!word.empty() && std::string_view(".,;:)(]\"'").find(word.back()) != std::string_view::npos) word.remove_suffix(1);
            while (!word.empty() && std::string_view("(\"'[").find(word.front()) != std::string_view::npos) word.remove_prefix(1);
            if (auto s = canonical_symbol(word)) out.insert("#" + *s);
        }
        i = j + 1;
    }
}

std::size_t length_of(std::string_view s) { // code points: Arabic letters are two bytes
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// The text without a leading paragraph number ("12. ", "12) "): the number is the pair's key,
// not an anchor of its content.
std::string_view body_of(const AlignItem& item) {
    std::string_view t = item.text;
    if (!item.para.empty() && t.substr(0, item.para.size()) == item.para) {
        std::size_t k = item.para.size();
        while (k < t.size() && std::string_view(".) \t").find(t[k]) != std::string_view::npos) ++k;
        t.remove_prefix(k);
    }
    return t;
}

struct Side {
    std::vector<std::string> para;
    std::vector<std::size_t> length;
    std::vector<std::set<std::string>> anchors;
};

Side side_of(const std::vector<AlignItem>& items) {
    Side s;
    for (const auto& it : items) {
        std::string_view body = body_of(it);
        s.para.push_back(it.para);
        s.length.push_back(length_of(body));
        s.anchors.push_back(anchors_of(body));
    }
    return s;
}

std::set<std::string> merged(const Side& s, std::uint32_t from, std::uint32_t count) {
    std::set<std::string> out;
    for (std::uint32_t k = 0; k < count; ++k) out.insert(s.anchors[from + k].begin(), s.anchors[from + k].end());
    return out;
}

bool latin_word(const std::string& anchor) {
    return !anchor.empty() && anchor[0] != '#' && (anchor[0] < '0' || anchor[0] > '9');
}

// The cost of paragraph anchors `own` missing from `other` (0 when all are there): only kinds
// the other side can have count (an Arabic text has numbers and symbols, rarely Latin words).
double missing_cost(const std::set<std::string>& own, const std::set<std::string>& other) {
    bool other_has_words = std::any_of(other.begin(), other.end(), latin_word);
    std::size_t counted = 0, found = 0;
    for (const auto& x : own) {
        if (latin_word(x) && !other_has_words) continue;
        ++counted;
        found += other.count(x);
    }
    if (counted == 0 || other.empty()) return 0;
    return -2.0 * std::log(0.1 + 0.9 * double(found) / double(counted));
}

constexpr double variance = 6.8; // Gale & Church's s², characters

double length_probability(double la, double lb, double ratio) {
    double mean = (la + lb / ratio) / 2;
    double delta = (lb - la * ratio) / std::sqrt(std::max(mean, 1.0) * variance);
    return std::erfc(std::abs(delta) / std::sqrt(2.0)); // 2 (1 − Φ(|δ|))
}

// How much the anchors of two runs of paragraphs say they are one text, in [0, 1]; `p_len`
// stands in when neither run has any.
double anchor_term(const std::set<std::string>& a, const std::set<std::string>& b, double p_len) {
    if (a.empty() && b.empty()) return p_len;
    if (a.empty() || b.empty()) return 0.2;
    return anchor_agreement(a, b);
}

struct Move {
    int da, db;
    double prior;
};
constexpr Move moves[] = {{1, 1, 0.89}, {1, 0, 0.005}, {0, 1, 0.005}, {2, 1, 0.0445}, {1, 2, 0.0445}};

struct Scored {
    double cost, score;
};

Scored bead_cost(const Side& A, const Side& B, std::uint32_t i, std::uint32_t j, const Move& m, double ratio) {
    if (m.da == 0 || m.db == 0) return {-std::log(m.prior), 0};
    double la = 0, lb = 0;
    for (int k = 0; k < m.da; ++k) la += static_cast<double>(A.length[i + k]);
    for (int k = 0; k < m.db; ++k) lb += static_cast<double>(B.length[j + k]);
    double p = length_probability(la, lb, ratio);
    auto aa = merged(A, i, m.da), ab = merged(B, j, m.db);
    double anchor_cost = 0;
    if (!aa.empty() && !ab.empty()) anchor_cost = -2.0 * std::log(0.1 + 0.9 * anchor_agreement(aa, ab));
    else if (!aa.empty() || !ab.empty()) anchor_cost = 1.0;
    // Two paragraphs joined: each must have its own share of the other side's anchors, or a
    // paragraph the other version lacks would hide in the join.
    const Side& two = m.da == 2 ? A : B;
    const auto& other = m.da == 2 ? ab : aa;
    for (int k = 0; k < 2 && m.da + m.db == 3; ++k) anchor_cost += missing_cost(two.anchors[(m.da == 2 ? i : j) + k], other);
    double cost = -std::log(m.prior) - std::log(std::max(p, 1e-12)) + anchor_cost;
    double score = 0.5 * p + 0.5 * anchor_term(aa, ab, p);
    // Paragraph numbers are the surest sign: the same number starting both sides all but
    // settles it, two different numbers all but exclude it.
    if (!A.para[i].empty() && !B.para[j].empty()) {
        bool same = A.para[i] == B.para[j];
        cost += same ? -4.0 : 6.0;
        if (same) score = 0.6 + 0.4 * score;
    }
    return {cost, score};
}

// Gale–Church over a[ia, ia+n) × b[jb, jb+m), appending its beads to `out`.
void align_stretch(const Side& A, const Side& B, std::uint32_t ia, std::uint32_t n, std::uint32_t jb,
                   std::uint32_t m, double ratio, std::vector<Bead>& out) {
    if (n == 0 || m == 0) return;
    const double inf = std::numeric_limits<double>::infinity();
    // Far from the diagonal a path cannot be right: a band keeps long documents affordable.
    const double band = std::max(60.0, 2.0 * std::abs(double(n) - double(m)) + 30.0);
    std::vector<double> cost((n + 1) * (m + 1), inf);
    std::vector<signed char> back((n + 1) * (m + 1), -1);
    auto at = [m](std::uint32_t i, std::uint32_t j) { return std::size_t(i) * (m + 1) + j; };
    cost[0] = 0;
    for (std::uint32_t i = 0; i <= n; ++i)
        for (std::uint32_t j = 0; j <= m; ++j) {
            if ((i || j) && std::abs(double(i) * m / n - double(j)) > band) continue;
            for (int k = 0; k < 5 && (i || j); ++k) {
                const Move& mv = moves[k];
                if (int(i) < mv.da || int(j) < mv.db || cost[at(i - mv.da, j - mv.db)] == inf) continue;
                double c = cost[at(i - mv.da, j - mv.db)] + bead_cost(A, B, ia + i - mv.da, jb + j - mv.db, mv, ratio).cost;
                if (c < cost[at(i, j)]) { cost[at(i, j)] = c; back[at(i, j)] = static_cast<signed char>(k); }
            }
        }
    std::vector<Bead> stretch;
    for (std::uint32_t i = n, j = m; i || j;) {
        if (back[at(i, j)] < 0) break; // unreachable: cannot happen inside the band, but never read moves[-1]
        const Move& mv = moves[back[at(i, j)]];
        i -= mv.da;
        j -= mv.db;
        if (mv.da && mv.db) {
            Bead bead;
            for (int k = 0; k < mv.da; ++k) bead.a.push_back(ia + i + k);
            for (int k = 0; k < mv.db; ++k) bead.b.push_back(jb + j + k);
            bead.score = bead_cost(A, B, ia + i, jb + j, mv, ratio).score;
            if (!A.para[ia + i].empty() && A.para[ia + i] == B.para[jb + j]) bead.how = Bead::numbered;
            stretch.push_back(std::move(bead));
        }
    }
    out.insert(out.end(), stretch.rbegin(), stretch.rend());
}

} // namespace

std::set<std::string> anchors_of(std::string_view text) {
    std::set<std::string> out;
    std::string number, word;
    bool capital = false;
    bool sentence_start = true; // a capital there says nothing: "The", "La"
    bool word_at_start = false;
    std::size_t letters = 0, last_letters = 0;
    auto flush = [&] {
        if (!number.empty()) {
            std::size_t z = number.find_first_not_of('0');
            out.insert(z == std::string::npos ? "0" : number.substr(z));
            number.clear();
            sentence_start = false;
        }
        if (!word.empty()) {
            if (capital && letters >= 3 && !word_at_start) out.insert(word);
            last_letters = letters;
            sentence_start = false;
        }
        word.clear();
        letters = 0;
        capital = false;
    };
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = next_cp(text, i);
        if (int d = digit_value(c); d >= 0) {
            if (!word.empty()) flush();
            number += static_cast<char>('0' + d);
        } else if (latin_letter(c)) {
            if (!number.empty()) flush();
            if (word.empty()) {
                capital = latin_capital(c);
                word_at_start = sentence_start;
            }
            append_utf8(word, lower(c));
            ++letters;
        } else {
            bool had_word = !word.empty();
            flush();
            // a full stop ends a sentence, but not after "Mr", "Ms", "Mme", "M"
            if (c == U'!' || c == U'?' || c == U':' || (c == U'.' && !(had_word && last_letters <= 3))) sentence_start = true;
        }
    }
    flush();
    add_symbols(text, out);
    return out;
}

double anchor_agreement(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    std::size_t shared = 0;
    for (const auto& x : a) shared += b.count(x);
    return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

std::vector<Bead> align_paragraphs(const std::vector<AlignItem>& a, const std::vector<AlignItem>& b) {
    Side A = side_of(a), B = side_of(b);
    double total_a = 0, total_b = 0;
    for (auto l : A.length) total_a += static_cast<double>(l);
    for (auto l : B.length) total_b += static_cast<double>(l);
    double ratio = total_a > 0 && total_b > 0 ? total_b / total_a : 1.0;
    std::vector<Bead> out;
    align_stretch(A, B, 0, static_cast<std::uint32_t>(a.size()), 0, static_cast<std::uint32_t>(b.size()), ratio, out);
    return out;
}

} // namespace mahdar
