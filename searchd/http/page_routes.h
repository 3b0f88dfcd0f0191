// The staff desk's routes: a cross-tabulation of two facets over a search (the country ×
// objective table, timelines by objective) and a speaker's profile.
#pragma once

#include "http/routes.h"

#include <string>

namespace httplib {
class Server;
}

namespace mahdar {

/// Registers GET /api/crosstab (the passages of a search counted by pairs of facet values)
/// and GET /api/speaker/{name} (one speaker's names, affiliations, dates and counts). Must be
/// called before the catch-all routes of register_routes().
void register_page_routes(httplib::Server& server, Services& services, const std::string& api);

} // namespace mahdar
