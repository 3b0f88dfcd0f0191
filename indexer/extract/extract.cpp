#include "extract/extract.h"

#include <algorithm>

namespace mahdar {
namespace {

// JSON Lines documents (no line numbers) have no header to read a meeting date from.
bool has_header(const Document& doc) {
    return std::any_of(doc.passages.begin(), doc.passages.end(),
                       [](const Passage& p) { return p.line > 0; });
}

void add_countries(std::vector<std::string>& to, const std::vector<std::string>& more) {
    to.insert(to.end(), more.begin(), more.end());
    std::sort(to.begin(), to.end());
    to.erase(std::unique(to.begin(), to.end()), to.end());
}

} // namespace

Extractor::Extractor(const ReferenceData& data)
    : countries_(data), objectives_(data), dates_(data), speakers_(data, countries_) {}

void Extractor::extract(Document& doc) const {
    if (!doc.given.date && doc.date.empty() && has_header(doc))
        doc.date = dates_.meeting_date(doc);
    std::vector<Tokens> tokens;
    for (const auto& p : doc.passages)
        tokens.push_back(scan_tokens(p.text));
    std::vector<SpeakerInfo> speakers = speakers_.extract(doc, tokens);
    for (std::size_t i = 0; i < doc.passages.size(); ++i) {
        Passage& p = doc.passages[i];
        const Tokens& t = tokens[i];
        GivenFields given = i < doc.passage_given.size() ? doc.passage_given[i] : GivenFields{};
        Lang lang = p.lang.value_or(doc.lang.value_or(Lang::en));
        const SpeakerInfo& s = speakers[i];
        if (!given.speaker && p.speaker.empty() && !s.speaker.empty()) {
            p.speaker = s.speaker;
            if (p.affiliation.empty())
                p.affiliation = s.affiliation;
            if (p.role.empty())
                p.role = s.role;
        }
        if (!given.objectives && p.objectives.empty())
            p.objectives = objectives_.find(p.text, t, lang);
        if (!given.countries && p.countries.empty()) {
            p.countries =
                countries_.codes(p.text, t, lang, speakers_.person_spans(p.text, t, lang));
            if (p.speaker == s.speaker)
                add_countries(p.countries, s.countries);
        }
    }
}

} // namespace mahdar
