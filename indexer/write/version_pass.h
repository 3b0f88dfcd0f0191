// Language versions of one document, linked and aligned: a pass after each index run and
// removal, over the whole index (like the speaker passes).
#pragma once

#include <xapian.h>

#include <cstddef>

namespace mahdar {

/// Links the documents of `db` that are language versions of one text (different languages,
/// one each), by the first of these that applies:
///   symbol   the same UN symbol
///   field    one names the other in version_of (JSON Lines field, sidecar)
///   name     the same file name without its language suffix (text/version_match.h), in the
///            same folder or sibling language folders
///   content  the same date and, each being the other's best, content_score() at least
///            content_link_threshold (two different meetings of one date stay apart)
/// and aligns the paragraphs of each linked pair (text/alignment.h). Writes format/versions.h
/// metadata: links and alignments of documents that are gone, or no longer linked, are
/// removed; unchanged values are not rewritten. Documents whose stamp (file content hash and
/// passage count) is unchanged since the last pass, and that lost no version, keep their
/// content links and alignments unread, so a run that changes one file reads only the
/// documents of its dates. Does not commit. Returns the number of linked pairs. Same
/// thread-safety as `db` (none).
std::size_t link_versions(Xapian::WritableDatabase& db);

/// Whether link_versions() has run on `db`: an index written before it has no links yet, and
/// an index run links it even when no file changed.
bool versions_linked(const Xapian::Database& db);

} // namespace mahdar
