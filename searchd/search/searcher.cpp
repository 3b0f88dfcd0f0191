#include "search/searcher.h"

#include "facets/match_bits.h"
#include "format/date_terms.h"
#include "format/document_builder.h"
#include "format/record.h"
#include "format/schema.h"
#include "search/filters.h"
#include "search/proximity.h"
#include "search/rank.h"
#include "search/snippets.h"
#include "search/suggest.h"
#include "search/version_groups.h"
#include "text/normalise.h"

#include <algorithm>

namespace mahdar {
namespace s = schema;
using Clock = std::chrono::steady_clock;

namespace {

// Whether `db` sorts by a KeyMaker: Xapian's remote backend does not (UnimplementedError).
bool sorts_by_key(const Xapian::Database& db) {
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query(s::term(s::id, "\x01"))); // no such passage: nothing is read locally
    Xapian::MultiValueKeyMaker keys;
    keys.add_value(s::slot_date);
    e.set_sort_by_key(&keys, false);
    try {
        e.get_mset(0, 1);
        return true;
    } catch (const Xapian::UnimplementedError&) {
        return false;
    }
}

} // namespace

WordPairs word_pairs_of(const Xapian::Database& db, const WordLists& lists) {
    try {
        db.get_revision(); // throws for a stub of several shards, whose metadata is its first's
        return has_word_pairs(read_stamp(db), lists) ? WordPairs::indexed : WordPairs::absent;
    } catch (const Xapian::Error&) {
        return WordPairs::absent;
    }
}

std::string uuid_of(const Xapian::Database& db) {
    try {
        return db.get_uuid();
    } catch (const Xapian::Error&) {
        return {};
    }
}

Context::Context(const std::string& path, CountryResolver countries, const WordLists& lists)
    : db(path), analyzer(lists), parser(analyzer, std::move(countries), word_pairs_of(db, lists)), checked(Clock::now()),
      key_sort(sorts_by_key(db)), uuid(uuid_of(db)) {}

ContextPool::ContextPool(std::string db_path, CountryResolver countries, const WordLists& lists)
    : path_(std::move(db_path)), countries_(std::move(countries)), lists_(lists), columns_(path_) {
    auto first = std::make_unique<Context>(path_, countries_, lists_); // fail at start-up if unreadable
    first->columns = columns_.get(first->db);
    give_back(std::move(first));
}

ContextPool::Lease ContextPool::acquire() {
    std::unique_ptr<Context> c;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!idle_.empty()) {
            c = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (!c) c = std::make_unique<Context>(path_, countries_, lists_);
    if (Clock::now() - c->checked > std::chrono::milliseconds(500)) {
        if (c->db.reopen()) ++reopens_.new_revision;
        c->checked = Clock::now();
        // An index rebuilt in place (deleted and indexed again, or a bulk load renamed into
        // place) may be at the same revision: reopen() then mixes its version file with the old
        // tables. Its new uuid tells; open it afresh.
        if (uuid_of(c->db) != c->uuid) c = std::make_unique<Context>(path_, countries_, lists_);
        c->parser.set_word_pairs(word_pairs_of(c->db, lists_)); // an indexer with another stopword list turns them off
    }
    c->columns = columns_.get(c->db);
    c->parser.set_limits(limits_);
    c->parser.set_lexicon(lexicon_);
    c->search_budget = search_budget_;
    c->reopens = &reopens_;
    return Lease(*this, std::move(c));
}

void ContextPool::give_back(std::unique_ptr<Context> c) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(c));
}

