// One facet value per person across documents: the indexer's last step.
#pragma once

#include "extract/speaker_names.h"

#include <xapian.h>

#include <cstddef>

namespace mahdar {

/// Rewrites, in `db`, the speaker of every passage whose speaker (or one of its joint speakers)
/// is a shorter form of exactly one fuller name found in other passages ("El Sherbiny" →
/// "Nadia El Sherbiny"; see unify_names()): its speaker term, speaker value slot and the
/// "speaker" field of its data. Reads every passage's speaker value once. Does not commit.
/// Returns the number of passages changed. Same thread-safety as `db` (none).
std::size_t unify_speakers(Xapian::WritableDatabase& db, const NameRules& rules);

} // namespace mahdar
