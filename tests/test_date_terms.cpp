// Date ranges as term queries: every bound, at day, month and year precision, selects exactly
// the passages a date comparison selects.
#include "format/date_terms.h"
#include "format/schema.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace mahdar;
namespace s = mahdar::schema;

TEST_CASE("A date range finds exactly the passages dated within it", "[searchd]") {
    test::TempDir tmp;
    Xapian::WritableDatabase db((tmp / "db").string(), Xapian::DB_CREATE);
    const std::vector<std::string> dates = {"20191231", "20200101", "20200229", "20200301", "20200315",
                                            "20200316", "20201130", "20201231", "20210101", "20220630", ""};
    for (const auto& d : dates) {
        Xapian::Document doc;
        doc.add_boolean_term(s::term(s::id, d.empty() ? "undated" : d));
        if (!d.empty()) {
            doc.add_boolean_term(s::term(s::date, d));
            doc.add_boolean_term(s::term(s::month, d.substr(0, 6)));
            doc.add_boolean_term(s::term(s::year, d.substr(0, 4)));
        }
        db.add_document(doc);
    }
    db.commit();
    const std::vector<std::pair<std::string, std::string>> ranges = {
        {"20200101", "20201231"}, {"20200315", "20200315"}, {"20200201", "20200331"},
        {"20200301", "20210101"}, {"20191231", "20200229"}, {"", "20200301"},
        {"20200316", ""},         {"", ""},                 {"20230101", "20231231"},
        {"20200302", "20200314"}, {"20201201", "20211231"}};
    for (const auto& [from, to] : ranges) {
        CAPTURE(from, to);
        std::set<Xapian::docid> want, got;
        for (std::size_t i = 0; i < dates.size(); ++i)
            if (!dates[i].empty() && (from.empty() || dates[i] >= from) && (to.empty() || dates[i] <= to))
                want.insert(static_cast<Xapian::docid>(i + 1));
        Xapian::Enquire e(db);
        e.set_query(date_range_query(db, from, to));
        Xapian::MSet mset = e.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it) got.insert(*it);
        CHECK(got == want);
    }
}
