#include "http/json_out.h"

#include "format/document_builder.h"

namespace mahdar {
using json = nlohmann::json;

json hit_json(const Passage& p) {
    json j = passage_json(p);
    j.erase("line");
    j.erase("role");
    return j;
}

static json facet_values(const std::vector<FacetValue>& values) {
    json a = json::array();
    for (const auto& v : values) a.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    return a;
}

json to_json(const SearchResult& r) {
    json hits = json::array();
    for (const auto& h : r.hits) {
        json j = hit_json(h.passage);
        j["snippet_html"] = h.snippet_html;
        j["score"] = h.score;
        hits.push_back(std::move(j));
    }
    json facets = json::object();
    for (const auto& [f, values] : r.facets) facets[facet_name(f)] = facet_values(values);
    return {{"total", r.total}, {"page", r.page}, {"size", r.size}, {"hits", std::move(hits)},
            {"facets", std::move(facets)}, {"suggestion", r.suggestion ? json(*r.suggestion) : json(nullptr)},
            {"took_ms", r.took_ms}};
}

json to_json(const PassageView& v) {
    json j = hit_json(v.passage);
    j["prev_id"] = v.prev_id ? json(*v.prev_id) : json(nullptr);
    j["next_id"] = v.next_id ? json(*v.next_id) : json(nullptr);
    return j;
}

json to_json(const DocumentView& v) {
    json j = json::parse(v.meta_json, nullptr, false);
    if (!j.is_object()) j = json::object();
    j.erase("source");
    if (j.contains("date") && j["date"] == "") j["date"] = nullptr;
    json passages = json::array();
    for (const auto& p : v.passages) passages.push_back(hit_json(p));
    j["passages"] = std::move(passages);
    return j;
}

json to_json(const HealthView& h) {
    return {{"status", "ok"}, {"passages", h.passages}, {"documents", h.documents}, {"index_revision", h.revision}};
}

json to_json(Facet f, const std::vector<FacetValue>& values) {
    return {{"field", facet_name(f)}, {"values", facet_values(values)}};
}

json to_json(const Error& e) { return {{"error", {{"code", e.code}, {"message", e.message}}}}; }

} // namespace mahdar
