#include "search/translate.h"

#include "format/schema.h"

#include <algorithm>
#include <sstream>

namespace mahdar {

std::vector<TranslatedTerm> translations_of(std::string_view raw, Analyzer& analyzer, const TranslationScope& scope,
                                            const std::vector<std::string>& own_terms) {
    std::vector<TranslatedTerm> found;
    for (Lang from : word_languages(raw, std::nullopt)) {
        WordToken t = analyzer.analyse_word(raw, from);
        if (t.stem.empty() || t.function_word) continue;
        std::vector<std::string> keys = {t.stem};
        keys.insert(keys.end(), t.variants.begin(), t.variants.end());
        for (Lang to : scope.targets)
            for (const auto& key : keys)
                for (const Translation& tr : scope.lexicon.translations(key, from, to)) {
                    std::string z = std::string(schema::stem) + tr.term;
                    if (std::find(own_terms.begin(), own_terms.end(), z) != own_terms.end()) continue;
                    auto same = std::find_if(found.begin(), found.end(), [&](const TranslatedTerm& f) {
                        return f.lang == to && f.translation == tr.term;
                    });
                    if (same == found.end()) found.push_back({std::string(raw), tr.term, to, tr.weight});
                    else same->weight = std::max(same->weight, tr.weight);
                }
    }
    // The heaviest first, then at most max_translations per language: a Latin word looked up
    // as English and as French must not get twice as many.
    std::stable_sort(found.begin(), found.end(),
                     [](const TranslatedTerm& a, const TranslatedTerm& b) { return a.weight > b.weight; });
    std::vector<TranslatedTerm> out;
    for (const auto& f : found) {
        auto n = std::count_if(out.begin(), out.end(), [&](const TranslatedTerm& o) { return o.lang == f.lang; });
        if (static_cast<std::size_t>(n) < Lexicon::max_translations) out.push_back(f);
    }
    return out;
}

std::vector<std::string> translation_terms(const TranslatedTerm& t) {
    std::vector<std::string> out;
    std::istringstream in(t.translation);
    for (std::string stem; in >> stem;) out.push_back(std::string(schema::stem) + stem);
    return out;
}

Xapian::Query translation_query(const TranslatedTerm& t) {
    std::vector<std::string> terms = translation_terms(t);
    if (terms.size() == 1) return Xapian::Query(terms.front());
    return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size() + 2));
}

std::vector<TranslatedTerm> matched_translations(const Xapian::Document& doc, Lang lang,
                                                 const std::vector<TranslatedTerm>& query) {
    std::vector<TranslatedTerm> out;
    for (const auto& t : query) {
        if (t.lang != lang) continue;
        bool all = true;
        for (const auto& term : translation_terms(t)) {
            auto it = doc.termlist_begin();
            it.skip_to(term);
            all = all && it != doc.termlist_end() && *it == term;
        }
        if (all) out.push_back(t);
    }
    return out;
}

} // namespace mahdar
