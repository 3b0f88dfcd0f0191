// term_families: each term family's (prefix's) share of a mahdar index — distinct terms, postings
// (term, passage pairs), wdf and positions — so that a family's cost can be set against what it
// serves (bench/README.md, "Term families").
//
//   g++ -O2 -std=c++17 bench/term_families.cpp -o term_families $(xapian-config --cxxflags --libs)
//   term_families DB
//
// Families are the prefixes of core/format/schema.h: unprefixed words, Z stems, XB word pairs,
// Q, L, D, M, Y, XP, XF, XS, XC, XO, XU. Positions are counted by walking every position list,
// which takes a few seconds at 20k passages.
#include <xapian.h>

#include <cstdio>
#include <map>
#include <string>

namespace {

struct Family {
    unsigned long long terms = 0, postings = 0, wdf = 0, positions = 0, term_bytes = 0;
};

// The family of a term: its prefix (a capital letter, or "X" and one more capital), or "" for
// an unprefixed word.
std::string family_of(const std::string& term) {
    if (term.empty() || term[0] < 'A' || term[0] > 'Z') return "";
    if (term[0] == 'X' && term.size() > 1 && term[1] >= 'A' && term[1] <= 'Z') return term.substr(0, 2);
    return term.substr(0, 1);
}

const char* served(const std::string& f) {
    static const std::map<std::string, const char*> what = {
        {"", "words, phrases (positions)"}, {"Z", "stem matching, phrases across inflection"},
        {"XB", "phrases with stopwords (pair lists)"}, {"Q", "passage id"}, {"L", "lang filter"},
        {"D", "date filter"}, {"M", "month filter"}, {"Y", "year filter"}, {"XP", "document id"},
        {"XF", "source file"}, {"XS", "speaker filter"}, {"XC", "country filter"},
        {"XO", "objective filter"}, {"XU", "symbol filter"}};
    auto it = what.find(f);
    return it == what.end() ? "?" : it->second;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: term_families DB\n");
        return 2;
    }
    try {
        Xapian::Database db(argv[1]);
        std::map<std::string, Family> families;
        Family all;
        for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
            const std::string term = *t;
            Family& f = families[family_of(term)];
            ++f.terms;
            f.term_bytes += term.size();
            f.postings += t.get_termfreq();
            f.wdf += db.get_collection_freq(term);
            for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
                for (auto pos = p.positionlist_begin(); pos != p.positionlist_end(); ++pos) ++f.positions;
        }
        for (const auto& [name, f] : families) {
            all.terms += f.terms, all.postings += f.postings, all.wdf += f.wdf, all.positions += f.positions;
        }
        std::printf("%u passages, %llu distinct terms, %llu postings, %llu positions\n\n",
                    db.get_doccount(), all.terms, all.postings, all.positions);
        std::printf("| family | serves | terms | postings | share | positions | share |\n");
        std::printf("|---|---|---:|---:|---:|---:|---:|\n");
        for (const auto& [name, f] : families)
            std::printf("| %s | %s | %llu | %llu | %.1f%% | %llu | %.1f%% |\n", name.empty() ? "(words)" : name.c_str(),
                        served(name), f.terms, f.postings, 100.0 * f.postings / all.postings, f.positions,
                        all.positions ? 100.0 * f.positions / all.positions : 0.0);
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "term_families: %s\n", e.get_description().c_str());
        return 1;
    }
    return 0;
}
