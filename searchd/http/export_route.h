// GET /api/v1/export: a whole result set as CSV, JSON Lines, RIS or CSL-JSON, streamed.
#pragma once

#include "http/routes.h"

#include <string>

namespace httplib {
class Server;
}

namespace mahdar {

/// Rows an export holds by default and at most (`limit`).
inline constexpr std::size_t default_export_rows = 10000;
inline constexpr std::size_t max_export_rows = 100000;

/// Registers `<api>/export`: the search parameters (q, filters, sort, collapse, ui) plus
/// `format` (csv, jsonl, ris, csl) and `limit`. The answer is a download (Content-Disposition)
/// written as it is read, with `Result-Total` (the whole set) and `Export-Rows` (those
/// written, at most the limit) headers.
void register_export_route(httplib::Server& server, Services& services, const std::string& api);

} // namespace mahdar
