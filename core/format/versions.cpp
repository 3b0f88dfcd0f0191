#include "format/versions.h"

#include "format/record.h"
#include "format/schema.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace mahdar {
using json = nlohmann::json;

namespace {

constexpr std::string_view versions_prefix = "versions:";
constexpr std::string_view align_prefix = "align:";

json parsed(const std::string& data) {
    if (data.empty()) return json();
    return json::parse(data, nullptr, false); // discarded (unreadable) reads as nothing
}

std::vector<std::uint32_t> ordinals_of(const json& j) {
    std::vector<std::uint32_t> out;
    if (j.is_array())
        for (const auto& o : j)
            if (o.is_number_unsigned()) out.push_back(o.get<std::uint32_t>());
    return out;
}

void set_metadata(Xapian::WritableDatabase& db, const std::string& key, const std::string& value) {
    if (db.get_metadata(key) != value) db.set_metadata(key, value);
}

} // namespace

std::string versions_key(std::string_view doc_id) { return std::string(versions_prefix) + std::string(doc_id); }

std::string alignment_key(std::string_view doc_a, std::string_view doc_b) {
    if (doc_b < doc_a) std::swap(doc_a, doc_b);
    return std::string(align_prefix) + std::string(doc_a) + "|" + std::string(doc_b);
}

std::vector<VersionLink> read_versions(const Xapian::Database& db, std::string_view doc_id) {
    json j = parsed(db.get_metadata(versions_key(doc_id)));
    std::vector<VersionLink> out;
    if (!j.is_array()) return out;
    for (const auto& v : j) {
        if (!v.is_object()) continue;
        auto lang = parse_lang(v.value("lang", ""));
        std::string id = v.value("doc_id", "");
        if (!lang || id.empty()) continue;
        out.push_back({*lang, id, v.value("how", ""), v.value("score", 1.0)});
    }
    return out;
}

void write_versions(Xapian::WritableDatabase& db, std::string_view doc_id, const std::vector<VersionLink>& links) {
    json j = json::array();
    for (const auto& l : links)
        j.push_back({{"doc_id", l.doc_id}, {"how", l.how}, {"lang", lang_code(l.lang)},
                     {"score", std::round(l.score * 1000) / 1000}});
    set_metadata(db, versions_key(doc_id), links.empty() ? std::string() : j.dump());
}

std::vector<StoredBead> read_alignment(const Xapian::Database& db, std::string_view from, std::string_view to) {
    json j = parsed(db.get_metadata(alignment_key(from, to)));
    std::vector<StoredBead> out;
    if (!j.is_array()) return out;
    bool swapped = to < from;
    for (const auto& b : j) {
        if (!b.is_array() || b.size() != 3 || !b[2].is_number()) continue;
        StoredBead bead{ordinals_of(b[0]), ordinals_of(b[1]), b[2].get<double>()};
        if (swapped) std::swap(bead.a, bead.b);
        if (!bead.a.empty() && !bead.b.empty()) out.push_back(std::move(bead));
    }
    std::sort(out.begin(), out.end(), [](const StoredBead& x, const StoredBead& y) { return x.a < y.a; });
    return out;
}

void write_alignment(Xapian::WritableDatabase& db, std::string_view doc_a, std::string_view doc_b,
                     const std::vector<StoredBead>& beads) {
    bool swapped = doc_b < doc_a;
    json j = json::array();
    for (const auto& b : beads)
        j.push_back(json::array({swapped ? b.b : b.a, swapped ? b.a : b.b, std::round(b.score * 1000) / 1000}));
    set_metadata(db, alignment_key(doc_a, doc_b), beads.empty() ? std::string() : j.dump());
}

std::vector<std::string> version_metadata_keys(const Xapian::Database& db) {
    std::vector<std::string> out;
    for (std::string_view prefix : {align_prefix, versions_prefix})
        for (auto it = db.metadata_keys_begin(std::string(prefix)); it != db.metadata_keys_end(std::string(prefix)); ++it)
            out.push_back(*it);
    return out;
}

std::vector<std::string> passage_ids_at(const Xapian::Database& db, std::string_view doc_id,
                                        const std::vector<std::uint32_t>& ordinals) {
    std::vector<std::string> out(ordinals.size());
    std::string parent = schema::term(schema::parent, doc_id);
    for (auto it = db.postlist_begin(parent); it != db.postlist_end(parent); ++it) {
        Xapian::Document d = db.get_document(*it);
        auto at = std::find(ordinals.begin(), ordinals.end(), read_ordinal(d));
        if (at != ordinals.end()) out[static_cast<std::size_t>(at - ordinals.begin())] = read_passage(d).id;
    }
    return out;
}

std::vector<AlignedPassage> aligned_passages(const Xapian::Database& db, const Passage& p) {
    std::vector<AlignedPassage> out;
    for (const auto& v : read_versions(db, p.doc_id)) {
        for (const auto& bead : read_alignment(db, p.doc_id, v.doc_id)) {
            if (std::find(bead.a.begin(), bead.a.end(), p.ordinal) == bead.a.end()) continue;
            AlignedPassage a{v.lang, v.doc_id, passage_ids_at(db, v.doc_id, bead.b), bead.b, bead.score};
            a.passage_ids.erase(std::remove(a.passage_ids.begin(), a.passage_ids.end(), ""), a.passage_ids.end());
            if (!a.passage_ids.empty()) out.push_back(std::move(a));
            break;
        }
    }
    return out;
}

} // namespace mahdar
