// Step 2 of a search: running a SearchRequest against the index. Also passages, documents,
// facet listings and health (lookups.cpp).
//
// Thread safety: Xapian objects are never shared between threads. Each request borrows a
// Context (its own Xapian::Database, Analyzer and QueryParser) from the ContextPool and returns
// it when done; the pool is the only shared state and is guarded by a mutex. Labels are const.
#pragma once

#include "facets/facets.h"
#include "facets/labels.h"
#include "format/passage.h"
#include "format/record.h"
#include "format/versions.h"
#include "search/query_parser.h"
#include "search/search_request.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace mahdar {

/// How often request Contexts re-opened their database, for /metrics. Thread-safe (atomics).
struct ReopenCounts {
    std::atomic<unsigned long long> new_revision{0}; ///< a check found a revision the indexer committed
    std::atomic<unsigned long long> retries{0};      ///< with_reopen read again after the revision went away
};

struct Context {
    Xapian::Database db;
    Analyzer analyzer;
    QueryParser parser;
    std::chrono::steady_clock::time_point checked;
    std::shared_ptr<const FacetColumns> columns; ///< for db's revision, or nullptr
    bool key_sort; ///< db sorts by a KeyMaker (not through remote shards)
    std::string uuid; ///< of db when opened
    /// Seconds Xapian's matcher may spend counting a search's matches (0: no limit); past it,
    /// it stops counting and the answer is marked partial.
    double search_budget = 2.0;
    ReopenCounts* reopens = nullptr; ///< the pool's, while leased; counted by with_reopen
    Context(const std::string& path, CountryResolver countries, const WordLists& lists);
};

/// Whether every passage of `db` has word-pair terms made with this build's stopword list: a
/// single database (of a stub of several shards, Xapian reads only the first's metadata) whose
/// schema version and word-pairs fingerprint say so.
WordPairs word_pairs_of(const Xapian::Database& db, const WordLists& lists);

/// The database's uuid ("" if it has none).
std::string uuid_of(const Xapian::Database& db);

/// Hands out Contexts, creating them on demand; a Context is reopened at most twice a second,
/// so a revision committed by the indexer is served within a second or two. Also keeps the
/// facet columns of the newest revision, shared by all Contexts.
class ContextPool {
public:
    ContextPool(std::string db_path, CountryResolver countries, const WordLists& lists);

    class Lease {
    public:
        Lease(ContextPool& pool, std::unique_ptr<Context> c) : pool_(pool), c_(std::move(c)) {}
        Lease(Lease&&) = default;
        ~Lease() { if (c_) pool_.give_back(std::move(c_)); }
        Context* operator->() { return c_.get(); }
        Context& operator*() { return *c_; }

    private:
        ContextPool& pool_;
        std::unique_ptr<Context> c_;
    };

    Lease acquire();
    /// The limits every Context's parser applies; set before serving.
    void set_query_limits(QueryLimits limits) { limits_ = limits; }
    /// Context::search_budget of every Context; set before serving.
    void set_search_budget(double seconds) { search_budget_ = seconds; }
    /// The lexicon of searches across languages (`langs=all`), shared by every Context's parser
    /// (read only); set before serving. Without one, langs=all translates nothing.
    void set_lexicon(const Lexicon* lexicon) { lexicon_ = lexicon; }

    const std::string& path() const { return path_; }
    const ReopenCounts& reopens() const { return reopens_; }

private:
    void give_back(std::unique_ptr<Context> c);
    std::string path_;
    CountryResolver countries_;
    const WordLists& lists_;
    FacetColumnsCache columns_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Context>> idle_;
    QueryLimits limits_;
    double search_budget_ = 2.0;
    const Lexicon* lexicon_ = nullptr;
    ReopenCounts reopens_;
};

struct Hit {
    Passage passage;
    std::string snippet_html;
    double score = 0;
    std::vector<TranslatedTerm> translated; ///< langs=all: the query's translations the passage holds
    std::vector<Lang> also_in; ///< languages of its document's other versions, by code
    /// Collapse::versions: the other language versions of the paragraph that match too, by rank
    /// (each without versions of its own).
    std::vector<Hit> versions;
};

