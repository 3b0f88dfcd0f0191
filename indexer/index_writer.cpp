#include "index_writer.h"

#include "analyzer.h"
#include "document_builder.h"
#include "enrich.h"
#include "schema.h"
#include "sources.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <ostream>

namespace mahdar {
namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct IndexWriter::Impl {
    Xapian::WritableDatabase db;
    Analyzer analyzer;

    // The metadata value of a file: its content hash, then the ids of its documents.
    static std::string file_record(const SourceFile& src) {
        std::string v = src.content_hash;
        for (const auto& d : src.documents) v += '\t' + d.doc_id;
        return v;
    }

    static std::string file_key(const fs::path& p) {
        std::error_code ec;
        fs::path abs = fs::weakly_canonical(p, ec);
        return std::string(schema::meta_file) + (ec ? p.string() : abs.string());
    }

    static std::string source_term(const std::string& key) {
        return schema::term(schema::source, fnv1a_hex(key));
    }

    void remove_file(const std::string& key) {
        std::string record = db.get_metadata(key);
        for (size_t tab = record.find('\t'); tab != std::string::npos;) {
            size_t next = record.find('\t', tab + 1);
            db.set_metadata(std::string(schema::meta_doc) + record.substr(tab + 1, next - tab - 1), "");
            tab = next;
        }
        db.delete_document(source_term(key));
        db.set_metadata(key, "");
    }

    std::size_t write(SourceFile& src, const std::string& key) {
        std::size_t passages = 0;
        std::string xf = source_term(key);
        std::vector<std::string> words;
        for (auto& doc : src.documents) {
            enrich(doc);
            for (const auto& p : doc.passages) {
                Xapian::Document xd = build_document(p, analyzer, &words);
                xd.add_boolean_term(xf);
                db.replace_document(schema::term(schema::id, p.id), xd);
                ++passages;
            }
            json d = {{"doc_id", doc.doc_id}, {"title", doc.title}, {"date", doc.date},
                      {"lang", lang_code(doc.lang.value_or(Lang::en))}, {"symbol", doc.symbol},
                      {"type", doc.type}, {"organisers", doc.organisers}, {"source", doc.source},
                      {"passages", doc.passages.size()}};
            db.set_metadata(std::string(schema::meta_doc) + doc.doc_id, d.dump());
        }
        for (const auto& w : words) db.add_spelling(w);
        db.set_metadata(key, file_record(src));
        return passages;
    }

    void prune(IndexReport& report, std::ostream& log) {
        std::vector<std::string> gone;
        for (auto it = db.metadata_keys_begin(std::string(schema::meta_file));
             it != db.metadata_keys_end(std::string(schema::meta_file)); ++it) {
            std::string key = *it;
            if (!fs::exists(key.substr(schema::meta_file.size()))) gone.push_back(key);
        }
        for (const auto& key : gone) {
            remove_file(key);
            ++report.files_pruned;
            log << "pruned: " << key.substr(schema::meta_file.size()) << '\n';
        }
    }
};

IndexWriter::IndexWriter(const std::string& db_path)
    : impl_(new Impl{Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OPEN), {}}) {
    if (impl_->db.get_metadata(std::string(schema::meta_version)) != schema::version)
        impl_->db.set_metadata(std::string(schema::meta_version), std::string(schema::version));
}

IndexWriter::~IndexWriter() = default;

namespace {

void show_progress(std::ostream& log, const IndexReport& r, std::size_t done, std::size_t total,
                   double seconds) {
    char line[160];
    double mb = r.bytes / 1e6;
    std::snprintf(line, sizeof line, "\rfiles %zu/%zu  passages %zu  %.1f MB  %.2f MB/s   ", done,
                  total, r.passages, mb, seconds > 0 ? mb / seconds : 0.0);
    log << line << std::flush;
}

} // namespace

IndexReport IndexWriter::index(const std::vector<fs::path>& files, const IndexOptions& options,
                               const std::atomic<bool>& stop, std::ostream& log) {
    IndexReport report;
    auto start = Clock::now();
    auto last_shown = start;
    auto elapsed = [&start] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    for (std::size_t i = 0; i < files.size() && !stop; ++i) {
        SourceFile src = read_source(files[i]);
        for (const auto& w : src.warnings) report.problems.push_back(w);
        if (!src.error.empty()) {
            report.problems.push_back(files[i].string() + ": " + src.error + "; skipped");
            ++report.files_skipped;
            continue;
        }
        std::string key = Impl::file_key(files[i]);
        std::string record = impl_->db.get_metadata(key);
        if (record.substr(0, record.find('\t')) == src.content_hash) {
            ++report.files_unchanged;
            continue;
        }
        if (!record.empty()) impl_->remove_file(key);
        report.passages += impl_->write(src, key);
        report.bytes += fs::file_size(files[i]);
        ++report.files_indexed;
        if (options.progress == Progress::terminal &&
            Clock::now() - last_shown > std::chrono::milliseconds(250)) {
            show_progress(log, report, i + 1, files.size(), elapsed());
            last_shown = Clock::now();
        }
    }
    if (options.prune == Prune::yes && !stop) impl_->prune(report, log);
    impl_->db.commit();
    if (options.progress == Progress::terminal) log << '\n';
    report.seconds = elapsed();
    return report;
}

} // namespace mahdar