namespace {

Xapian::Query full_query(const Xapian::Database& db, const SearchRequest& r, std::optional<Facet> skip) {
    auto filter = filter_query(db, r, skip);
    if (!r.parsed.text) return filter.value_or(Xapian::Query::MatchAll);
    if (!filter) return *r.parsed.text;
    return Xapian::Query(Xapian::Query::OP_FILTER, *r.parsed.text, *filter);
}

void set_sort(Xapian::Enquire& e, Xapian::MultiValueKeyMaker& keys, const SearchRequest& r, bool key_sort) {
    Sort sort = r.sort;
    if (sort == Sort::indexed_descending) {
        if (!key_sort) return e.set_sort_by_value_then_relevance(s::slot_indexed, true);
        keys.add_value(s::slot_indexed, true, ""); // never indexed (an older index): last
        keys.add_value(s::slot_date, true, "");
        keys.add_value(s::slot_doc);
        keys.add_value(s::slot_ordinal);
        return e.set_sort_by_key_then_relevance(&keys, false);
    }
    if (sort == Sort::relevance && !r.parsed.text) sort = Sort::date_descending; // browsing
    if (sort == Sort::relevance) return;
    bool newest_first = sort == Sort::date_descending;
    if (!key_sort) { // over remote shards: by date only, undated passages first when oldest first
        e.set_sort_by_value_then_relevance(s::slot_date, newest_first);
        return;
    }
    keys.add_value(s::slot_date, newest_first, newest_first ? "" : "\xff"); // undated last
    keys.add_value(s::slot_doc);
    keys.add_value(s::slot_ordinal);
    e.set_sort_by_key_then_relevance(&keys, false);
}

// The facets without a filter of their own: counted over the request's whole match.
std::vector<Facet> unfiltered_facets(const SearchRequest& r) {
    std::vector<Facet> out;
    for (Facet f : all_facets)
        if (!has_filter(r, f)) out.push_back(f);
    return out;
}

std::vector<Facet> counted_with(Facet f) {
    if (f == Facet::year) return {Facet::year, Facet::month};
    return {f};
}

// A facet's values as listed: the year facet ends with "undated", the passages of `total` (the
// match it was counted over) that no year counts.
std::vector<FacetValue> listed(const FacetCounter& counter, Facet f, const Labels& labels, Lang ui, std::size_t total) {
    std::vector<FacetValue> out = counter.values(f, labels, ui);
    if (f != Facet::year) return out;
    std::size_t dated = 0;
    for (const auto& v : out) dated += v.count;
    if (total > dated) out.push_back({std::string(undated_value), labels.undated(ui), total - dated});
    return out;
}

// Counts every facet and the total from bitmaps of the text query and of each filter, when the
// query allows it (match_bits.h) and the columns are there: one walk of each posting list,
// where the matcher would be run once for the result and once more per filtered facet.
// `walked` receives the text's posting lists walked whole (for ranking).
std::optional<DocBits> count_with_bits(Context& c, const SearchRequest& r, const Labels& labels, SearchResult& out,
                                       WalkedLists* walked) {
    if (!c.columns || r.collapse == Collapse::doc) return std::nullopt;
    const FacetColumns& columns = *c.columns;
    auto text = match_bits(c.db, r.parsed.text.value_or(Xapian::Query::MatchAll), &columns.present, walked);
    if (!text) return std::nullopt;
    // Language and date filters match large parts of the index: they are checked on the
    // matching passages' column values instead of walking their posting lists.
    std::vector<FilterPart> parts = filter_parts(c.db, r);
    std::vector<DocBits> part_bits(parts.size());
    std::vector<std::vector<char>> pass(parts.size()); // by raw value id of the facet's column
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].facet == Facet::lang || parts[i].facet == Facet::year) {
            pass[i] = passing_values(parts[i], r, columns.columns[facet_slot_index(slot_of(*parts[i].facet))].values);
            continue;
        }
        auto bits = match_bits(c.db, parts[i].query, &columns.present);
        if (!bits) return std::nullopt;
        part_bits[i] = std::move(*bits);
    }
    auto matching = [&](std::optional<Facet> skip) {
        DocBits bits = *text;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (owned_by(parts[i], skip) || !pass[i].empty()) continue;
            if (parts[i].sign == Sign::include) bits &= part_bits[i];
            else bits.subtract(part_bits[i]);
        }
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (owned_by(parts[i], skip) || pass[i].empty()) continue;
            const auto& ids = columns.columns[facet_slot_index(slot_of(*parts[i].facet))].ids;
            const auto& ok = pass[i];
            bits.retain_if([&](Xapian::docid id) { return id < ids.size() && ok[ids[id]]; });
        }
        return bits;
    };
    DocBits all = matching(std::nullopt);
    out.total = all.count();
    std::vector<Facet> free_facets = unfiltered_facets(r);
    FacetCounter counter(free_facets, c.columns);
    counter.count(all);
    for (Facet f : free_facets) out.facets.emplace_back(f, listed(counter, f, labels, r.ui, out.total));
    for (Facet f : {Facet::speaker, Facet::country, Facet::objective, Facet::lang, Facet::year, Facet::symbol}) {
        if (!has_filter(r, f)) continue;
        FacetCounter own(counted_with(f), c.columns);
        DocBits bits = matching(f);
        own.count(bits);
        for (Facet g : counted_with(f)) out.facets.emplace_back(g, listed(own, g, labels, r.ui, bits.count()));
    }
    return all;
}

