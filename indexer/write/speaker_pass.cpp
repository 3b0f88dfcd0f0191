#include "write/speaker_pass.h"

#include "format/document_builder.h"
#include "format/record.h"
#include "format/schema.h"
#include "text/name_skeleton.h"

#include <map>
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

namespace {

bool two_words(const std::string& name) { return name.find(' ') != std::string::npos; }

// Arabic spelling → Latin spelling, for the Arabic-script speakers of `names` whose skeleton is
// that of exactly one Latin-script speaker.
std::map<std::string, std::string> script_pairs(const std::set<std::string>& names) {
    std::map<std::string, std::vector<std::string>> latin_by_skeleton;
    for (const auto& n : names)
        if (!is_arabic_name(n) && two_words(n)) latin_by_skeleton[name_skeleton(n)].push_back(n);
    std::map<std::string, std::string> out;
    for (const auto& n : names) {
        if (!is_arabic_name(n) || !two_words(n)) continue;
        std::string bare = without_inner_articles(n);
        for (const std::string& spelling : {n, bare}) {
            std::string skeleton = spelling.empty() ? "" : name_skeleton(spelling);
            auto it = latin_by_skeleton.find(skeleton);
            if (skeleton.size() >= 4 && it != latin_by_skeleton.end() && it->second.size() == 1) {
                out[n] = it->second.front();
                break;
            }
        }
    }
    return out;
}

// Gives the documents holding speaker term `holding` the speaker term `added` too.
std::size_t add_speaker_term(Xapian::WritableDatabase& db, const std::string& holding, const std::string& added) {
    std::set<Xapian::docid> have;
    for (auto it = db.postlist_begin(added); it != db.postlist_end(added); ++it) have.insert(*it);
    std::vector<Xapian::docid> ids;
    for (auto it = db.postlist_begin(holding); it != db.postlist_end(holding); ++it)
        if (!have.count(*it)) ids.push_back(*it);
    for (Xapian::docid id : ids) {
        Xapian::Document doc = db.get_document(id);
        doc.add_boolean_term(added);
        db.replace_document(id, doc);
    }
    return ids.size();
}

} // namespace

std::size_t link_speaker_scripts(Xapian::WritableDatabase& db) {
    std::set<std::string> names;
    for (auto v = db.valuestream_begin(schema::slot_speaker); v != db.valuestream_end(schema::slot_speaker); ++v)
        for (auto& person : persons(*v)) names.insert(std::move(person));
    std::map<std::string, std::string> to_latin = script_pairs(names);
    // Pairs of earlier runs, whose Arabic passages are counted under the Latin name already,
    // stay while the Latin name has passages.
    std::map<std::string, std::string> labels;
    for (const auto& [latin, arabic] : read_speaker_scripts(db))
        if (names.count(latin)) labels[latin] = arabic;
    std::vector<std::pair<Xapian::docid, std::string>> changes;
    for (auto v = db.valuestream_begin(schema::slot_speaker); v != db.valuestream_end(schema::slot_speaker); ++v)
        if (std::string to = renamed(*v, to_latin); to != *v) changes.emplace_back(v.get_docid(), to);
    std::size_t changed = changes.size();
    for (const auto& [id, to] : changes) {
        Xapian::Document doc = db.get_document(id);
        doc.add_value(schema::slot_speaker, to); // counted under the Latin name; text and term as written
        db.replace_document(id, doc);
    }
    for (const auto& [arabic, latin] : to_latin) {
        labels[latin] = arabic;
        std::string a = schema::term(schema::speaker, speaker_key(arabic)), l = schema::term(schema::speaker, speaker_key(latin));
        changed += add_speaker_term(db, a, l) + add_speaker_term(db, l, a);
    }
    write_speaker_scripts(db, labels);
    return changed;
}

} // namespace mahdar
