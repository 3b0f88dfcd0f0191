// mahdar-crosslang-eval: the cross-language half of bench/eval_crosslang.py (issue 19). Runs
// known-item queries on a real mahdar index with each query word expanded to its lexicon
// translations, the way the query parser is to do it, and prints Recall@10, MRR and latency per
// direction and query shape as JSON lines. It reads the index directly (Xapian) because the
// search request does not expand queries yet.
//
//   mahdar-crosslang-eval --db DIR --lexicon FILE --queries FILE
//
// Queries: one per line, "from<TAB>to<TAB>target_id[,target_id…]<TAB>query".
#include "common/lang.h"
#include "format/schema.h"
#include "text/analyzer.h"
#include "text/lexicon.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace mahdar;

struct Query {
    Lang from, to;
    std::vector<std::string> targets;
    std::string text;
};

/// How a word and its translations are combined: which translations, in which operator, and
/// how the words of a query are joined.
struct Shape {
    std::string name;
    double min_weight;      ///< translations lighter than this are left out (2: none at all)
    bool weighted;          ///< OR of scaled subqueries instead of one OP_SYNONYM
    Xapian::Query::op join; ///< between the words
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, sep);)
        out.push_back(part);
    return out;
}

Xapian::Query target_query(const std::string& term) {
    auto stems = split(term, ' ');
    if (stems.size() == 1)
        return Xapian::Query(std::string(schema::stem) + term);
    std::vector<Xapian::Query> parts;
    for (const auto& s : stems)
        parts.emplace_back(std::string(schema::stem) + s);
    return Xapian::Query(Xapian::Query::OP_NEAR, parts.begin(), parts.end(),
                         static_cast<Xapian::termcount>(stems.size() + 2));
}

// One word: its own forms (as the query parser asks for them) and its translations into `to`.
Xapian::Query word_query(const WordToken& t, const Lexicon& lexicon, Lang from, Lang to,
                         const Shape& shape) {
    std::vector<Xapian::Query> forms = {Xapian::Query(t.word)};
    std::vector<std::string> keys = {t.stem};
    keys.insert(keys.end(), t.variants.begin(), t.variants.end());
    for (const auto& k : keys)
        forms.emplace_back(std::string(schema::stem) + k);
    std::map<std::string, double> translations;
    for (const auto& k : keys)
        for (const auto& tr : lexicon.translations(k, from, to))
            if (tr.weight >= shape.min_weight)
                translations[tr.term] = std::max(translations[tr.term], tr.weight);
    if (!shape.weighted) {
        for (const auto& [term, w] : translations)
            forms.push_back(target_query(term));
        return Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
    }
    std::vector<Xapian::Query> alternatives = {
        Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end())};
    for (const auto& [term, w] : translations)
        alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, target_query(term), w);
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query build(Analyzer& analyzer, const Lexicon& lexicon, const Query& q,
                    const Shape& shape) {
    std::vector<Xapian::Query> words;
    for (const auto& t : analyzer.analyse(q.text, q.from))
        if (!t.function_word && !t.stem.empty())
            words.push_back(word_query(t, lexicon, q.from, q.to, shape));
    Xapian::Query all(shape.join, words.begin(), words.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, all,
                         Xapian::Query(schema::term(schema::lang, lang_code(q.to))));
}

std::string passage_id(const Xapian::Document& doc) {
    auto it = doc.termlist_begin();
    it.skip_to(std::string(schema::id));
    return it != doc.termlist_end() && (*it)[0] == 'Q' ? (*it).substr(1) : "";
}

// Resident memory of this process in MB (/proc/self/statm), 0 if unreadable.
double rss_mb() {
    std::ifstream statm("/proc/self/statm");
    double pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * 4096.0 / (1024 * 1024);
}

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

int run(const std::map<std::string, std::string>& opt) {
    Xapian::Database db(opt.at("--db"));
    std::ifstream lex_in(opt.at("--lexicon"));
    std::stringstream lex_text;
    lex_text << lex_in.rdbuf();
    // What mahdar-searchd pays at start-up for langs=all: parsing the lexicon, and its memory.
    double rss_before = rss_mb();
    auto parse_start = std::chrono::steady_clock::now();
    const Lexicon lexicon(lex_text.str());
    std::cout << "{\"lexicon_rows\":" << lexicon.size() << ",\"lexicon_parse_ms\":"
              << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - parse_start).count()
              << ",\"lexicon_rss_mb\":" << rss_mb() - rss_before << "}\n";
    const WordLists lists = WordLists::embedded();
    Analyzer analyzer(lists);
    std::vector<Query> queries;
    std::ifstream in(opt.at("--queries"));
    for (std::string line; std::getline(in, line);) {
        auto c = split(line, '\t');
        if (c.size() != 4)
            continue;
        queries.push_back({*parse_lang(c[0]), *parse_lang(c[1]), split(c[2], ','), c[3]});
    }
    const std::vector<Shape> shapes = {
        {"no expansion (OR)", 2, false, Xapian::Query::OP_OR},
        {"synonym, OR", 0, false, Xapian::Query::OP_OR},
        {"synonym w>=0.2, OR", 0.2, false, Xapian::Query::OP_OR},
        {"weighted OR, OR", 0, true, Xapian::Query::OP_OR},
        {"synonym, AND", 0, false, Xapian::Query::OP_AND},
    };
    Xapian::Enquire enquire(db);
    for (const auto& shape : shapes) {
        std::map<std::string, std::vector<double>> ranks, times;
        for (const auto& q : queries) {
            auto start = std::chrono::steady_clock::now();
            enquire.set_query(build(analyzer, lexicon, q, shape));
            Xapian::MSet mset = enquire.get_mset(0, 10);
            std::string dir = std::string(lang_code(q.from)) + "→" + std::string(lang_code(q.to));
            times[dir].push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
            double rr = 0;
            int rank = 1;
            for (auto it = mset.begin(); it != mset.end() && rr == 0; ++it, ++rank)
                if (std::count(q.targets.begin(), q.targets.end(), passage_id(it.get_document())))
                    rr = 1.0 / rank;
            ranks[dir].push_back(rr);
        }
        for (const auto& [dir, rr] : ranks) {
            double found = static_cast<double>(
                std::count_if(rr.begin(), rr.end(), [](double x) { return x > 0; }));
            double sum = 0;
            for (double x : rr)
                sum += x;
            std::cout << "{\"direction\":\"" << dir << "\",\"shape\":\"" << shape.name
                      << "\",\"n\":" << rr.size()
                      << ",\"recall\":" << found / static_cast<double>(rr.size())
                      << ",\"mrr\":" << sum / static_cast<double>(rr.size())
                      << ",\"p50_ms\":" << percentile(times[dir], 0.5)
                      << ",\"p99_ms\":" << percentile(times[dir], 0.99) << "}\n";
        }
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> opt;
    for (int i = 1; i + 1 < argc; i += 2)
        opt[argv[i]] = argv[i + 1];
    if (!opt.count("--db") || !opt.count("--lexicon") || !opt.count("--queries")) {
        std::cerr << "usage: mahdar-crosslang-eval --db DIR --lexicon FILE --queries FILE\n";
        return 2;
    }
    try {
        return run(opt);
    } catch (const Xapian::Error& e) {
        std::cerr << "mahdar-crosslang-eval: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "mahdar-crosslang-eval: " << e.what() << '\n';
    }
    return 1;
}