struct SearchResult {
    std::size_t total = 0;
    int page = 1, size = 10;
    std::vector<Hit> hits;
    std::vector<std::pair<Facet, std::vector<FacetValue>>> facets;
    std::vector<std::pair<Facet, std::size_t>> facets_more; ///< values left out by facet_limit/prefix
    std::optional<std::string> suggestion;
    /// The matcher ran out of Context::search_budget: total and facet counts are estimates.
    bool partial = false;
    double took_ms = 0;
};

struct PassageView {
    Passage passage;
    std::optional<std::string> prev_id, next_id;
    std::optional<std::string> text_html; ///< the text with a query's words marked, when asked with one
    std::vector<AlignedPassage> aligned; ///< the passage in the document's other language versions
};

struct DocumentView {
    DocumentRecord record;
    std::vector<Passage> passages; ///< in order
    std::vector<std::string> text_html; ///< per passage, when asked with a query; else empty
    std::vector<VersionLink> versions; ///< the document's other language versions, by language code
};

struct HealthView {
    std::size_t passages = 0, documents = 0;
    unsigned long long revision = 0;
};

/// Runs f(c); when the indexer has committed twice since `c` opened its revision (Xapian then
/// discards the old one), reopens the database and runs f again, a few times at most.
template <class F>
auto with_reopen(Context& c, F&& f) {
    for (int attempt = 0;; ++attempt) {
        try {
            return f(c);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) throw;
            c.db.reopen();
            c.columns.reset(); // they were for the old revision
            if (c.reopens) ++c.reopens->retries;
        } catch (const Xapian::DatabaseError& e) {
            // "EOF reading block" (issue 18): a block the writer freed and reused under a
            // reader two commits behind. Read at the newest revision again; any other database
            // error, or this one four times, is real and goes to the caller.
            if (attempt == 3 || e.get_msg().find("EOF reading block") == std::string::npos) throw;
            c.db.reopen();
            c.columns.reset();
            if (c.reopens) ++c.reopens->retries;
        }
    }
}

SearchResult search(Context& c, const SearchRequest& r, const Labels& labels);
/// The whole query of `r`: its text filtered by all its filters (what search() matches).
Xapian::Query request_query(const Xapian::Database& db, const SearchRequest& r);
Result<PassageView> get_passage(Context& c, const std::string& id);
Result<DocumentView> get_document(Context& c, const std::string& doc_id);

/// Whether the index has a passage with this id.
bool has_passage(Context& c, const std::string& id);

/// Sets the views' text_html: each passage's whole text with the words `marks` matches in
/// <mark>, by the analysis of search (snippets.h marked_html).
void mark_words(PassageView& v, const Highlight& marks, Analyzer& analyzer);
void mark_words(DocumentView& v, const Highlight& marks, Analyzer& analyzer);

/// The records of the documents whose UN symbol is `symbol` (canonical), by document id.
std::vector<DocumentRecord> documents_with_symbol(Context& c, const std::string& symbol);
std::vector<FacetValue> list_facet(Context& c, Facet f, const std::string& prefix, Lang ui, const Labels& labels);

/// The passages of a whole result set, in the request's order (relevance or date), at most
/// `limit`; `total` receives the size of the whole set. For exports: no facets, no snippets.
std::vector<Xapian::docid> ranked_ids(Context& c, const SearchRequest& r, std::size_t limit, std::size_t& total);

/// The values of `values` with a word of value or label starting with `prefix` (speaker_key()
/// folding: case, accents, Arabic letter forms), in order.
std::vector<FacetValue> with_prefix(std::vector<FacetValue> values, const std::string& prefix);
HealthView health(Context& c);

/// Passages of `doc_id`, in order.
std::vector<Passage> document_passages(Xapian::Database& db, const std::string& doc_id);

} // namespace mahdar