// Asked to check every document, the matcher gives exact bounds unless its time limit stopped
// it; collapsed, the bounds differ anyway, and only the time spent tells.
bool counted_partly(const Xapian::MSet& mset, const Context& c, bool collapsed, Clock::time_point start) {
    if (c.search_budget <= 0) return false;
    if (collapsed) return std::chrono::duration<double>(Clock::now() - start).count() >= c.search_budget;
    return mset.get_matches_lower_bound() != mset.get_matches_upper_bound();
}

// Counts the facets whose own filter is active, each over the match without that filter.
void count_own_filtered(Context& c, const SearchRequest& r, const Labels& labels, SearchResult& out) {
    Xapian::doccount all = c.db.get_doccount();
    for (Facet f : {Facet::speaker, Facet::country, Facet::objective, Facet::lang, Facet::year, Facet::symbol}) {
        if (!has_filter(r, f)) continue;
        Xapian::Enquire e(c.db);
        e.set_query(full_query(c.db, r, f));
        e.set_weighting_scheme(Xapian::BoolWeight()); // counts only: no ranking (~40% faster)
        e.set_time_limit(c.search_budget);
        std::vector<Facet> counted = counted_with(f);
        FacetCounter counter(counted, c.columns);
        counter.attach(e);
        auto start = Clock::now();
        Xapian::MSet mset = e.get_mset(0, 0, all);
        out.partial |= counted_partly(mset, c, false, start);
        for (Facet g : counted) out.facets.emplace_back(g, listed(counter, g, labels, r.ui, mset.get_matches_estimated()));
    }
}

std::vector<RankedHit> hits_of(const Xapian::MSet& mset) {
    std::vector<RankedHit> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back({*it, it.get_weight()});
    return out;
}

DocLengths ranking_stats(const FacetColumns& columns) {
    return {columns.lengths, columns.average_length, columns.count};
}

// Keeps the first facet_limit values (by count) of the facets of many values, those matching
// facet_prefix; the count of the others goes to facets_more. Counts stay exact.
void bound_facets(const SearchRequest& r, SearchResult& out) {
    for (auto& [f, values] : out.facets) {
        if (f == Facet::lang || f == Facet::year || f == Facet::month) continue;
        std::size_t all = values.size();
        values = with_prefix(std::move(values), r.facet_prefix);
        if (values.size() > static_cast<std::size_t>(r.facet_limit)) values.resize(static_cast<std::size_t>(r.facet_limit));
        out.facets_more.emplace_back(f, all - values.size());
    }
}

Hit make_hit(Context& c, const SearchRequest& r, const RankedHit& ranked, bool by_relevance) {
    Hit h;
    Xapian::Document doc = c.db.get_document(ranked.id);
    h.passage = read_passage(doc);
    if (!r.parsed.translated.empty())
        h.translated = matched_translations(doc, h.passage.lang.value_or(Lang::en), r.parsed.translated);
    h.snippet_html = snippet_html(h.passage.text, h.passage.lang.value_or(Lang::en), r.parsed.highlight, c.analyzer);
    h.score = by_relevance ? ranked.weight : 0;
    for (const auto& v : read_versions(c.db, h.passage.doc_id)) h.also_in.push_back(v.lang);
    return h;
}

} // namespace

Xapian::Query request_query(const Xapian::Database& db, const SearchRequest& r) {
    return full_query(db, r, std::nullopt);
}

std::vector<Xapian::docid> ranked_ids(Context& c, const SearchRequest& r, std::size_t limit, std::size_t& total) {
    Xapian::Enquire e(c.db);
    e.set_query(full_query(c.db, r, std::nullopt));
    Xapian::MultiValueKeyMaker keys;
    set_sort(e, keys, r, c.key_sort);
    if (r.collapse == Collapse::doc) e.set_collapse_key(s::slot_doc);
    Xapian::MSet mset = e.get_mset(0, static_cast<Xapian::doccount>(limit), c.db.get_doccount());
    total = mset.get_matches_estimated();
    std::vector<Xapian::docid> out;
    out.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
    return out;
}

