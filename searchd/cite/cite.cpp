#include "cite/cite.h"

#include "cite/cite_across.h"

#include "format/record.h"
#include "format/schema.h"
#include "search/query_parser.h"
#include "text/langid.h"
#include "text/normalise.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace mahdar {
namespace {
namespace s = schema;

bool is_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

KnownWord index_lexicon(Xapian::Database& db) {
    return [&db](std::string_view key) { return db.term_exists(std::string(key)); };
}

// The index term of each word of the text, as analysed by the rules of the text's language
// (or, when it is not given, of each language word_languages() says it may be in), with its
// frequency; 0 when not indexed.
std::vector<std::pair<std::string, Xapian::doccount>>
index_terms(Context& c, const std::vector<QuoteWord>& words, std::optional<Lang> lang) {
    std::vector<std::pair<std::string, Xapian::doccount>> out;
    for (const auto& w : words) {
        std::pair<std::string, Xapian::doccount> best;
        for (Lang l : word_languages(w.key, lang)) {
            std::string t = c.analyzer.analyse_word(w.key, l).word;
            Xapian::doccount df = t.empty() || t.size() > 200 ? 0 : c.db.get_termfreq(t);
            if (df > best.second) best = {std::move(t), df};
        }
        out.push_back(std::move(best));
    }
    return out;
}

// The rarest indexed words (stopwords only when nothing else is left).
std::vector<Xapian::Query>
rare_words(const std::vector<std::pair<std::string, Xapian::doccount>>& terms,
           std::size_t max_terms, const WordLists& lists) {
    std::set<std::pair<Xapian::doccount, std::string>> rare, common;
    for (const auto& [t, df] : terms)
        if (df > 0) (lists.is_stopword(t) ? common : rare).emplace(df, t);
    if (rare.empty()) rare = std::move(common);
    std::vector<Xapian::Query> out;
    for (const auto& [df, t] : rare)
        if (out.size() < max_terms) out.emplace_back(t);
    return out;
}

// Adjacent word pairs as phrases, spread evenly over the text: they rank the passages that
// hold the text's wording first even when all its words are common ("this is a").
std::vector<Xapian::Query>
word_pairs(const std::vector<std::pair<std::string, Xapian::doccount>>& terms,
           const std::vector<QuoteWord>& words, std::size_t max_pairs, WordPairs indexed,
           const WordLists& lists) {
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 1; i < terms.size(); ++i) {
        if (words[i].after_ellipsis || terms[i - 1].second == 0 || terms[i].second == 0) continue;
        if (lists.is_stopword(terms[i - 1].first) && lists.is_stopword(terms[i].first))
            continue; // costly, says little
        pairs.push_back(adjacent_words(terms[i - 1].first, terms[i].first, indexed, lists));
    }
    if (pairs.size() <= max_pairs) return pairs;
    std::vector<Xapian::Query> spread;
    for (std::size_t k = 0; k < max_pairs; ++k)
        spread.push_back(pairs[k * pairs.size() / max_pairs]);
    return spread;
}

std::optional<Xapian::Query> candidate_query(Context& c, const std::vector<QuoteWord>& words,
                                             const CiteRequest& r, const CiteOptions& options) {
    auto terms = index_terms(c, words, r.lang);
    std::vector<Xapian::Query> parts = rare_words(terms, options.query_terms, c.analyzer.lists());
    if (parts.empty()) return std::nullopt;
    for (auto& q : word_pairs(terms, words, options.query_pairs, c.parser.word_pairs(), c.analyzer.lists())) parts.push_back(std::move(q));
    Xapian::Query q(Xapian::Query::OP_OR, parts.begin(), parts.end());
    if (!r.lang) return q;
    return Xapian::Query(Xapian::Query::OP_FILTER, q,
                         Xapian::Query(s::term(s::lang, lang_code(*r.lang))));
}

struct Candidate {
    Passage passage;
    std::vector<QuoteWord> words;
    Alignment alignment;
};

