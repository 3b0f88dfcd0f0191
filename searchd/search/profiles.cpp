#include "search/profiles.h"

#include "format/document_builder.h"
#include "format/record.h"
#include "format/schema.h"

#include <algorithm>
#include <map>
#include <set>

namespace mahdar {
namespace s = schema;

CrossTable crosstab(Context& c, const CrossRequest& r, const Labels& labels) {
    CrossCounter counter(r.rows, r.cols, c.columns);
    Xapian::Query q = request_query(c.db, r.search);
    std::optional<DocBits> bits;
    if (c.columns) bits = match_bits(c.db, q, &c.columns->present);
    if (bits) {
        counter.count(*bits);
    } else { // an operator match_bits does not evaluate, or no columns: through the matcher
        Xapian::Enquire e(c.db);
        e.set_query(q);
        e.set_weighting_scheme(Xapian::BoolWeight());
        counter.attach(e);
        e.get_mset(0, 0, c.db.get_doccount());
    }
    return counter.table(labels, r.search.ui, r.limit);
}

namespace {

std::vector<Tally> by_count(const std::map<std::string, std::size_t>& counts) {
    std::vector<Tally> out;
    for (const auto& [value, n] : counts)
        if (!value.empty()) out.push_back({value, n});
    std::stable_sort(out.begin(), out.end(), [](const Tally& a, const Tally& b) { return a.count > b.count; });
    return out;
}

// The facet value a speaker filter by `key` stands for, and its Arabic spelling: a linked pair
// when either spelling has that key, else the most frequent of the passages' speaker values
// that has it (`values`: speaker value slot → passages).
std::pair<std::string, std::string> person_of(const std::string& key, const std::map<std::string, std::size_t>& values,
                                               const std::map<std::string, std::string>& scripts) {
    for (const auto& [latin, arabic] : scripts)
        if (speaker_key(latin) == key || speaker_key(arabic) == key) return {latin, arabic};
    std::map<std::string, std::size_t> people;
    for (const auto& [raw, n] : values)
        for (const auto& person : joint_speakers(raw))
            if (speaker_key(person) == key) people[person] += n;
    auto best = by_count(people);
    return {best.empty() ? std::string() : best.front().value, ""};
}

} // namespace

Result<SpeakerProfile> speaker_profile(Context& c, const std::string& name, Lang ui) {
    std::string key = speaker_key(name);
    std::string term = s::term(s::speaker, key);
    SpeakerProfile out;
    std::map<std::string, std::size_t> values, spellings, affiliations, roles;
    std::set<std::string> documents;
    for (auto it = c.db.postlist_begin(term); it != c.db.postlist_end(term); ++it) {
        Xapian::Document d = c.db.get_document(*it);
        Passage p = read_passage(d);
        ++values[d.get_value(s::slot_speaker)];
        ++spellings[p.speaker];
        ++affiliations[p.affiliation];
        ++roles[p.role];
        documents.insert(p.doc_id);
        if (!p.date.empty() && (out.first_date.empty() || p.date < out.first_date)) out.first_date = p.date;
        if (!p.date.empty() && p.date > out.last_date) out.last_date = p.date;
        ++out.passages;
    }
    if (!out.passages) return not_found("no passage has the speaker \"" + name + "\"");
    std::tie(out.name, out.arabic) =
        person_of(key, values, c.columns ? c.columns->speaker_arabic : read_speaker_scripts(c.db));
    if (out.name.empty()) out.name = name;
    out.label = ui == Lang::ar && !out.arabic.empty() ? out.arabic : out.name;
    out.spellings = by_count(spellings);
    out.affiliations = by_count(affiliations);
    out.roles = by_count(roles);
    out.documents = documents.size();
    return out;
}

} // namespace mahdar
