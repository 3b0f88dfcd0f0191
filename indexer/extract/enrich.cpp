#include "extract/enrich.h"

#include "extract/extract.h"
#include "text/langid.h"

#include <array>

namespace mahdar {

void enrich(Document& doc, const Extractor* extractor) {
    std::array<int, 3> votes{};
    for (size_t i = 0; i < doc.passages.size(); ++i) {
        Passage& p = doc.passages[i];
        if (!p.lang) p.lang = doc.given.lang ? doc.lang : detect_language(p.text);
        ++votes[static_cast<size_t>(*p.lang)];
    }
    if (!doc.lang) {
        size_t best = 0;
        for (size_t l = 1; l < votes.size(); ++l)
            if (votes[l] > votes[best]) best = l;
        doc.lang = static_cast<Lang>(best);
    }
    if (extractor) extractor->extract(doc);
    for (size_t i = 0; i < doc.passages.size(); ++i) {
        Passage& p = doc.passages[i];
        bool given_date = i < doc.passage_given.size() && doc.passage_given[i].date;
        if (!given_date && p.date.empty()) p.date = doc.date;
    }
}

} // namespace mahdar
