#include "search/version_groups.h"

#include "format/record.h"
#include "format/schema.h"
#include "format/versions.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace mahdar {
namespace {

// A paragraph of one version: the document and the passage's ordinal in it.
using Place = std::pair<std::string, std::uint32_t>;

struct Member {
    Place place;
    Lang lang;
};

// The stored alignments one request reads, each once: many hits share documents.
class Alignments {
  public:
    explicit Alignments(const Xapian::Database& db) : db_(db) {}

    // The places `p` is aligned with in its document's other versions.
    std::vector<Place> aligned_with(const Place& p) {
        std::vector<Place> out;
        for (const auto& v : versions(p.first)) {
            for (const auto& bead : beads(p.first, v.doc_id)) {
                if (std::find(bead.a.begin(), bead.a.end(), p.second) == bead.a.end()) continue;
                for (std::uint32_t o : bead.b) out.emplace_back(v.doc_id, o);
                break;
            }
        }
        return out;
    }

  private:
    const std::vector<VersionLink>& versions(const std::string& doc) {
        auto it = versions_.find(doc);
        if (it == versions_.end()) it = versions_.emplace(doc, read_versions(db_, doc)).first;
        return it->second;
    }
    const std::vector<StoredBead>& beads(const std::string& from, const std::string& to) {
        auto key = std::make_pair(from, to);
        auto it = beads_.find(key);
        if (it == beads_.end()) it = beads_.emplace(key, read_alignment(db_, from, to)).first;
        return it->second;
    }

    const Xapian::Database& db_;
    std::map<std::string, std::vector<VersionLink>> versions_;
    std::map<std::pair<std::string, std::string>, std::vector<StoredBead>> beads_;
};

// A group being formed: its hits and the paragraphs they are.
struct Forming {
    VersionGroup hits;
    std::vector<Member> members;
    bool has(Lang l) const {
        return std::any_of(members.begin(), members.end(), [&](const Member& m) { return m.lang == l; });
    }
};

Member member_of(const Passage& p) { return {{p.doc_id, p.ordinal}, p.lang.value_or(Lang::en)}; }

// Groups in rank order: a hit joins the first group holding a paragraph aligned with it and
// none in its language.
std::vector<Forming> form_groups(const Xapian::Database& db, const std::vector<RankedHit>& ranked, Alignments& alignments) {
    std::vector<Forming> groups;
    std::map<Place, std::size_t> group_of; // every member's place
    for (const RankedHit& hit : ranked) {
        Member m = member_of(read_passage(db.get_document(hit.id)));
        std::optional<std::size_t> joined;
        for (const Place& other : alignments.aligned_with(m.place)) {
            auto g = group_of.find(other);
            if (g != group_of.end() && !groups[g->second].has(m.lang)) {
                joined = g->second;
                break;
            }
        }
        if (joined) {
            groups[*joined].hits.versions.push_back(hit);
        } else {
            joined = groups.size();
            groups.push_back({{hit, {}}, {}});
        }
        groups[*joined].members.push_back(m);
        group_of.emplace(m.place, *joined);
    }
    return groups;
}

// The passage at a place, as a query: its document's term and its ordinal's value.
Xapian::Query at(const Place& p) {
    std::string ordinal = Xapian::sortable_serialise(p.second);
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(schema::term(schema::parent, p.first)),
                         Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_ordinal, ordinal, ordinal));
}

// Adds to each group the matching versions of its lead's paragraph that ranked past the window:
// one query for the page, restricted to those paragraphs.
void complete(const Xapian::Database& db, const Xapian::Query& query, std::vector<Forming>& page, Alignments& alignments) {
    std::map<Place, std::size_t> wanted; // place → group
    for (std::size_t g = 0; g < page.size(); ++g)
        for (const Place& p : alignments.aligned_with(page[g].members.front().place))
            if (std::none_of(page[g].members.begin(), page[g].members.end(), [&](const Member& m) { return m.place == p; }))
                wanted.emplace(p, g);
    if (wanted.empty()) return;
    std::vector<Xapian::Query> places;
    for (const auto& [p, g] : wanted) places.push_back(at(p));
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_OR, places.begin(), places.end())));
    Xapian::MSet mset = e.get_mset(0, static_cast<Xapian::doccount>(wanted.size()));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Member m = member_of(read_passage(it.get_document()));
        auto w = wanted.find(m.place);
        if (w == wanted.end() || page[w->second].has(m.lang)) continue;
        page[w->second].hits.versions.push_back({*it, it.get_weight()});
        page[w->second].members.push_back(m);
    }
}

} // namespace

std::vector<VersionGroup> group_versions(const Xapian::Database& db, const Xapian::Query& query,
                                         const std::vector<RankedHit>& ranked, std::size_t first, std::size_t count) {
    Alignments alignments(db);
    std::vector<Forming> groups = form_groups(db, ranked, alignments);
    std::vector<Forming> page;
    for (std::size_t g = first; g < groups.size() && g < first + count; ++g) page.push_back(std::move(groups[g]));
    complete(db, query, page, alignments);
    std::vector<VersionGroup> out;
    for (auto& g : page) out.push_back(std::move(g.hits));
    return out;
}

} // namespace mahdar
