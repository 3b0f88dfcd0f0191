#include "facets/match_bits.h"

#include <algorithm>

namespace mahdar {

DocBits& DocBits::operator&=(const DocBits& o) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= i < o.words_.size() ? o.words_[i] : 0;
    return *this;
}

DocBits& DocBits::operator|=(const DocBits& o) {
    for (std::size_t i = 0; i < words_.size() && i < o.words_.size(); ++i) words_[i] |= o.words_[i];
    return *this;
}

DocBits& DocBits::subtract(const DocBits& o) {
    for (std::size_t i = 0; i < words_.size() && i < o.words_.size(); ++i) words_[i] &= ~o.words_[i];
    return *this;
}

std::size_t DocBits::count() const {
    std::size_t n = 0;
    for (std::uint64_t w : words_) n += static_cast<std::size_t>(__builtin_popcountll(w));
    return n;
}

namespace {

using Q = Xapian::Query;

// What one match_bits() call works with.
struct Walk {
    const Xapian::Database& db;
    Xapian::docid last;
    const DocBits* all;
    WalkedLists* walked;
};

DocBits postings(const Walk& w, const std::string& term) {
    DocBits out(w.last);
    Walked* kept = w.walked && !term.empty() ? &(*w.walked)[term] : nullptr; // "": MatchAll, never weighted
    if (kept) {
        *kept = Walked{};
        kept->ids.reserve(w.db.get_termfreq(term));
        kept->wdf.reserve(kept->ids.capacity());
    }
    for (auto it = w.db.postlist_begin(term); it != w.db.postlist_end(term); ++it) {
        out.set(*it);
        if (!kept) continue;
        kept->ids.push_back(*it);
        kept->wdf.push_back(it.get_wdf());
    }
    return out;
}

// Whether eval() can evaluate every part of `q`.
bool evaluable(const Q& q) {
    switch (q.get_type()) {
    case Q::LEAF_TERM:
    case Q::LEAF_MATCH_ALL:
    case Q::LEAF_MATCH_NOTHING: return true;
    case Q::OP_SCALE_WEIGHT:
    case Q::OP_AND_MAYBE:
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_AND_NOT:
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
            if (!evaluable(q.get_subquery(i))) return false;
        return true;
    default: return false;
    }
}

// The terms of `q` when it is a term, or an OR or SYNONYM of terms; else nothing.
std::vector<std::string> terms_of(const Q& q) {
    if (q.get_type() == Q::LEAF_TERM) return {*q.get_terms_begin()};
    if (q.get_type() != Q::OP_OR && q.get_type() != Q::OP_SYNONYM) return {};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        if (q.get_subquery(i).get_type() != Q::LEAF_TERM) return {};
        out.push_back(*q.get_subquery(i).get_terms_begin());
    }
    return out;
}

// At most how many documents `q` matches, cheaply: from term frequencies.
double estimate(const Xapian::Database& db, const Q& q) {
    switch (q.get_type()) {
    case Q::LEAF_TERM: return db.get_termfreq(*q.get_terms_begin());
    case Q::LEAF_MATCH_NOTHING: return 0;
    case Q::OP_AND:
    case Q::OP_FILTER: {
        double least = db.get_doccount();
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) least = std::min(least, estimate(db, q.get_subquery(i)));
        return least;
    }
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX: {
        double sum = 0;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) sum += estimate(db, q.get_subquery(i));
        return sum;
    }
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT: return estimate(db, q.get_subquery(0));
    default: return db.get_doccount();
    }
}

// The conjuncts of nested ANDs and FILTERs ("a b" with a filter → a, b, the filter).
void conjuncts(const Q& q, std::vector<Q>& out) {
    if (q.get_type() != Q::OP_AND && q.get_type() != Q::OP_FILTER) {
        out.push_back(q);
        return;
    }
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) conjuncts(q.get_subquery(i), out);
}

// Keeps the documents of `bits` that hold one of `terms`, skipping through their posting
// lists: for a few documents against long lists, much less than walking the lists.
void keep_holding(const Xapian::Database& db, const std::vector<std::string>& terms, DocBits& bits, Xapian::docid last) {
    DocBits held(last);
    for (const auto& t : terms) {
        auto it = db.postlist_begin(t), end = db.postlist_end(t);
        bits.for_each([&](Xapian::docid id) {
            if (it == end) return;
            it.skip_to(id);
            if (it != end && *it == id) held.set(id);
        });
    }
    bits &= held;
}

std::optional<DocBits> eval(const Walk& w, const Q& q);

// An AND: the rarest conjunct walked first; a long posting list then only skipped through.
std::optional<DocBits> eval_and(const Walk& w, const Q& q) {
    std::vector<Q> parts;
    conjuncts(q, parts);
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t i = 0; i < parts.size(); ++i) order.emplace_back(estimate(w.db, parts[i]), i);
    std::sort(order.begin(), order.end());
    std::optional<DocBits> out;
    for (const auto& [size, i] : order) {
        std::vector<std::string> terms = terms_of(parts[i]);
        if (out && !terms.empty() && static_cast<double>(out->count()) * 16 < size) {
            keep_holding(w.db, terms, *out, w.last);
            continue;
        }
        auto sub = eval(w, parts[i]);
        if (!sub) return std::nullopt;
        if (out) *out &= *sub;
        else out = std::move(sub);
    }
    return out;
}

std::optional<DocBits> eval(const Walk& w, const Q& q) {
    switch (q.get_type()) {
    case Q::LEAF_TERM: return postings(w, *q.get_terms_begin());
    case Q::LEAF_MATCH_ALL: return w.all ? *w.all : postings(w, "");
    case Q::LEAF_MATCH_NOTHING: return DocBits(w.last);
    case Q::OP_SCALE_WEIGHT:
    case Q::OP_AND_MAYBE: return eval(w, q.get_subquery(0)); // the rest only weights
    case Q::OP_AND:
    case Q::OP_FILTER: return eval_and(w, q);
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_AND_NOT: {
        auto out = eval(w, q.get_subquery(0));
        for (std::size_t i = 1; out && i < q.get_num_subqueries(); ++i) {
            auto sub = eval(w, q.get_subquery(i));
            if (!sub) return std::nullopt;
            if (q.get_type() == Q::OP_AND_NOT) out->subtract(*sub);
            else *out |= *sub;
        }
        return out;
    }
    default: return std::nullopt;
    }
}

} // namespace

std::optional<DocBits> match_bits(const Xapian::Database& db, const Xapian::Query& q, const DocBits* all,
                                  WalkedLists* walked) {
    if (!evaluable(q)) return std::nullopt; // before walking anything
    return eval(Walk{db, db.get_lastdocid(), all, walked}, q);
}

} // namespace mahdar
