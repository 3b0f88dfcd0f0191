// Two language versions of one document side by side: their passages in rows, a row holding
// the passages of one bead of their alignment (format/versions.h).
#pragma once

#include "search/searcher.h"

#include <string>
#include <vector>

namespace mahdar {

/// One row of a side-by-side view: passages of the first version and their translation in
/// the second. A passage that is in no bead has a row of its own, the other side empty;
/// score is then 0.
struct ParallelRow {
    std::vector<Passage> a, b;
    double score = 0;
};

struct ParallelView {
    DocumentRecord a, b;
    std::vector<ParallelRow> rows; ///< in the order of both documents
};

/// Document `doc_id` beside its version in `lang`; not_found when there is no such document
/// or it has no version in `lang`.
Result<ParallelView> get_parallel(Context& c, const std::string& doc_id, Lang lang);

} // namespace mahdar
