// What every API answer follows (issue 17): the parameters each route takes (anything else is a
// 400 naming it and listing the valid ones), the version and index revision headers, caching
// by ETag, CORS for the origins the operator allows, and compression when asked.
#pragma once

#include "common/result.h"
#include "search/searcher.h"

#include <httplib.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mahdar {

/// The API's version: paths /api/v1/… (today's /api/… are the same routes), and the
/// `API-Version` header of every answer.
inline constexpr const char* api_version = "1";

/// The parameters `route` ("search", "facets", "crosstab", "speaker", "cite", "documents"; others
/// take none) accepts.
const std::vector<std::string>& known_parameters(const std::string& route);

/// A 400 naming the first parameter of `req` that `route` does not take, with the valid ones.
std::optional<Error> unknown_parameter(const httplib::Request& req, const std::string& route);

/// The index revision a Context reads; 0 where there is no single one (a stub of shards).
unsigned long long revision_of(Context& c);

/// Sets `API-Version` and `Index-Revision`, and `Cache-Control: no-cache` (clients may keep an
/// answer but ask again, cheaply with If-None-Match).
void stamp_answer(httplib::Response& res, unsigned long long revision);

/// The ETag of a GET answer that depends only on the request line and the index revision
/// (`uuid` tells two indexes at one revision apart). True when the request's If-None-Match
/// names it: the answer is then a 304 with no body, already set on `res`.
bool not_modified(const httplib::Request& req, httplib::Response& res, unsigned long long revision,
                  const std::string& uuid);

/// The methods an API path answers ("GET, HEAD, OPTIONS"; POST too for cite).
std::string allowed_methods(const std::string& path);

/// CORS for the origins in `allowed` ("*": any; none: no CORS). Sets the Access-Control headers
/// on answers to an allowed Origin, and answers OPTIONS (204 with Allow, and the preflight's
/// headers for an allowed Origin).
void set_cors(httplib::Server& server, std::set<std::string> allowed);

/// Leaves only gzip in Accept-Encoding: cpp-httplib would pick brotli, much slower to make for
/// answers of a few KB. Text answers are gzipped by finish_answer() (answer.h).
void limit_compression(httplib::Request& req);

} // namespace mahdar
