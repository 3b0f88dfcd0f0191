#include "http/feed_route.h"

#include "common/hash.h"
#include "format/record.h"
#include "format/schema.h"
#include "http/answer.h"
#include "http/atom.h"
#include "http/conventions.h"
#include "http/json_out.h"
#include "http/request.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <type_traits>
#include <utility>
#include <vector>

namespace mahdar {
namespace {

// A feed of the passages, found and ordered (newest indexed first), with their indexing times.
struct FeedItem {
    Passage passage;
    std::optional<double> indexed;
};

std::vector<FeedItem> feed_items(Context& c, const SearchRequest& r, std::size_t limit) {
    std::size_t total = 0;
    std::vector<FeedItem> out;
    for (Xapian::docid id : ranked_ids(c, r, limit, total)) {
        Xapian::Document doc = c.db.get_document(id);
        out.push_back({read_passage(doc), schema::indexed_time(doc.get_value(schema::slot_indexed))});
    }
    return out;
}

Result<std::size_t> parse_limit(const Params& params) {
    std::string l = param(params, "limit");
    if (l.empty()) return default_feed_entries;
    bool digits = l.size() <= 4 && std::all_of(l.begin(), l.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    std::size_t n = digits ? std::stoul(l) : 0;
    if (n < 1 || n > max_feed_entries) {
        Error e = bad_parameter("limit must be a whole number from 1 to " + std::to_string(max_feed_entries));
        e.parameter = "limit";
        return e;
    }
    return n;
}

// Where the feed's links point: the operator's public URL, else this server as the client named
// it (a Host header with anything but a host name and port is not trusted).
std::string base_url(const Services& s, const httplib::Request& req) {
    if (!s.public_url.empty()) return s.public_url;
    std::string host = req.get_header_value("Host");
    bool plain = !host.empty() && host.size() < 256 && std::all_of(host.begin(), host.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == ':' || ch == '[' || ch == ']';
    });
    return "http://" + (plain ? host : std::string("localhost"));
}

// The search's parameters in one order (name, then value), without `leave_out`: one query string
// for one search however its URL was written.
std::string canonical_query(const Params& params, std::initializer_list<const char*> leave_out) {
    std::vector<std::pair<std::string, std::string>> kept;
    for (const auto& [k, v] : params)
        if (!v.empty() && std::none_of(leave_out.begin(), leave_out.end(), [&k = k](const char* n) { return k == n; }))
            kept.emplace_back(k, v);
    std::sort(kept.begin(), kept.end());
    std::string out;
    for (const auto& [k, v] : kept) out += (out.empty() ? "" : "&") + url_encode(k) + "=" + url_encode(v);
    return out;
}

// "mahdar: “migration” — country MA, lang fr, from 2020": what the reader's feed list shows.
std::string feed_title(const SearchRequest& r) {
    std::string title = "mahdar: " + (r.q.empty() ? std::string("all statements") : "“" + r.q + "”");
    std::vector<std::string> parts;
    auto add = [&parts](const char* name, const auto& values) {
        for (const auto& v : values) {
            if constexpr (std::is_same_v<std::decay_t<decltype(v)>, int>) parts.push_back(std::string(name) + " " + std::to_string(v));
            else parts.push_back(std::string(name) + " " + v);
        }
    };
    add("speaker", r.filters.speaker);
    add("country", r.filters.country);
    add("objective", r.filters.objective);
    add("lang", r.filters.lang);
    add("symbol", r.filters.symbol);
    add("document", r.filters.doc);
    if (!r.from.empty()) parts.push_back("from " + r.from);
    if (!r.to.empty()) parts.push_back("to " + r.to);
    for (std::size_t i = 0; i < parts.size(); ++i) title += (i ? ", " : " — ") + parts[i];
    return title;
}

AtomEntry entry_of(const FeedItem& item, const SearchRequest& r, const std::string& base, const Labels& labels) {
    const Passage& p = item.passage;
    AtomEntry e;
    e.id = base + "/s/" + url_encode(p.id);
    e.link = e.id + (r.q.empty() ? "" : "?q=" + url_encode(r.q));
    std::string title = p.doc_title.empty() ? p.doc_id : p.doc_title;
    e.title = p.speaker.empty() ? title : title + " — " + p.speaker;
    e.published = rfc3339_of_date(p.date).value_or("");
    e.updated = item.indexed ? rfc3339(*item.indexed) : e.published.empty() ? rfc3339(0) : e.published;
    e.author = p.speaker;
    e.lang = p.lang ? std::string(lang_code(*p.lang)) : "";
    e.summary = p.text;
    for (const auto& c : p.countries) e.categories.push_back({c, base + "/?country=", labels.country(c, r.ui)});
    for (int o : p.objectives)
        e.categories.push_back({std::to_string(o), base + "/?objective=", labels.objective(o, r.ui)});
    return e;
}

AtomFeed feed_of(const std::vector<FeedItem>& items, const SearchRequest& r, const Params& params,
                 const std::string& base, const Labels& labels) {
    AtomFeed f;
    std::string search = canonical_query(params, {"limit", "ui"});
    f.id = "urn:mahdar:feed:" + fnv1a_hex(search);
    f.title = feed_title(r);
    f.subtitle = "Statements matching this search, the newest indexed first";
    f.self = base + "/api/v1/feed" + (params.empty() ? "" : "?" + canonical_query(params, {}));
    f.alternate = base + "/" + (search.empty() ? "" : "?" + search);
    f.author = "mahdar";
    for (const auto& item : items) f.entries.push_back(entry_of(item, r, base, labels));
    f.updated = rfc3339(0);
    for (const auto& e : f.entries) f.updated = std::max(f.updated, e.updated);
    return f;
}

void handle_feed(Services& s, const httplib::Request& req, httplib::Response& res) {
    if (auto err = unknown_parameter(req, "feed")) return send_error(res, *err);
    Params params(req.params.begin(), req.params.end());
    auto limit = parse_limit(params);
    if (!limit) return send_error(res, limit.error());
    auto lease = s.pool.acquire();
    CountryResolver countries = [&s](std::string_view n) { return s.labels.resolve_country(n); };
    auto r = parse_search_request(params, lease->parser, countries);
    if (!r) return send_error(res, r.error());
    r.value().sort = Sort::indexed_descending;
    std::string base = base_url(s, req);
    unsigned long long revision = revision_of(*lease);
    stamp_answer(res, revision);
    // The links depend on the base URL too: two names of one server are two answers.
    if (revision != 0 && not_modified(req, res, revision, lease->uuid + "\n" + base)) return;
    auto items = with_reopen(*lease, [&](Context& c) { return feed_items(c, r.value(), limit.value()); });
    res.set_content(atom_xml(feed_of(items, r.value(), params, base, s.labels)), "application/atom+xml; charset=utf-8");
}

} // namespace

void register_feed_route(httplib::Server& server, Services& s, const std::string& api) {
    server.Get(api + "/feed", timed([&s](const httplib::Request& req, httplib::Response& res) { handle_feed(s, req, res); }));
}

} // namespace mahdar