SearchResult search(Context& c, const SearchRequest& r, const Labels& labels) {
    auto start = Clock::now();
    SearchResult out;
    out.page = r.page;
    out.size = r.size;
    Xapian::Enquire e(c.db);
    const Xapian::Query query = full_query(c.db, r, std::nullopt);
    e.set_query(query);
    Xapian::MultiValueKeyMaker keys;
    set_sort(e, keys, r, c.key_sort);
    if (r.collapse == Collapse::doc) e.set_collapse_key(s::slot_doc);
    auto first = static_cast<Xapian::doccount>((r.page - 1) * r.size), size = static_cast<Xapian::doccount>(r.size);
    std::vector<RankedHit> page;
    bool by_relevance = r.sort == Sort::relevance && r.parsed.text;
    // A page in the proximity window is cut from the window re-weighed (proximity.h). Not over
    // remote shards, where each position list read would be a round trip.
    bool by_proximity = by_relevance && c.key_sort && first < proximity_window && r.parsed.proximity.size() > 1;
    auto page_first = first, page_size = size;
    // Versions grouped: the page is cut from the groups of the hits ranked from the first.
    bool grouped = r.collapse == Collapse::versions && grouped_window(page_first + page_size) <= max_grouped_window;
    if (by_proximity || grouped) {
        first = 0;
        size = static_cast<Xapian::doccount>(grouped ? grouped_window(page_first + page_size) : page_first + page_size);
        if (by_proximity) size = std::max<Xapian::doccount>(proximity_window, size);
    }
    WalkedLists walked;
    if (auto all = count_with_bits(c, r, labels, out, by_relevance ? &walked : nullptr)) { // only the page is wanted
        std::optional<std::vector<RankedHit>> ranked;
        if (by_relevance)
            ranked = rank_match(c.db, *r.parsed.text, *all, ranking_stats(*c.columns), first, size, walked);
        if (ranked) page = std::move(*ranked);
        else page = hits_of(e.get_mset(first, size));
    } else {
        std::vector<Facet> free_facets = unfiltered_facets(r);
        FacetCounter counter(free_facets, c.columns);
        counter.attach(e);
        e.set_time_limit(c.search_budget);
        auto matched = Clock::now();
        Xapian::MSet mset = e.get_mset(first, size, c.db.get_doccount());
        out.total = mset.get_matches_estimated();
        out.partial |= counted_partly(mset, c, r.collapse == Collapse::doc, matched);
        for (Facet f : free_facets) out.facets.emplace_back(f, listed(counter, f, labels, r.ui, out.total));
        count_own_filtered(c, r, labels, out);
        page = hits_of(mset);
    }
    if (by_proximity) {
        std::vector<RankedHit> window(page.begin(), page.begin() + static_cast<std::ptrdiff_t>(std::min(page.size(), proximity_window)));
        rescore_by_proximity(c.db, r.parsed.proximity, window);
        std::copy(window.begin(), window.end(), page.begin());
    }
    std::vector<VersionGroup> groups;
    if (grouped) {
        groups = group_versions(c.db, query, page, page_first, page_size);
    } else {
        for (const RankedHit& ranked : page) groups.push_back({ranked, {}});
    }
    if (by_proximity && !grouped) {
        if (page_first >= groups.size()) groups.clear();
        else groups = std::vector<VersionGroup>(groups.begin() + page_first, groups.begin() + std::min<std::size_t>(groups.size(), page_first + page_size));
    }
    for (const VersionGroup& g : groups) {
        Hit h = make_hit(c, r, g.lead, by_relevance);
        for (const RankedHit& v : g.versions) h.versions.push_back(make_hit(c, r, v, by_relevance));
        out.hits.push_back(std::move(h));
    }
    std::sort(out.facets.begin(), out.facets.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    bound_facets(r, out);
    if (out.total < 3 && !r.q.empty()) {
        try {
            out.suggestion = suggest(c, r.q);
        } catch (const Xapian::UnimplementedError&) { // a remote shard has no spelling table to offer
        }
    }
    out.took_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return out;
}

} // namespace mahdar
