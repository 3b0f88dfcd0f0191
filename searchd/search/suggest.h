// "Did you mean": spelling suggestions for a query with (almost) no results.
#pragma once

#include "search/searcher.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// `q` with each word the index lacks replaced by the index's nearest spelling (Xapian's
/// spelling table, edit distance 2), or nullopt when no word changes. A replacement is shown as
/// written in the passages (surface_form), not as the normalised term: Arabic ة, hamza forms and
/// alef variants are kept. Throws Xapian::UnimplementedError over remote shards.
std::optional<std::string> suggest(Context& c, const std::string& q);

/// Of the words in `texts` whose analysis is the normalised `word`, the form written most often
/// (the first seen on a tie); `word` itself when none is. Not thread-safe (uses `analyzer`).
std::string surface_form(const std::string& word, const std::vector<std::string>& texts, Analyzer& analyzer);

} // namespace mahdar
