#include "search/rank.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>

namespace mahdar {

namespace {

using Q = Xapian::Query;

// A term, or a synonym of terms, weighted as one term.
struct Unit {
    std::vector<std::string> terms;
    double termweight = 0;
};

// BM25Weight::init() with its default parameters, wqf 1 and no relevance set.
double termweight(double tf, double n) {
    double tw = (n - tf + 0.5) / (tf + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    return std::log(tw) * 2; // × (k1 + 1)
}

// Xapian 1.4's estimate of a synonym's term frequency: OrContext joins the two least frequent
// postlists first, and each OrPostList estimates l + r - l·r/N, rounded.
double synonym_frequency(std::vector<Xapian::doccount> tfs, double n) {
    std::priority_queue<Xapian::doccount, std::vector<Xapian::doccount>, std::greater<>> heap(tfs.begin(), tfs.end());
    while (heap.size() > 1) {
        double r = heap.top();
        heap.pop();
        double l = heap.top();
        heap.pop();
        heap.push(n == 0 ? 0 : static_cast<Xapian::doccount>(l + r - (l * r / n) + 0.5));
    }
    return heap.empty() ? 0 : heap.top();
}

// The weighted parts of `q` (the left side only of FILTER and AND_NOT); false for operators
// whose weights this does not reproduce.
bool collect(const Xapian::Database& db, const Q& q, double n, std::vector<Unit>& out) {
    switch (q.get_type()) {
    case Q::LEAF_TERM: {
        const std::string& t = *q.get_terms_begin();
        out.push_back({{t}, termweight(db.get_termfreq(t), n)});
        return true;
    }
    case Q::LEAF_MATCH_NOTHING: return true;
    case Q::OP_SYNONYM: {
        Unit u;
        std::vector<Xapian::doccount> tfs;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            const Q& sub = q.get_subquery(i);
            if (sub.get_type() != Q::LEAF_TERM) return false;
            u.terms.push_back(*sub.get_terms_begin());
            tfs.push_back(db.get_termfreq(u.terms.back()));
        }
        u.termweight = termweight(synonym_frequency(tfs, n), n);
        out.push_back(std::move(u));
        return true;
    }
    case Q::OP_AND:
    case Q::OP_OR:
    case Q::OP_AND_MAYBE:
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
            if (!collect(db, q.get_subquery(i), n, out)) return false;
        return true;
    case Q::OP_FILTER:
    case Q::OP_AND_NOT: return collect(db, q.get_subquery(0), n, out);
    default: return false;
    }
}

// Adds `term`'s wdf in each document ids[i] to wdf[i] (ids ascending): from the list as
// match_bits() walked it, else by skipping through it (match_bits only skipped through lists
// much longer than the match).
void add_wdfs(const Xapian::Database& db, const std::string& term, const std::vector<Xapian::docid>& ids,
              const WalkedLists& walked, std::vector<Xapian::termcount>& wdf) {
    std::size_t i = 0;
    if (auto kept = walked.find(term); kept != walked.end()) {
        const Walked& list = kept->second;
        for (std::size_t k = 0; k < list.ids.size() && i < ids.size(); ++k) {
            while (i < ids.size() && ids[i] < list.ids[k]) ++i;
            if (i < ids.size() && ids[i] == list.ids[k]) wdf[i] += list.wdf[k];
        }
        return;
    }
    auto it = db.postlist_begin(term), end = db.postlist_end(term);
    for (; i < ids.size() && it != end; ++i) {
        it.skip_to(ids[i]);
        if (it != end && *it == ids[i]) wdf[i] += it.get_wdf();
    }
}

// The best `want` of (ids[i], weights[i]) in rank order.
std::vector<RankedHit> best(const std::vector<Xapian::docid>& ids, const std::vector<double>& weights, std::size_t want) {
    auto better = [](const RankedHit& a, const RankedHit& b) {
        return a.weight > b.weight || (a.weight == b.weight && a.id < b.id);
    };
    std::vector<RankedHit> heap; // heap.front(): the worst of those kept
    heap.reserve(want + 1);
    for (std::size_t i = 0; i < ids.size() && want > 0; ++i) {
        RankedHit h{ids[i], weights[i]};
        if (heap.size() == want && !better(h, heap.front())) continue;
        heap.push_back(h);
        std::push_heap(heap.begin(), heap.end(), better);
        if (heap.size() > want) {
            std::pop_heap(heap.begin(), heap.end(), better);
            heap.pop_back();
        }
    }
    std::sort(heap.begin(), heap.end(), better);
    return heap;
}

} // namespace

std::optional<std::vector<RankedHit>> rank_match(const Xapian::Database& db, const Xapian::Query& q,
                                                 const DocBits& match, const DocLengths& stats,
                                                 std::size_t first, std::size_t size, const WalkedLists& walked) {
    std::vector<Unit> units;
    if (!collect(db, q, stats.count, units)) return std::nullopt;
    std::vector<Xapian::docid> ids;
    match.for_each([&ids](Xapian::docid id) { ids.push_back(id); });
    if (first >= ids.size()) return std::vector<RankedHit>{}; // a page past the end
    std::vector<double> weights(ids.size(), 0.0);
    std::vector<Xapian::termcount> wdf(ids.size());
    // BM25Weight::get_sumpart() with k1 1, b 0.5, min_normlen 0.5.
    double len_factor = stats.average != 0 ? 1 / stats.average : 0;
    for (const Unit& u : units) {
        std::fill(wdf.begin(), wdf.end(), 0);
        for (const auto& t : u.terms) add_wdfs(db, t, ids, walked, wdf);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (wdf[i] == 0) continue;
            Xapian::termcount len = ids[i] < stats.lengths.size() ? stats.lengths[ids[i]] : 0;
            double w = std::min(wdf[i], len); // a synonym's wdf, capped as Xapian caps it
            double normlen = std::max(len * len_factor, 0.5);
            weights[i] += u.termweight * (w / (normlen * 0.5 + 0.5 + w));
        }
    }
    std::vector<RankedHit> ranked = best(ids, weights, std::min(first + size, ids.size()));
    if (first >= ranked.size()) return std::vector<RankedHit>{};
    return std::vector<RankedHit>(ranked.begin() + static_cast<std::ptrdiff_t>(first), ranked.end());
}

} // namespace mahdar
