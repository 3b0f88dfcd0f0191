#include "http/document_routes.h"

#include "http/answer.h"
#include "http/conventions.h"
#include "http/json_out.h"
#include "http/request.h"
#include "text/normalise.h"
#include "text/un_symbol.h"

#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <memory>

namespace mahdar {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const char* content_type_of(const std::string& format) {
    if (format == "pdf") return "application/pdf";
    if (format == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (format == "odt") return "application/vnd.oasis.opendocument.text";
    if (format == "html") return "text/html; charset=utf-8";
    return "text/plain; charset=utf-8";
}


void handle_documents(Services& s, const httplib::Request& req, httplib::Response& res) {
    if (auto err = unknown_parameter(req, "documents")) return send_error(res, *err);
    std::string raw = req.has_param("symbol") ? req.get_param_value("symbol") : "";
    if (raw.empty()) return send_error(res, bad_parameter("symbol is required: /api/documents?symbol=A/RES/73/195"));
    if (!is_valid_utf8(raw)) return send_error(res, bad_parameter("symbol is not valid UTF-8"));
    auto symbol = canonical_symbol(raw);
    if (!symbol) return send_error(res, bad_parameter("symbol \"" + raw + "\" is not a UN document symbol (A/RES/73/195, E/ESCWA/SDD/2021/3)"));
    auto lease = s.pool.acquire();
    stamp_answer(res, revision_of(*lease));
    auto records = with_reopen(*lease, [&](Context& c) { return documents_with_symbol(c, *symbol); });
    json docs = json::array();
    for (const auto& r : records) docs.push_back(document_json(r));
    send_json(res, {{"symbol", *symbol}, {"documents", std::move(docs)}});
}

// The file a record names, streamed: only regular files, only records that have one.
void handle_original(Services& s, const httplib::Request& req, httplib::Response& res) {
    if (auto err = unknown_parameter(req, "original")) return send_error(res, *err);
    std::string id = req.matches[1];
    if (!is_valid_utf8(id)) return send_error(res, bad_parameter("the document id is not valid UTF-8"));
    auto lease = s.pool.acquire();
    stamp_answer(res, revision_of(*lease));
    auto record = with_reopen(*lease, [&](Context& c) { return read_document_record(c.db, id); });
    if (!record) return send_error(res, not_found("no document with id \"" + id + "\""));
    if (original_url(*record).empty())
        return send_error(res, not_found("document \"" + id + "\" came from a JSON Lines file: it has no original of its own"));
    std::error_code ec;
    fs::path path(record->source);
    // The indexer recorded the file's canonical path: a path that is no longer canonical had a
    // part replaced by a symlink since, which could point anywhere.
    if (fs::canonical(path, ec) != path || ec || !fs::is_regular_file(path, ec))
        return send_error(res, not_found("the original of \"" + id + "\" is no longer where it was indexed from"));
    auto size = fs::file_size(path, ec);
    auto in = std::make_shared<std::ifstream>(path, std::ios::binary);
    if (ec || !*in) return send_error(res, not_found("the original of \"" + id + "\" cannot be read"));
    res.set_header("Content-Disposition", "inline; filename*=UTF-8''" + url_encode(path.filename().string()));
    res.set_header("Content-Security-Policy", "sandbox");
    res.set_content_provider(static_cast<size_t>(size), content_type_of(record->format),
                             [in](size_t offset, size_t length, httplib::DataSink& sink) {
                                 char buffer[64 * 1024];
                                 in->seekg(static_cast<std::streamoff>(offset));
                                 in->read(buffer, static_cast<std::streamsize>(std::min(length, sizeof buffer)));
                                 if (in->gcount() <= 0) return false;
                                 return sink.write(buffer, static_cast<size_t>(in->gcount()));
                             });
}

} // namespace


void register_document_routes(httplib::Server& server, Services& s, const std::string& api) {
    server.Get(api + "/documents", timed([&s](const httplib::Request& req, httplib::Response& res) {
        handle_documents(s, req, res);
    }));
    server.Get(api + "/original/(.+)", timed([&s](const httplib::Request& req, httplib::Response& res) {
        handle_original(s, req, res);
    }));
}

} // namespace mahdar
