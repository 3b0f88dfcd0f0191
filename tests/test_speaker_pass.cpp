// The indexer's cross-document speaker pass on a real (temporary) Xapian database.
#include "format/document_builder.h"
#include "format/schema.h"
#include "support.h"
#include "text/analyzer.h"
#include "write/speaker_pass.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mahdar;

TEST_CASE("Shorter forms of one person's name become the fuller form across documents",
          "[speakers][index]") {
    static const ReferenceData data;
    NameRules rules(data);
    test::TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    Analyzer analyzer{test::word_lists()};
    const char* const speakers[] = {"El Sherbiny",
                                    "Nadia El Sherbiny",
                                    "Tarek Haddad | El Sherbiny",
                                    "Hammouda",
                                    "Ghada Hammouda",
                                    "Mohamed Hammouda",
                                    ""};
    int i = 0;
    for (const char* s : speakers) {
        Passage p;
        p.id = "d" + std::to_string(i++);
        p.doc_id = p.id;
        p.text = "Text.";
        p.speaker = s;
        db.replace_document(schema::term(schema::id, p.id), build_document(p, analyzer));
    }
    CHECK(unify_speakers(db, rules) == 2);
    db.commit();
    auto speaker_of = [&db](const std::string& id) {
        Xapian::PostingIterator it = db.postlist_begin(schema::term(schema::id, id));
        Xapian::Document doc = db.get_document(*it);
        auto data = nlohmann::json::parse(doc.get_data());
        CHECK(data["speaker"].get<std::string>() == doc.get_value(schema::slot_speaker));
        for (const auto& person : joint_speakers(doc.get_value(schema::slot_speaker)))
            CHECK(db.term_exists(schema::term(schema::speaker, speaker_key(person))));
        return doc.get_value(schema::slot_speaker);
    };
    CHECK(speaker_of("d0") == "Nadia El Sherbiny");
    CHECK(speaker_of("d2") == "Tarek Haddad | Nadia El Sherbiny");
    CHECK(speaker_of("d3") == "Hammouda"); // two people could be meant
    CHECK_FALSE(db.term_exists(schema::term(schema::speaker, speaker_key("El Sherbiny"))));
    CHECK(unify_speakers(db, rules) == 0);
}
