// The facet value slots of every passage, held in memory for one revision of the database, so
// that counting facets over a match is one array increment per passage and field instead of a
// value read (a B-tree lookup, often a pread) per passage and field.
//
// Each column interns the distinct raw values of one slot ("MAIQ", "Nadia El Sherbiny | Ali
// Salem", "20230415") and keeps, per document id, the number of its value. Counts are taken per
// raw value and split into facet values afterwards (facets.cpp), which is also how Xapian's own
// ValueCountMatchSpy counts — the fallback when columns cannot be had.
//
// Columns need a single local glass database (get_revision() and value streams); for a stub of
// several shards or a remote one, FacetColumnsCache::get() returns nothing and facets are
// counted by reading values. Memory: 4 bytes per passage and column plus the distinct values
// (about 24 MB at 1M passages, with the document lengths).
#pragma once

#include "facets/match_bits.h"
#include "format/facet.h"
#include "format/schema.h"

#include <xapian.h>

#include <array>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace mahdar {

/// The slots counted for facets, in the order of FacetColumns::columns.
inline constexpr std::array<Xapian::valueno, 6> facet_slots = {
    schema::slot_speaker, schema::slot_countries, schema::slot_objectives, schema::slot_lang,
    schema::slot_date,    schema::slot_symbol};

/// Position of `slot` in facet_slots.
std::size_t facet_slot_index(Xapian::valueno slot);

struct FacetColumn {
    std::vector<std::uint32_t> ids;  ///< by document id; 0: no value
    std::vector<std::string> values; ///< by id; values[0] is ""
};

/// How the raw values of a facet's column split into facet values: raw value id → indexes
/// into `names`, flattened (parts[offsets[id]] … parts[offsets[id + 1] - 1]).
struct FacetSplit {
    std::vector<std::string> names;
    std::vector<std::uint32_t> offsets, parts;
};

struct FacetColumns {
    Xapian::rev revision = 0;
    std::string uuid; ///< of the database: an index rebuilt in place starts its revisions again
    DocBits present; ///< every document of the revision
    std::vector<std::uint32_t> lengths; ///< by document id: its length (sum of its wdfs), for ranking
    double average_length = 0;         ///< Xapian's get_avlength()
    Xapian::doccount count = 0;        ///< Xapian's get_doccount()
    std::array<FacetColumn, facet_slots.size()> columns;
    std::array<FacetSplit, std::size(all_facets)> splits; ///< by Facet
    /// Speaker value → its Arabic-script spelling, the label in Arabic (format/record.h)
    std::map<std::string, std::string> speaker_arabic;

    /// Reads every facet slot of `db` (a single local database). Throws Xapian errors, among
    /// them DatabaseModifiedError when a writer commits twice meanwhile.
    static std::shared_ptr<const FacetColumns> read(Xapian::Database& db);
};

/// The columns of the newest revision, shared by all request threads. The first get() reads
/// them before returning; when the indexer commits, a background thread reads the new revision
/// while requests at other revisions get nothing (and count by reading values, as before).
class FacetColumnsCache {
public:
    explicit FacetColumnsCache(std::string db_path) : path_(std::move(db_path)) {}
    ~FacetColumnsCache();
    FacetColumnsCache(const FacetColumnsCache&) = delete;
    FacetColumnsCache& operator=(const FacetColumnsCache&) = delete;

    /// Columns for the revision `db` is open at, or nullptr if they are not ready (or cannot be
    /// had for this kind of database).
    std::shared_ptr<const FacetColumns> get(const Xapian::Database& db);

private:
    void refresh();

    std::string path_;
    std::mutex mutex_;
    std::shared_ptr<const FacetColumns> current_;
    bool unsupported_ = false, reading_ = false, first_ = true;
    std::thread reader_;
};

} // namespace mahdar
