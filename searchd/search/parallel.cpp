#include "search/parallel.h"

#include <map>

namespace mahdar {
namespace {

// Index of each passage by its ordinal.
std::map<std::uint32_t, std::size_t> positions(const std::vector<Passage>& ps) {
    std::map<std::uint32_t, std::size_t> out;
    for (std::size_t k = 0; k < ps.size(); ++k) out[ps[k].ordinal] = k;
    return out;
}

} // namespace

Result<ParallelView> get_parallel(Context& c, const std::string& doc_id, Lang lang) {
    auto record = read_document_record(c.db, doc_id);
    if (!record) return not_found("no document with id \"" + doc_id + "\"");
    std::string other;
    for (const auto& v : read_versions(c.db, doc_id))
        if (v.lang == lang) other = v.doc_id;
    auto other_record = other.empty() ? std::nullopt : read_document_record(c.db, other);
    if (!other_record)
        return not_found("document \"" + doc_id + "\" has no version in \"" + std::string(lang_code(lang)) + "\"");
    ParallelView v{*record, *other_record, {}};
    auto pa = document_passages(c.db, doc_id), pb = document_passages(c.db, other);
    auto at_a = positions(pa), at_b = positions(pb);
    std::size_t i = 0, j = 0; // next passage of each side not yet shown
    auto flush_until = [&](std::size_t ia, std::size_t jb) {
        for (; i < ia; ++i) v.rows.push_back({{pa[i]}, {}, 0});
        for (; j < jb; ++j) v.rows.push_back({{}, {pb[j]}, 0});
    };
    for (const auto& bead : read_alignment(c.db, doc_id, other)) {
        if (!at_a.count(bead.a.front()) || !at_b.count(bead.b.front())) continue;
        std::size_t ia = at_a[bead.a.front()], jb = at_b[bead.b.front()];
        if (ia < i || jb < j) continue; // a bead out of order (the index changed meanwhile)
        flush_until(ia, jb);
        ParallelRow row{{}, {}, bead.score};
        for (auto o : bead.a)
            if (at_a.count(o)) row.a.push_back(pa[at_a[o]]), i = std::max(i, at_a[o] + 1);
        for (auto o : bead.b)
            if (at_b.count(o)) row.b.push_back(pb[at_b[o]]), j = std::max(j, at_b[o] + 1);
        v.rows.push_back(std::move(row));
    }
    flush_until(pa.size(), pb.size());
    return v;
}

} // namespace mahdar
