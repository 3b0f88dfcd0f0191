#include "write/speaker_pass.h"

#include "format/document_builder.h"
#include "format/schema.h"

#include <set>
#include <vector>

namespace mahdar {
namespace {

constexpr std::string_view joint = " | ";

std::vector<std::string> persons(const std::string& speaker) {
    std::vector<std::string> out;
    for (std::size_t start = 0;;) {
        std::size_t bar = speaker.find(joint, start);
        out.push_back(speaker.substr(start, bar == std::string::npos ? bar : bar - start));
        if (bar == std::string::npos)
            return out;
        start = bar + joint.size();
    }
}

std::string renamed(const std::string& speaker, const std::map<std::string, std::string>& names) {
    std::string out;
    for (const auto& person : persons(speaker)) {
        auto it = names.find(person);
        if (!out.empty())
            out += joint;
        out += it == names.end() ? person : it->second;
    }
    return out;
}

} // namespace

std::size_t unify_speakers(Xapian::WritableDatabase& db, const NameRules& rules) {
    std::set<std::string> names;
    for (auto v = db.valuestream_begin(schema::slot_speaker);
         v != db.valuestream_end(schema::slot_speaker); ++v)
        for (auto& person : persons(*v))
            names.insert(std::move(person));
    auto map = unify_names(std::vector<std::string>(names.begin(), names.end()), rules);
    if (map.empty())
        return 0;
    std::vector<std::pair<Xapian::docid, std::string>> changes;
    for (auto v = db.valuestream_begin(schema::slot_speaker);
         v != db.valuestream_end(schema::slot_speaker); ++v)
        if (std::string to = renamed(*v, map); to != *v)
            changes.emplace_back(v.get_docid(), *v);
    for (const auto& [id, from] : changes) {
        Xapian::Document doc = db.get_document(id);
        set_speaker(doc, renamed(from, map));
        db.replace_document(id, doc);
    }
    return changes.size();
}

} // namespace mahdar
