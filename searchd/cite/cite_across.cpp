#include "cite/cite_across.h"

#include "format/record.h"
#include "format/schema.h"
#include "text/normalise.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace mahdar {
namespace {
namespace s = schema;

bool is_number(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// The text's content words (distinct analysed stems) and, for each, its translations into
// `targets`; a number is its own translation in every language.
struct Translated {
    std::size_t content_words = 0;
    std::vector<TranslatedTerm> terms;
};

Translated translate_text(Context& c, std::string_view text, Lang from, const std::vector<Lang>& targets) {
    Translated out;
    std::set<std::string> seen;
    const Lexicon& lexicon = *c.parser.lexicon();
    for (const WordToken& t : c.analyzer.analyse(text, from)) {
        if (t.function_word || t.stem.empty() || !seen.insert(t.stem).second) continue;
        ++out.content_words;
        if (is_number(t.word)) {
            for (Lang to : targets) out.terms.push_back({t.word, t.stem, to, 1.0});
            continue;
        }
        for (auto& tr : translations_of(t.word, c.analyzer, {lexicon, targets}, {})) out.terms.push_back(std::move(tr));
    }
    return out;
}

Xapian::Query any_language(const std::vector<Lang>& langs) {
    std::vector<Xapian::Query> q;
    for (Lang l : langs) q.emplace_back(s::term(s::lang, lang_code(l)));
    return Xapian::Query(Xapian::Query::OP_OR, q.begin(), q.end());
}

// The words of the text a passage holds a translation of, each once, in the text's order.
std::vector<TranslatedTerm> words_found(const std::vector<TranslatedTerm>& matched) {
    std::vector<TranslatedTerm> out;
    for (const auto& m : matched)
        if (std::none_of(out.begin(), out.end(), [&](const TranslatedTerm& o) { return o.word == m.word; }))
            out.push_back(m);
    return out;
}

} // namespace

std::vector<CiteMatch> cite_across(Context& c, std::string_view text, Lang from, const CiteOptions& options) {
    if (!c.parser.lexicon()) return {};
    std::vector<Lang> targets;
    for (Lang l : {Lang::ar, Lang::en, Lang::fr})
        if (l != from) targets.push_back(l);
    Translated t = translate_text(c, text, from, targets);
    if (t.terms.empty() || t.content_words < options.min_words) return {};
    std::vector<Xapian::Query> parts;
    for (const auto& term : t.terms) parts.push_back(translation_query(term));
    Xapian::Enquire e(c.db);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                              any_language(targets)));
    e.set_weighting_scheme(Xapian::BM25Weight(0, 0, 1, 0, 0.5)); // as cite(): each word once
    Xapian::MSet mset = e.get_mset(0, static_cast<Xapian::doccount>(options.candidates));
    std::vector<CiteMatch> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        CiteMatch m;
        m.passage = read_passage(doc);
        m.translated = words_found(matched_translations(doc, m.passage.lang.value_or(Lang::en), t.terms));
        double share = static_cast<double>(m.translated.size()) / static_cast<double>(t.content_words);
        if (share < min_translated_share || m.translated.size() < options.min_words) continue;
        m.translation = true;
        m.coverage = std::round(share * 1000) / 1000;
        m.score = static_cast<int>(m.translated.size());
        m.span_end = static_cast<std::uint32_t>(m.passage.text.size());
        m.span_end_u16 = utf16_offset(m.passage.text, m.span_end);
        std::optional<DocumentRecord> record = read_document_record(c.db, m.passage.doc_id);
        m.symbol = record ? record->symbol : std::string();
        out.push_back(std::move(m));
    }
    std::stable_sort(out.begin(), out.end(), [](const CiteMatch& a, const CiteMatch& b) { return a.coverage > b.coverage; });
    if (out.size() > options.max_matches) out.resize(options.max_matches);
    return out;
}

} // namespace mahdar
