#include "format/document_builder.h"

#include "common/dates.h"
#include "format/record.h"
#include "format/schema.h"
#include "text/normalise.h"

namespace mahdar {

std::string speaker_key(std::string_view name) {
    std::string key;
    for (char c : word_key(name)) {
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

namespace {
namespace s = schema;

// Positional words, their pairs, and Z stems at the word's position (a quoted phrase also
// matches across inflection and clitics: query_parser.h).
void add_words(Xapian::Document& doc, const std::string& text, Lang lang, Analyzer& analyzer,
               std::vector<std::string>* words) {
    Xapian::termpos pos = 0;
    std::string previous; // the word at pos, for the pair it may make with the next
    for (const auto& t : analyzer.analyse(text, lang)) {
        if (t.word.size() > 200) continue; // Xapian's term length limit is 245 bytes
        doc.add_posting(t.word, ++pos);
        std::string pair = s::word_pair(previous, t.word, analyzer.lists());
        if (!pair.empty()) doc.add_term(pair, 0); // wdf 0: passage lengths, so rankings, stay as they were
        previous = t.word;
        if (words && t.word.size() >= 3 && !t.stem.empty()) words->push_back(t.word);
        // Numbers have no stem; function words of the passage's language none worth searching
        // (the parser asks for none).
        if (t.stem.empty() || (t.function_word && analyzer.lists().is_stopword(t.word, lang))) continue;
        doc.add_posting(std::string(s::stem) + t.stem, pos);
        for (const auto& v : t.variants) doc.add_posting(std::string(s::stem) + v, pos);
    }
}

// The boolean filter terms: id, parent, language, date, speakers, countries, objectives, symbol.
void add_filters(Xapian::Document& doc, const Passage& p, Lang lang, const std::string& compact_date) {
    doc.add_boolean_term(s::term(s::id, p.id));
    doc.add_boolean_term(s::term(s::parent, p.doc_id));
    doc.add_boolean_term(s::term(s::lang, lang_code(lang)));
    if (!compact_date.empty()) {
        doc.add_boolean_term(s::term(s::date, compact_date));
        doc.add_boolean_term(s::term(s::month, compact_date.substr(0, 6)));
        doc.add_boolean_term(s::term(s::year, compact_date.substr(0, 4)));
    }
    for (const auto& person : joint_speakers(p.speaker)) doc.add_boolean_term(s::term(s::speaker, speaker_key(person)));
    for (const auto& c : p.countries) doc.add_boolean_term(s::term(s::country, c));
    for (int o : p.objectives) doc.add_boolean_term(s::term(s::objective, std::to_string(o)));
    if (!p.symbol.empty()) doc.add_boolean_term(s::term(s::symbol, p.symbol));
}

// The value slots, encoded as schema.h describes them.
void add_values(Xapian::Document& doc, const Passage& p, Lang lang, const std::string& compact_date) {
    std::string countries, objectives;
    for (const auto& c : p.countries) countries += c;
    for (int o : p.objectives) objectives += static_cast<char>(o);
    doc.add_value(s::slot_date, compact_date);
    doc.add_value(s::slot_doc, p.doc_id);
    doc.add_value(s::slot_ordinal, Xapian::sortable_serialise(p.ordinal));
    doc.add_value(s::slot_speaker, p.speaker);
    doc.add_value(s::slot_countries, countries);
    doc.add_value(s::slot_objectives, objectives);
    doc.add_value(s::slot_lang, std::string(lang_code(lang)));
    if (!p.symbol.empty()) doc.add_value(s::slot_symbol, p.symbol);
}

} // namespace

Xapian::Document build_document(const Passage& p, Analyzer& analyzer, std::vector<std::string>* words) {
    Xapian::Document doc;
    Lang lang = p.lang.value_or(Lang::en);
    std::string compact_date = mahdar::compact_date(p.date);
    add_words(doc, p.text, lang, analyzer, words);
    add_filters(doc, p, lang, compact_date);
    add_values(doc, p, lang, compact_date);
    doc.set_data(encode_passage(p));
    return doc;
}

void set_speaker(Xapian::Document& doc, const std::string& speaker) {
    Passage p = read_passage(doc);
    for (const auto& person : joint_speakers(doc.get_value(s::slot_speaker))) {
        try {
            doc.remove_term(s::term(s::speaker, speaker_key(person)));
        } catch (const Xapian::InvalidArgumentError&) { // two people with one key: removed already
        }
    }
    for (const auto& person : joint_speakers(speaker)) doc.add_boolean_term(s::term(s::speaker, speaker_key(person)));
    doc.add_value(s::slot_speaker, speaker);
    p.speaker = speaker;
    doc.set_data(encode_passage(p));
}

} // namespace mahdar
