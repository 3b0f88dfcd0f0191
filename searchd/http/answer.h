// Writing an answer: one way to send JSON, one way to send an error (README "API": every error
// is {"error": {"code", "message"}} with the status its code maps to).
#pragma once

#include "common/result.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>


namespace mahdar {

/// `body` as UTF-8 JSON (invalid UTF-8 replaced) with `status`.
void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200);

/// The error as {"error": {"code", "message"}} with its HTTP status.
void send_error(httplib::Response& res, const Error& e);

/// Sends `r`'s value written by `write`, or its error.
template <class T, class Write>
void send_result(httplib::Response& res, const Result<T>& r, Write&& write) {
    if (!r) return send_error(res, r.error());
    send_json(res, write(r.value()));
}

/// What every answer gets last (conventions.cpp): the API-Version header on an API answer, and
/// gzip for a text answer (JSON, HTML, CSS, scripts) larger than a TCP segment when the client
/// accepts it; other answers go as they are.
void finish_answer(const httplib::Request& req, httplib::Response& res);

/// `h`, timed: its time is set as a Server-Timing header ("app;dur=1.2", shown by browsers'
/// developer tools), which the request log reads back.
template <class Handler>
auto timed(Handler h) {
    return [h](const httplib::Request& req, httplib::Response& res) {
        auto start = std::chrono::steady_clock::now();
        h(req, res);
        finish_answer(req, res);
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        char timing[48];
        std::snprintf(timing, sizeof timing, "app;dur=%.1f", ms);
        res.set_header("Server-Timing", timing);
    };
}

} // namespace mahdar