std::vector<Candidate> aligned_candidates(Context& c, const Xapian::Query& q,
                                          const std::vector<QuoteWord>& draft, std::size_t count) {
    Xapian::Enquire e(c.db);
    e.set_query(q);
    // k1 = 0: each term or pair counts once whatever its frequency in the passage, and long
    // passages are not held back, so a quoted sentence is found in a long statement too.
    e.set_weighting_scheme(Xapian::BM25Weight(0, 0, 1, 0, 0.5));
    Xapian::MSet mset = e.get_mset(0, static_cast<Xapian::doccount>(count));
    KnownWord known = index_lexicon(c.db);
    std::vector<Candidate> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Candidate cand;
        cand.passage = read_passage(it.get_document());
        cand.words = quote_words(cand.passage.text, c.analyzer, known);
        cand.alignment = align_quote(draft, cand.words);
        out.push_back(std::move(cand));
    }
    // Stable: among equal alignments the retrieval order decides.
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
        if (a.alignment.score != b.alignment.score) return a.alignment.score > b.alignment.score;
        if (a.alignment.coverage != b.alignment.coverage)
            return a.alignment.coverage > b.alignment.coverage;
        return a.alignment.elided_words < b.alignment.elided_words;
    });
    return out;
}

std::string document_symbol(const Xapian::Database& db, const std::string& doc_id) {
    std::optional<DocumentRecord> record = read_document_record(db, doc_id);
    return record ? record->symbol : std::string();
}

CiteMatch to_match(Context& c, Candidate& cand, const std::string& text,
                   const std::vector<QuoteWord>& draft) {
    const Alignment& a = cand.alignment;
    CiteMatch m;
    m.score = a.score;
    m.coverage = std::round(a.coverage * 1000) / 1000;
    m.verbatim = a.verbatim;
    m.span_begin = cand.words[a.source_first].begin;
    m.span_end = cand.words[a.source_last - 1].end;
    m.span_begin_u16 = utf16_offset(cand.passage.text, m.span_begin);
    m.span_end_u16 = utf16_offset(cand.passage.text, m.span_end);
    m.diff = describe(a, {text, draft, cand.passage.text, cand.words});
    m.symbol = document_symbol(c.db, cand.passage.doc_id);
    m.passage = std::move(cand.passage);
    return m;
}

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

} // namespace

Result<CiteRequest> parse_cite_request(std::string text, std::string_view lang) {
    if (text.size() > max_cite_bytes)
        return too_long("text is " + std::to_string(text.size()) + " bytes; at most " +
                        std::to_string(max_cite_bytes) + " bytes are accepted");
    if (is_blank(text)) return bad_parameter("text is required: the sentence to look up");
    if (!is_valid_utf8(text)) return bad_parameter("text is not valid UTF-8");
    CiteRequest r;
    r.text = std::move(text);
    if (!lang.empty()) {
        r.lang = parse_lang(lang);
        if (!r.lang) return bad_parameter("lang must be ar, en or fr");
    }
    return r;
}

CiteResult cite(Context& c, const CiteRequest& r, const CiteOptions& options) {
    CiteResult out;
    std::vector<QuoteWord> draft = quote_words(r.text, c.analyzer, index_lexicon(c.db));
    if (draft.size() < options.min_words) {
        out.reason = "The text has fewer than " + std::to_string(options.min_words) +
                     " words: too short to identify its source.";
        return out;
    }
    auto query = candidate_query(c, draft, r, options);
    if (!query) {
        out.reason = "No passage in the index contains any word of the text.";
        return out;
    }
    std::vector<Candidate> candidates = aligned_candidates(c, *query, draft, options.candidates);
    double best = 0, min_score = options.min_score * match_gain * static_cast<double>(draft.size());
    for (auto& cand : candidates) {
        const Alignment& a = cand.alignment;
        best = std::max(best, a.coverage);
        if (out.matches.size() == options.max_matches || a.coverage < options.min_coverage ||
            a.score < min_score)
            continue;
        out.matches.push_back(to_match(c, cand, r.text, draft));
    }
    if (out.matches.empty()) {
        // Not in its own language: maybe the translation of a passage in another (cite_across.h).
        out.matches = cite_across(c, r.text, r.lang ? *r.lang : detect_language(r.text), options);
        if (!out.matches.empty()) return out;
    }
    if (out.matches.empty())
        out.reason = "No passage holds the text closely enough to be its source: at best " +
                     percent(best) + " of its words were found, in order, among other changes.";
    return out;
}

} // namespace mahdar
