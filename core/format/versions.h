// Language versions of one document and their paragraph alignment, as stored in the index:
//
//   metadata "versions:" + doc id   JSON list of {"lang","doc_id","how","score"}: the document's
//                                   other language versions, by language code
//   metadata "align:" + a + "|" + b JSON list of beads [[ordinals of a], [ordinals of b], score]
//                                   for two linked documents, a < b in byte order
//
// Both are written by the indexer's version pass (indexer/write/version_pass.h) after each
// run and removal, from scratch: a link never names a document the index no longer has.
// aligned_passages() is what readers use: for a passage, its counterparts in the other
// languages with the bead's score.
#pragma once

#include "format/passage.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// One other language version of a document.
struct VersionLink {
    Lang lang = Lang::en;
    std::string doc_id;
    std::string how; ///< "symbol", "field" (version_of), "name" (file name) or "content"
    double score = 1; ///< 1 for symbol, field and name; the content check's score otherwise
};

/// Passages `a` of one version are the translation of passages `b` of another (ordinals).
struct StoredBead {
    std::vector<std::uint32_t> a, b;
    double score = 0;
};

std::string versions_key(std::string_view doc_id);
std::string alignment_key(std::string_view doc_a, std::string_view doc_b); ///< either order

/// The other versions of `doc_id`, by language code; empty when it has none or the value is
/// unreadable.
std::vector<VersionLink> read_versions(const Xapian::Database& db, std::string_view doc_id);

/// Stores `links` (empty removes the key); an unchanged value is not written.
void write_versions(Xapian::WritableDatabase& db, std::string_view doc_id, const std::vector<VersionLink>& links);

/// The alignment of `from` with `to`, beads ordered by `from`'s ordinals, `a` being `from`'s
/// side whatever order it was stored in; empty when none.
std::vector<StoredBead> read_alignment(const Xapian::Database& db, std::string_view from, std::string_view to);

/// Stores the alignment of `doc_a` (the beads' a side) with `doc_b`; empty beads remove it.
void write_alignment(Xapian::WritableDatabase& db, std::string_view doc_a, std::string_view doc_b,
                     const std::vector<StoredBead>& beads);

/// Every metadata key of versions and alignments, in byte order.
std::vector<std::string> version_metadata_keys(const Xapian::Database& db);

/// A passage's counterpart in one other language version.
struct AlignedPassage {
    Lang lang = Lang::en;
    std::string doc_id;
    std::vector<std::string> passage_ids; ///< one, or two when the bead joins two passages
    std::vector<std::uint32_t> ordinals;  ///< of passage_ids
    double score = 0;                     ///< the bead's
};

/// For passage `p` (as stored), its aligned passages in each other language version of its
/// document, by language code; a version where it is in no bead is left out.
std::vector<AlignedPassage> aligned_passages(const Xapian::Database& db, const Passage& p);

/// The ids of `doc_id`'s passages at `ordinals` (same order; "" for one it has not).
std::vector<std::string> passage_ids_at(const Xapian::Database& db, std::string_view doc_id,
                                        const std::vector<std::uint32_t>& ordinals);

} // namespace mahdar
