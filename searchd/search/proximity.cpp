#include "search/proximity.h"

#include <algorithm>

namespace mahdar {

namespace {

// Where document `id` holds any of `terms`, ascending, without repeats.
std::vector<Xapian::termpos> positions(const Xapian::Database& db, Xapian::docid id, const std::vector<std::string>& terms) {
    std::vector<Xapian::termpos> out;
    for (const auto& t : terms)
        for (auto it = db.positionlist_begin(id, t), end = db.positionlist_end(id, t); it != end; ++it) out.push_back(*it);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::size_t counted_words(const std::vector<ProximityWord>& words) {
    return static_cast<std::size_t>(std::count_if(words.begin(), words.end(), [](const ProximityWord& w) { return !w.terms.empty(); }));
}

} // namespace

unsigned longest_run(const Xapian::Database& db, Xapian::docid id, const std::vector<ProximityWord>& words) {
    unsigned best = 0;
    std::vector<Xapian::termpos> before; // positions of the previous word
    std::vector<unsigned> before_run;    // the longest run ending at each of them
    const ProximityWord* previous = nullptr;
    for (const ProximityWord& w : words) {
        std::vector<Xapian::termpos> here = w.terms.empty() ? std::vector<Xapian::termpos>{} : positions(db, id, w.terms);
        std::vector<unsigned> run(here.size(), 1);
        if (previous && !previous->terms.empty() && !before.empty()) {
            // The previous word may stand 1 … gap + 1 positions before this one.
            Xapian::termpos reach = w.offset - previous->offset + 1;
            std::size_t k = 0;
            for (std::size_t i = 0; i < here.size(); ++i) {
                while (k < before.size() && before[k] + reach < here[i]) ++k;
                for (std::size_t j = k; j < before.size() && before[j] < here[i]; ++j) run[i] = std::max(run[i], before_run[j] + 1);
            }
        }
        for (unsigned r : run) best = std::max(best, r);
        before = std::move(here);
        before_run = std::move(run);
        previous = &w;
    }
    return best;
}

void rescore_by_proximity(const Xapian::Database& db, const std::vector<ProximityWord>& words,
                          std::vector<RankedHit>& ranked) {
    std::size_t n = counted_words(words);
    if (n < 2) return;
    for (RankedHit& h : ranked) {
        unsigned run = longest_run(db, h.id, words);
        if (run > 1) h.weight *= 1 + static_cast<double>(run - 1) / static_cast<double>(n - 1);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const RankedHit& a, const RankedHit& b) {
        return a.weight > b.weight || (a.weight == b.weight && a.id < b.id);
    });
}

} // namespace mahdar
