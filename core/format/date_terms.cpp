#include "format/date_terms.h"

#include "format/schema.h"

#include <vector>

namespace mahdar {
namespace s = schema;
namespace {

// The values of the database's terms with `prefix` (the prefix removed), in order.
std::vector<std::string> values_with(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::string> out;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
        out.push_back((*t).substr(prefix.size()));
    return out;
}

} // namespace

Xapian::Query date_range_query(const Xapian::Database& db, const std::string& from, const std::string& to) {
    const std::string lo = from.empty() ? "00000000" : from, hi = to.empty() ? "99999999" : to;
    std::vector<Xapian::Query> parts;
    for (const auto& year : values_with(db, std::string(s::year))) {
        if (year + "1231" < lo || year + "0101" > hi) continue;
        if (year + "0101" >= lo && year + "1231" <= hi) {
            parts.emplace_back(s::term(s::year, year));
            continue;
        }
        for (const auto& month : values_with(db, std::string(s::month) + year)) {
            std::string ym = year + month;
            if (ym + "31" < lo || ym + "01" > hi) continue;
            if (ym + "01" >= lo && ym + "31" <= hi) {
                parts.emplace_back(s::term(s::month, ym));
                continue;
            }
            for (const auto& day : values_with(db, std::string(s::date) + ym)) {
                std::string date = ym + day;
                if (date >= lo && date <= hi) parts.emplace_back(s::term(s::date, date));
            }
        }
    }
    if (parts.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

} // namespace mahdar
