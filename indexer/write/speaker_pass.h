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

/// One person written in Arabic and in Latin script is one facet value: an Arabic-script
/// speaker of two words or more whose consonant skeleton (text/name_skeleton.h) is that of
/// exactly one Latin-script speaker ("رانيا خوري", "Rania Khoury") is counted under the Latin
/// name (the speaker value slot), each person's passages get the other spelling's speaker
/// term too, so a filter by either finds both, and the Arabic spelling is recorded as the
/// value's Arabic label (format/record.h read_speaker_scripts). The passages' own "speaker"
/// field keeps the spelling of their text. Run after unify_speakers(). Does not commit.
/// Returns the number of passages changed.
std::size_t link_speaker_scripts(Xapian::WritableDatabase& db);

} // namespace mahdar
