// Documents as wholes: finding them by UN symbol, and serving the original files they were
// indexed from.
#pragma once

#include "http/routes.h"

#include <string>

namespace httplib {
class Server;
}

namespace mahdar {

/// Registers GET /api/documents?symbol=… (the documents with that UN symbol) and
/// GET /api/original/{doc_id}: the file the document was indexed from, read-only. Only a file
/// an index record names is served — the request names a document, never a path — with its
/// type, `Content-Disposition: inline` and a sandboxing Content-Security-Policy (an HTML
/// original cannot run script in searchd's origin). Must be called before the catch-all
/// routes of register_routes().
void register_document_routes(httplib::Server& server, Services& services, const std::string& api);

} // namespace mahdar
