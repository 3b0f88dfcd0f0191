// GET /api/document/{id}/parallel?lang=fr: two language versions side by side.
#pragma once

#include "http/routes.h"

#include <string>

namespace httplib {
class Server;
}

namespace mahdar {

/// Registers GET /api/document/{id}/parallel?lang=ar|en|fr: the document and its version in
/// `lang`, as rows of aligned passages (search/parallel.h). Must be registered before
/// /api/document/{id}, whose pattern would take the path too.
void register_parallel_route(httplib::Server& server, Services& services, const std::string& api);

} // namespace mahdar
