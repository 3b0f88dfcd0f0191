#include "match_bits.h"

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

DocBits postings(const Xapian::Database& db, const std::string& term, Xapian::docid last) {
    DocBits out(last);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) out.set(*it);
    return out;
}

std::optional<DocBits> eval(const Xapian::Database& db, const Q& q, Xapian::docid last, const DocBits* all) {
    switch (q.get_type()) {
    case Q::LEAF_TERM: return postings(db, *q.get_terms_begin(), last);
    case Q::LEAF_MATCH_ALL: return all ? *all : postings(db, "", last);
    case Q::LEAF_MATCH_NOTHING: return DocBits(last);
    case Q::OP_SCALE_WEIGHT:
    case Q::OP_AND_MAYBE: return eval(db, q.get_subquery(0), last, all); // the rest only weights
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_AND_NOT: {
        auto out = eval(db, q.get_subquery(0), last, all);
        for (std::size_t i = 1; out && i < q.get_num_subqueries(); ++i) {
            auto sub = eval(db, q.get_subquery(i), last, all);
            if (!sub) return std::nullopt;
            if (q.get_type() == Q::OP_AND || q.get_type() == Q::OP_FILTER) *out &= *sub;
            else if (q.get_type() == Q::OP_AND_NOT) out->subtract(*sub);
            else *out |= *sub;
        }
        return out;
    }
    default: return std::nullopt;
    }
}

} // namespace

std::optional<DocBits> match_bits(const Xapian::Database& db, const Xapian::Query& q, const DocBits* all) {
    return eval(db, q, db.get_lastdocid(), all);
}

} // namespace mahdar
