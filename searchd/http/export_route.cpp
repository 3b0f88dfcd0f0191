#include "http/export_route.h"

#include "format/record.h"
#include "http/access_log.h"
#include "http/answer.h"
#include "http/conventions.h"
#include "http/export_formats.h"
#include "http/json_out.h"
#include "http/request.h"

#include <httplib.h>

#include <ctime>
#include <memory>

namespace mahdar {

namespace {

// What a streaming export holds while the client reads: its Context (the revision it ranked),
// the ranked passages and how far it has got.
struct ExportState {
    ExportState(ContextPool::Lease l, std::atomic<int>& running) : lease(std::move(l)), running(running) {}
    ~ExportState() { --running; }
    ExportState(const ExportState&) = delete;
    ExportState& operator=(const ExportState&) = delete;
    ContextPool::Lease lease;
    std::atomic<int>& running; ///< Services::exports_running, counted down when the export ends
    std::vector<Xapian::docid> ids;
    std::size_t next = 0;
    ExportFormat format = ExportFormat::csv;
    std::string link_base;
    std::shared_ptr<const CitationFormatter> citations;
    bool started = false;
};

constexpr std::size_t rows_per_chunk = 256;

// The rows of ids[next …] up to a chunk, as the format writes them.
std::string next_chunk(ExportState& st) {
    std::string out;
    if (!st.started) {
        out = export_head(st.format);
        st.started = true;
    }
    for (std::size_t end = std::min(st.ids.size(), st.next + rows_per_chunk); st.next < end; ++st.next) {
        Passage p = read_passage(st.lease->db.get_document(st.ids[st.next]));
        out += export_row(st.format, p, *st.citations, st.link_base + url_encode(p.id), st.next == 0);
    }
    if (st.next == st.ids.size()) out += export_tail(st.format);
    return out;
}

std::string today() {
    std::time_t t = std::time(nullptr);
    char b[16];
    std::strftime(b, sizeof b, "%Y%m%d", std::gmtime(&t));
    return b;
}

void handle_export(Services& s, std::shared_ptr<const CitationFormatter> citations, const httplib::Request& req,
                   httplib::Response& res) {
    if (auto err = unknown_parameter(req, "export")) return send_error(res, *err);
    Params params(req.params.begin(), req.params.end());
    auto format = parse_export_format(param(params, "format").empty() ? "csv" : param(params, "format"));
    if (!format) {
        Error e = bad_parameter("format must be csv, jsonl, ris or csl");
        e.parameter = "format";
        e.valid = {"csv", "jsonl", "ris", "csl"};
        return send_error(res, e);
    }
    std::size_t limit = default_export_rows;
    if (std::string l = param(params, "limit"); !l.empty()) {
        char* end = nullptr;
        unsigned long n = std::strtoul(l.c_str(), &end, 10);
        if (*end || l.size() > 7 || n < 1 || n > max_export_rows) {
            Error e = bad_parameter("limit must be a whole number from 1 to " + std::to_string(max_export_rows));
            e.parameter = "limit";
            return send_error(res, e);
        }
        limit = n;
    }
    if (++s.exports_running > s.max_exports) {
        --s.exports_running;
        res.set_header("Retry-After", "5");
        return send_error(res, {ErrorCode::overloaded, std::to_string(s.max_exports) +
                                                           " exports are running: ask again in a few seconds"});
    }
    std::shared_ptr<ExportState> st;
    try {
        st = std::make_shared<ExportState>(s.pool.acquire(), s.exports_running);
    } catch (...) { // the place is given back, or no export would ever run again
        --s.exports_running;
        throw;
    }
    CountryResolver countries = [&s](std::string_view n) { return s.labels.resolve_country(n); };
    auto r = parse_search_request(params, st->lease->parser, countries);
    if (!r) return send_error(res, r.error());
    std::size_t total = 0;
    st->ids = with_reopen(*st->lease, [&](Context& c) { return ranked_ids(c, r.value(), limit, total); });
    st->format = *format;
    st->citations = std::move(citations);
    std::string host = req.get_header_value("Host");
    st->link_base = host.empty() ? "/s/" : "http://" + host + "/s/"; // the permalink
    stamp_answer(res, revision_of(*st->lease));
    res.set_header("Result-Total", std::to_string(total));
    res.set_header("Export-Rows", std::to_string(st->ids.size()));
    res.set_header("Export-Limit", std::to_string(limit));
    res.set_header("Content-Disposition", std::string("attachment; filename=\"mahdar-") + today() + "." +
                                              export_extension(*format) + "\"");
    res.set_chunked_content_provider(export_content_type(*format), [st](std::size_t, httplib::DataSink& sink) {
        try {
            std::string chunk = next_chunk(*st);
            if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) return false;
        } catch (const Xapian::Error& e) { // the index moved on twice under a slow reader
            log_line(LogLevel::error, "export stopped: " + e.get_description());
            return false;
        }
        if (st->next == st->ids.size()) sink.done();
        return true;
    });
}

} // namespace

void register_export_route(httplib::Server& server, Services& s, const std::string& api) {
    auto citations = std::make_shared<const CitationFormatter>();
    server.Get(api + "/export", timed([&s, citations](const httplib::Request& req, httplib::Response& res) {
        handle_export(s, citations, req, res);
    }));
}

} // namespace mahdar
