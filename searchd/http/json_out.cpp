#include "http/json_out.h"

#include <filesystem>

namespace mahdar {
using json = nlohmann::json;

namespace {

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json facet_values(const std::vector<FacetValue>& values) {
    json a = json::array();
    for (const auto& v : values) a.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    return a;
}

} // namespace

json hit_json(const Passage& p) {
    return {{"id", p.id},
            {"doc_id", p.doc_id},
            {"doc_title", p.doc_title},
            {"symbol", or_null(p.symbol)},
            {"para", or_null(p.para)},
            {"page", p.page ? json(p.page) : json(nullptr)},
            {"note", p.note},
            {"ordinal", p.ordinal},
            {"section", p.section},
            {"speaker", or_null(p.speaker)},
            {"affiliation", or_null(p.affiliation)},
            {"countries", p.countries},
            {"objectives", p.objectives},
            {"date", or_null(p.date)},
            {"lang", lang_code(p.lang.value_or(Lang::en))},
            {"text", p.text}};
}

namespace {

// A search hit: hit_json() with its snippet, score, the translations it was found by and the
// other language versions of its paragraph that match too.
json search_hit_json(const Hit& h) {
    json j = hit_json(h.passage);
    j["snippet_html"] = h.snippet_html;
    j["score"] = h.score;
    if (!h.translated.empty()) {
        json t = json::array();
        for (const auto& m : h.translated)
            t.push_back({{"word", m.word}, {"translation", m.translation}, {"lang", lang_code(m.lang)}});
        j["translated"] = std::move(t);
    }
    json also_in = json::array();
    for (Lang l : h.also_in) also_in.push_back(lang_code(l));
    j["also_in"] = std::move(also_in);
    if (!h.versions.empty()) {
        json v = json::array();
        for (const auto& other : h.versions) v.push_back(search_hit_json(other));
        j["versions"] = std::move(v);
    }
    return j;
}

} // namespace

json to_json(const SearchResult& r) {
    json hits = json::array();
    for (const auto& h : r.hits) hits.push_back(search_hit_json(h));
    json facets = json::object();
    for (const auto& [f, values] : r.facets) facets[facet_name(f)] = facet_values(values);
    json more = json::object();
    for (const auto& [f, n] : r.facets_more) more[facet_name(f)] = n;
    return {{"total", r.total}, {"page", r.page}, {"size", r.size}, {"hits", std::move(hits)},
            {"facets", std::move(facets)}, {"facets_more", std::move(more)}, {"suggestion", r.suggestion ? json(*r.suggestion) : json(nullptr)},
            {"partial", r.partial}, {"took_ms", r.took_ms}};
}

json to_json(const PassageView& v) {
    json j = hit_json(v.passage);
    j["prev_id"] = v.prev_id ? json(*v.prev_id) : json(nullptr);
    j["next_id"] = v.next_id ? json(*v.next_id) : json(nullptr);
    if (v.text_html) j["text_html"] = *v.text_html;
    json aligned = json::array();
    for (const auto& a : v.aligned)
        aligned.push_back({{"lang", lang_code(a.lang)}, {"doc_id", a.doc_id}, {"passage_id", a.passage_ids.front()},
                           {"passage_ids", a.passage_ids}, {"score", a.score}});
    j["aligned"] = std::move(aligned);
    return j;
}

std::string url_encode(std::string_view s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                          c == '-' || c == '_' || c == '.' || c == '~';
        if (unreserved) out += static_cast<char>(c);
        else out += {'%', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

std::string original_url(const DocumentRecord& d) {
    bool jsonl = d.format == "jsonl" || (d.format.empty() && std::filesystem::path(d.source).extension() == ".jsonl");
    if (d.source.empty() || jsonl) return {};
    return "/api/original/" + url_encode(d.doc_id);
}

json versions_json(const std::vector<VersionLink>& versions) {
    json out = json::array();
    for (const auto& v : versions)
        out.push_back({{"lang", lang_code(v.lang)}, {"doc_id", v.doc_id}, {"how", v.how}, {"score", v.score}});
    return out;
}

json document_json(const DocumentRecord& d) {
    std::string original = original_url(d);
    return {{"doc_id", d.doc_id},
            {"title", d.title},
            {"date", or_null(d.date)},
            {"lang", lang_code(d.lang)},
            {"symbol", d.symbol},
            {"type", d.type},
            {"organisers", d.organisers},
            {"format", or_null(d.format)},
            {"pages", d.pages ? json(d.pages) : json(nullptr)},
            {"passages", d.passages},
            {"original_url", or_null(original)}};
}

json to_json(const DocumentView& v) {
    json j = document_json(v.record);
    json passages = json::array();
    for (std::size_t i = 0; i < v.passages.size(); ++i) {
        passages.push_back(hit_json(v.passages[i]));
        if (i < v.text_html.size()) passages.back()["text_html"] = v.text_html[i];
    }
    j["passages"] = std::move(passages);
    j["versions"] = versions_json(v.versions);
    return j;
}

json to_json(const HealthView& h) {
    return {{"status", "ok"}, {"passages", h.passages}, {"documents", h.documents}, {"index_revision", h.revision}};
}

json to_json(Facet f, const std::vector<FacetValue>& values) {
    return {{"field", facet_name(f)}, {"values", facet_values(values)}};
}

json to_json(const Error& e) {
    json error = {{"code", e.code()}, {"message", e.message}};
    if (!e.parameter.empty()) error["parameter"] = e.parameter;
    if (!e.valid.empty()) error["valid"] = e.valid;
    return {{"error", std::move(error)}};
}

} // namespace mahdar
