#include "http/answer.h"

#include "http/json_out.h"

#include <httplib.h>

namespace mahdar {

void send_json(httplib::Response& res, const nlohmann::json& body, int status) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const Error& e) {
    send_json(res, to_json(e), e.status);
}

} // namespace mahdar
