// match_cost: what counting a whole match costs through Xapian's matcher against walking the
// posting lists (what searchd's match_bits does), on an existing index. Prints the mean of 10
// runs after a warm-up, in ms. The terms are OR-ed as a synonym, as searchd's query parser does
// for a word and its stems.
//
//   g++ -O2 -o match_cost bench/match_cost.cpp -lxapian
//   ./match_cost bench/work/1000000/mahdar international Zintern Zinternational
#include <xapian.h>

#include <chrono>
#include <iostream>
#include <vector>

namespace {

struct Touch : Xapian::MatchSpy { // the least a facet spy does: look at the document id
    std::size_t odd = 0;
    void operator()(const Xapian::Document& d, double) override { odd += d.get_docid() & 1; }
};

template <class F>
void time_it(const char* what, F f) {
    f();
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 10; ++i) f();
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 10;
    std::cout << what << ": " << ms << " ms\n";
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: match_cost DB TERM...\n";
        return 2;
    }
    Xapian::Database db(argv[1]);
    std::vector<Xapian::Query> terms(argv + 2, argv + argc);
    Xapian::Query q(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    Xapian::doccount all = db.get_doccount();
    time_it("BM25, every match visited, with a spy", [&] {
        Xapian::Enquire e(db);
        e.set_query(q);
        Touch t;
        e.add_matchspy(&t);
        e.get_mset(0, 10, all);
    });
    time_it("BoolWeight, every match visited, with a spy", [&] {
        Xapian::Enquire e(db);
        e.set_query(q);
        e.set_weighting_scheme(Xapian::BoolWeight());
        Touch t;
        e.add_matchspy(&t);
        e.get_mset(0, 10, all);
    });
    time_it("BM25, top 10 only", [&] {
        Xapian::Enquire e(db);
        e.set_query(q);
        e.get_mset(0, 10);
    });
    time_it("posting lists walked", [&] {
        std::size_t odd = 0;
        for (int i = 2; i < argc; ++i)
            for (auto it = db.postlist_begin(argv[i]); it != db.postlist_end(argv[i]); ++it) odd += *it & 1;
        return odd;
    });
}
