#include "format/document_builder.h"

#include "common/dates.h"
#include "format/schema.h"
#include "text/normalise.h"

#include <nlohmann/json.hpp>

namespace mahdar {
using json = nlohmann::json;

std::string speaker_key(std::string_view name) {
    std::string key;
    for (char c : fold_accents(normalise_word(name))) {
        bool space = c == ' ' || c == '.' || c == '-' || c == '\'' || c == ',';
        if (space) {
            if (!key.empty() && key.back() != '_') key += '_';
        } else {
            key += c;
        }
    }
    while (!key.empty() && key.back() == '_') key.pop_back();
    return key.substr(0, 200);
}

std::vector<std::string> joint_speakers(std::string_view speaker) {
    std::vector<std::string> out;
    while (!speaker.empty()) {
        size_t bar = speaker.find(" | ");
        std::string_view one = speaker.substr(0, bar);
        if (!one.empty()) out.emplace_back(one);
        if (bar == std::string_view::npos) break;
        speaker.remove_prefix(bar + 3);
    }
    return out;
}

Xapian::Document build_document(const Passage& p, Analyzer& analyzer, std::vector<std::string>* words) {
    namespace s = schema;
    Xapian::Document doc;
    Xapian::termpos pos = 0;
    Lang lang = p.lang.value_or(Lang::en);
    std::string previous; // the word at pos, for the pair it may make with the next
    for (const auto& t : analyzer.analyse(p.text, lang)) {
        if (t.word.size() > 200) continue; // Xapian's term length limit is 245 bytes
        doc.add_posting(t.word, ++pos);
        std::string pair = s::word_pair(previous, t.word);
        if (!pair.empty()) doc.add_term(pair, 0); // wdf 0: passage lengths, so rankings, stay as they were
        previous = t.word;
        if (words && t.word.size() >= 3 && !t.stem.empty()) words->push_back(t.word);
        // Numbers have no stem; function words of the passage's language none worth searching
        // (the parser asks for none).
        if (t.stem.empty() || is_stopword(t.word, lang)) continue;
        doc.add_term(std::string(s::stem) + t.stem);
    }
    doc.add_boolean_term(s::term(s::id, p.id));
    doc.add_boolean_term(s::term(s::parent, p.doc_id));
    doc.add_boolean_term(s::term(s::lang, lang_code(lang)));
    std::string compact_date = mahdar::compact_date(p.date);
    if (!compact_date.empty()) {
        doc.add_boolean_term(s::term(s::date, compact_date));
        doc.add_boolean_term(s::term(s::month, compact_date.substr(0, 6)));
        doc.add_boolean_term(s::term(s::year, compact_date.substr(0, 4)));
    }
    for (const auto& person : joint_speakers(p.speaker)) doc.add_boolean_term(s::term(s::speaker, speaker_key(person)));
    std::string countries, objectives;
    for (const auto& c : p.countries) {
        doc.add_boolean_term(s::term(s::country, c));
        countries += c;
    }
    for (int o : p.objectives) {
        doc.add_boolean_term(s::term(s::objective, std::to_string(o)));
        objectives += static_cast<char>(o);
    }
    doc.add_value(s::slot_date, compact_date);
    doc.add_value(s::slot_doc, p.doc_id);
    doc.add_value(s::slot_ordinal, Xapian::sortable_serialise(p.ordinal));
    doc.add_value(s::slot_speaker, p.speaker);
    doc.add_value(s::slot_countries, countries);
    doc.add_value(s::slot_objectives, objectives);
    doc.add_value(s::slot_lang, std::string(lang_code(lang)));
    doc.set_data(passage_json(p).dump());
    return doc;
}

json passage_json(const Passage& p) {
    json j = {{"id", p.id},
              {"doc_id", p.doc_id},
              {"doc_title", p.doc_title},
              {"ordinal", p.ordinal},
              {"line", p.line},
              {"para", p.para.empty() ? json(nullptr) : json(p.para)},
              {"section", p.section},
              {"speaker", p.speaker.empty() ? json(nullptr) : json(p.speaker)},
              {"affiliation", p.affiliation.empty() ? json(nullptr) : json(p.affiliation)},
              {"role", p.role.empty() ? json(nullptr) : json(p.role)},
              {"countries", p.countries},
              {"objectives", p.objectives},
              {"date", p.date.empty() ? json(nullptr) : json(p.date)},
              {"lang", lang_code(p.lang.value_or(Lang::en))},
              {"text", p.text}};
    return j;
}

Passage passage_from_json(const json& j) {
    Passage p;
    auto str = [&j](const char* k) {
        auto it = j.find(k);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    p.id = str("id");
    p.doc_id = str("doc_id");
    p.doc_title = str("doc_title");
    p.ordinal = j.value("ordinal", 0u);
    p.line = j.value("line", 0u);
    p.para = str("para");
    p.section = str("section");
    p.speaker = str("speaker");
    p.affiliation = str("affiliation");
    p.role = str("role");
    p.countries = j.value("countries", std::vector<std::string>{});
    p.objectives = j.value("objectives", std::vector<int>{});
    p.date = str("date");
    p.lang = parse_lang(str("lang"));
    p.text = str("text");
    return p;
}

} // namespace mahdar
