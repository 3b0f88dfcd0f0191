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

// The text's content words (distinct analysed stems), each with its translations into `targets`
// and its weight: the rarest of them in the index, as inverse document frequency. A number, and
// a word in a language of the same script, is its own translation too (names, "Maghreb"). A word
// none of whose translations is in the index says nothing either way and is left out.
struct Translated {
    double total_weight = 0;
    std::map<std::string, double> weight; ///< by word as written (TranslatedTerm::word)
    std::vector<TranslatedTerm> terms;
};

bool same_script(Lang a, Lang b) { return (a == Lang::ar) == (b == Lang::ar); }

double idf(const Xapian::Database& db, const TranslatedTerm& t) {
    std::vector<std::string> terms = translation_terms(t);
    double n = db.get_doccount();
    Xapian::doccount df = terms.empty() ? 0 : db.get_termfreq(terms.front());
    return df == 0 ? 0 : std::log((n + 1) / df);
}

Translated translate_text(Context& c, std::string_view text, Lang from, const std::vector<Lang>& targets) {
    Translated out;
    std::set<std::string> seen;
    const Lexicon& lexicon = *c.parser.lexicon();
    for (const WordToken& t : c.analyzer.analyse(text, from)) {
        if (t.function_word || t.stem.empty() || !seen.insert(t.stem).second) continue;
        std::vector<TranslatedTerm> found;
        for (Lang to : targets)
            if (is_number(t.word) || same_script(from, to)) found.push_back({t.word, t.stem, to, 1.0});
        if (!is_number(t.word))
            for (auto& tr : translations_of(t.word, c.analyzer, {lexicon, targets}, {})) found.push_back(std::move(tr));
        double w = 0;
        for (const auto& f : found) w = std::max(w, idf(c.db, f));
        if (w == 0) continue;
        out.weight[t.word] = w;
        out.total_weight += w;
        for (auto& f : found) out.terms.push_back(std::move(f));
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

// The other direction: of the passage's content words in its best window of `width` words, the
// weighed share that are translations the text asked for (`wanted` Z terms). A translation
// holds few words the text does not; a passage on the same subject holds many.
double reverse_share(Context& c, const Passage& p, const std::set<std::string>& wanted, std::size_t width) {
    std::vector<std::pair<double, bool>> words; // weight, wanted
    double n = c.db.get_doccount();
    for (const WordToken& t : c.analyzer.analyse(p.text, p.lang.value_or(Lang::en))) {
        if (t.function_word || t.stem.empty()) continue;
        std::string z = std::string(s::stem) + t.stem;
        Xapian::doccount df = c.db.get_termfreq(z);
        bool hit = wanted.count(z) > 0;
        for (const auto& v : t.variants) hit = hit || wanted.count(std::string(s::stem) + v) > 0;
        words.emplace_back(std::log((n + 1) / std::max<Xapian::doccount>(df, 1)), hit);
    }
    double best = 0;
    for (std::size_t b = 0; b < words.size(); ++b) {
        double all = 0, found = 0;
        for (std::size_t k = b; k < words.size() && k < b + width; ++k) {
            all += words[k].first;
            if (words[k].second) found += words[k].first;
        }
        if (all > 0) best = std::max(best, found / all);
        if (b + width >= words.size()) break;
    }
    return best;
}

} // namespace

std::vector<CiteMatch> cite_across(Context& c, std::string_view text, Lang from, const CiteOptions& options) {
    if (!c.parser.lexicon()) return {};
    std::vector<Lang> targets;
    for (Lang l : {Lang::ar, Lang::en, Lang::fr})
        if (l != from) targets.push_back(l);
    Translated t = translate_text(c, text, from, targets);
    if (t.weight.size() < options.min_words) return {};
    std::vector<Xapian::Query> parts;
    for (const auto& term : t.terms) parts.push_back(translation_query(term));
    Xapian::Enquire e(c.db);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                              any_language(targets)));
    e.set_weighting_scheme(Xapian::BM25Weight(0, 0, 1, 0, 0.5)); // as cite(): each word once
    Xapian::MSet mset = e.get_mset(0, static_cast<Xapian::doccount>(options.candidates));
    std::set<std::string> wanted;
    for (const auto& term : t.terms)
        for (auto& z : translation_terms(term)) wanted.insert(std::move(z));
    std::size_t width = t.weight.size() * 3 / 2 + 2; // a translation's length, and some
    std::vector<CiteMatch> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        CiteMatch m;
        m.passage = read_passage(doc);
        m.translated = words_found(matched_translations(doc, m.passage.lang.value_or(Lang::en), t.terms));
        double found = 0;
        for (const auto& w : m.translated) found += t.weight[w.word];
        double share = found / t.total_weight;
        if (share < min_translated_share || m.translated.size() < options.min_words) continue;
        double score = std::sqrt(share * reverse_share(c, m.passage, wanted, width));
        if (score < min_translation_score) continue;
        m.translation = true;
        m.coverage = std::round(score * 1000) / 1000;
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
