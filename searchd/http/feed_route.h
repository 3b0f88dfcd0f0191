// GET /api/v1/feed: a search as an Atom feed, its newest indexed passages first, so that a
// statement indexed after a reader subscribed reaches it, however old its meeting.
#pragma once

#include "http/routes.h"

#include <cstddef>
#include <string>

namespace httplib {
class Server;
}

namespace mahdar {

/// Entries a feed holds by default and at most (`limit`).
inline constexpr std::size_t default_feed_entries = 50;
inline constexpr std::size_t max_feed_entries = 200;

/// Registers `<api>/feed`: the search parameters q, the filters, collapse and ui, plus `limit`.
/// The answer is application/atom+xml; its URLs start with Services::public_url, or else with
/// http:// and the request's Host. Cached by ETag like the JSON answers.
void register_feed_route(httplib::Server& server, Services& services, const std::string& api);

} // namespace mahdar
