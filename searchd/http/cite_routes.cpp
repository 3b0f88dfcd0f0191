#include "http/cite_routes.h"

#include "http/answer.h"
#include "http/conventions.h"
#include "http/json_out.h"
#include "search/snippets.h"

#include <httplib.h>

#include <memory>

namespace mahdar {
namespace {

using json = nlohmann::json;

// The passage with the matched stretch marked, HTML-escaped.
std::string marked_html(const std::string& text, std::uint32_t begin, std::uint32_t end) {
    return html_escape(std::string_view(text).substr(0, begin)) + "<mark>" +
           html_escape(std::string_view(text).substr(begin, end - begin)) + "</mark>" +
           html_escape(std::string_view(text).substr(end));
}

json diff_json(const std::vector<DiffEntry>& diff) {
    json out = json::array();
    for (const auto& d : diff) {
        json j = {{"op", diff_op_name(d.op)}, {"source", d.source}, {"draft", d.draft}};
        if (d.elided) j["elided"] = true;
        out.push_back(std::move(j));
    }
    return out;
}

json match_json(const CiteMatch& m, const CitationFormatter& formatter) {
    json j = hit_json(m.passage);
    j["snippet_html"] = marked_html(m.passage.text, m.span_begin, m.span_end);
    j["score"] = m.score;
    j["verbatim"] = m.verbatim;
    j["relation"] = m.translation ? "translation" : m.verbatim ? "verbatim" : "altered";
    if (m.translation) {
        json t = json::array();
        for (const auto& w : m.translated) t.push_back({{"word", w.word}, {"translation", w.translation}, {"lang", lang_code(w.lang)}});
        j["translated"] = std::move(t);
    }
    j["span"] = {m.span_begin, m.span_end};
    j["span_chars"] = {m.span_begin_u16, m.span_end_u16};
    j["coverage"] = m.coverage;
    j["diff"] = diff_json(m.diff);
    Citation c = formatter.format(m.passage, m.symbol);
    j["citation"] = {{"en", c.en}, {"fr", c.fr}, {"ar", c.ar}, {"csl_json", std::move(c.csl_json)}};
    return j;
}

/// Quotes one batch may hold (each is a lookup of a few ms).
constexpr std::size_t max_batch_quotes = 100;

// One quote: {"text": "…", "lang": "ar"|"en"|"fr"|null (optional)}; `where` names it in errors.
Result<CiteRequest> parse_quote(const json& j, const std::string& where) {
    auto text = j.find("text");
    if (text == j.end() || !text->is_string())
        return bad_parameter(where + "text is required and must be a string");
    auto lang = j.find("lang");
    if (lang != j.end() && !lang->is_null() && !lang->is_string())
        return bad_parameter(where + "lang must be ar, en or fr");
    auto r = parse_cite_request(text->get<std::string>(),
                                lang != j.end() && lang->is_string() ? lang->get<std::string>() : "");
    if (!r && !where.empty()) {
        Error e = r.error();
        e.message = where + e.message;
        return e;
    }
    return r;
}

// The POST body: one quote, or {"quotes": [quote, …]} (a batch of at most 100).
Result<std::vector<CiteRequest>> parse_body(const std::string& body, bool& batch) {
    json j = json::parse(body, nullptr, false);
    if (!j.is_object())
        return bad_parameter("the body must be a JSON object such as {\"text\": \"…\", \"lang\": "
                             "\"en\"} or {\"quotes\": [{\"text\": \"…\"}, …]} (valid UTF-8)");
    auto quotes = j.find("quotes");
    batch = quotes != j.end();
    if (!batch) {
        auto one = parse_quote(j, "");
        if (!one) return one.error();
        return std::vector<CiteRequest>{std::move(one.value())};
    }
    if (!quotes->is_array() || quotes->empty() || quotes->size() > max_batch_quotes)
        return bad_parameter("quotes must be a list of 1 to " + std::to_string(max_batch_quotes) +
                             " objects such as {\"text\": \"…\", \"lang\": \"en\"}");
    std::vector<CiteRequest> out;
    for (std::size_t i = 0; i < quotes->size(); ++i) {
        std::string where = "quotes[" + std::to_string(i) + "]: ";
        if (!(*quotes)[i].is_object()) return bad_parameter(where + "must be an object with text and lang");
        auto one = parse_quote((*quotes)[i], where);
        if (!one) return one.error();
        out.push_back(std::move(one.value()));
    }
    return out;
}

Result<CiteRequest> parse_query(const httplib::Request& req) {
    if (!req.has_param("text")) return bad_parameter("text is required: the sentence to look up");
    return parse_cite_request(req.get_param_value("text"), req.get_param_value("lang"));
}

void answer(Services& s, const CitationFormatter& formatter, const Result<CiteRequest>& r,
            httplib::Response& res) {
    if (!r) return send_error(res, r.error());
    auto lease = s.pool.acquire();
    stamp_answer(res, revision_of(*lease));
    auto found = with_reopen(*lease, [&r](Context& c) { return cite(c, r.value()); });
    send_json(res, to_json(found, formatter));
}

} // namespace

json to_json(const CiteResult& r, const CitationFormatter& formatter) {
    json matches = json::array();
    for (const auto& m : r.matches) matches.push_back(match_json(m, formatter));
    return {{"matches", std::move(matches)},
            {"reason", r.reason ? json(*r.reason) : json(nullptr)}};
}

void register_cite_routes(httplib::Server& server, Services& s, const std::string& api) {
    auto formatter = std::make_shared<const CitationFormatter>();
    server.Get(api + "/cite", timed([&s, formatter](const httplib::Request& req, httplib::Response& res) {
        if (auto err = unknown_parameter(req, "cite")) return send_error(res, *err);
        answer(s, *formatter, parse_query(req), res);
    }));
    server.Post(api + "/cite", timed([&s, formatter](const httplib::Request& req, httplib::Response& res) {
        bool batch = false;
        auto quotes = parse_body(req.body, batch);
        if (!quotes) return send_error(res, quotes.error());
        if (!batch) return answer(s, *formatter, std::move(quotes.value().front()), res);
        auto lease = s.pool.acquire();
        stamp_answer(res, revision_of(*lease));
        json results = json::array();
        for (const auto& q : quotes.value())
            results.push_back(to_json(with_reopen(*lease, [&q](Context& c) { return cite(c, q); }), *formatter));
        send_json(res, {{"results", std::move(results)}});
    }));
}

} // namespace mahdar
