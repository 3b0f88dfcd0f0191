#include "facets/facet_columns.h"

#include "format/record.h"

#include <unordered_map>

namespace mahdar {

std::size_t facet_slot_index(Xapian::valueno slot) {
    for (std::size_t i = 0; i < facet_slots.size(); ++i)
        if (facet_slots[i] == slot) return i;
    return facet_slots.size();
}

std::shared_ptr<const FacetColumns> FacetColumns::read(Xapian::Database& db) {
    auto out = std::make_shared<FacetColumns>();
    out->revision = db.get_revision();
    out->uuid = db.get_uuid();
    Xapian::docid last = db.get_lastdocid();
    out->present = DocBits(last);
    out->lengths.assign(static_cast<std::size_t>(last) + 1, 0);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        out->present.set(*it);
        out->lengths[*it] = it.get_doclength();
    }
    out->average_length = db.get_avlength();
    out->speaker_arabic = read_speaker_scripts(db);
    out->count = db.get_doccount();
    for (std::size_t i = 0; i < facet_slots.size(); ++i) {
        FacetColumn& column = out->columns[i];
        column.ids.assign(static_cast<std::size_t>(last) + 1, 0);
        column.values.emplace_back();
        std::unordered_map<std::string, std::uint32_t> known;
        for (auto v = db.valuestream_begin(facet_slots[i]); v != db.valuestream_end(facet_slots[i]); ++v) {
            auto [it, added] = known.emplace(*v, static_cast<std::uint32_t>(column.values.size()));
            if (added) column.values.push_back(it->first);
            column.ids[v.get_docid()] = it->second;
        }
    }
    for (Facet f : all_facets) {
        const FacetColumn& column = out->columns[facet_slot_index(slot_of(f))];
        FacetSplit& split = out->splits[static_cast<std::size_t>(f)];
        std::unordered_map<std::string, std::uint32_t> known;
        for (const auto& raw : column.values) {
            split.offsets.push_back(static_cast<std::uint32_t>(split.parts.size()));
            for (auto& name : split_value(f, raw)) {
                auto [it, added] = known.emplace(std::move(name), static_cast<std::uint32_t>(split.names.size()));
                if (added) split.names.push_back(it->first);
                split.parts.push_back(it->second);
            }
        }
        split.offsets.push_back(static_cast<std::uint32_t>(split.parts.size()));
    }
    return out;
}

FacetColumnsCache::~FacetColumnsCache() {
    if (reader_.joinable()) reader_.join();
}

std::shared_ptr<const FacetColumns> FacetColumnsCache::get(const Xapian::Database& db) {
    Xapian::rev revision;
    std::string uuid;
    try {
        revision = db.get_revision();
        uuid = db.get_uuid();
    } catch (const Xapian::Error&) { // several shards or a remote database
        return nullptr;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    auto same = [&] { return current_ && current_->revision == revision && current_->uuid == uuid; };
    if (same()) return current_;
    if (unsupported_) return nullptr;
    if (first_) { // the first call waits, so a fresh server counts fast from its first request
        first_ = false;
        lock.unlock();
        refresh();
        lock.lock();
        return same() ? current_ : nullptr;
    }
    if (!reading_ && (!current_ || current_->uuid != uuid || revision > current_->revision)) {
        reading_ = true;
        if (reader_.joinable()) reader_.join();
        reader_ = std::thread([this] { refresh(); });
    }
    return nullptr;
}

// Reads the newest revision into current_; runs with mutex_ unlocked.
void FacetColumnsCache::refresh() {
    std::shared_ptr<const FacetColumns> read;
    bool unsupported = false;
    for (int attempt = 0; attempt < 3 && !read && !unsupported; ++attempt) {
        try {
            Xapian::Database db(path_);
            read = FacetColumns::read(db);
        } catch (const Xapian::DatabaseModifiedError&) { // a commit meanwhile: read again
        } catch (const Xapian::UnimplementedError&) {    // not a local glass database
            unsupported = true;
        } catch (const Xapian::InvalidOperationError&) {
            unsupported = true;
        } catch (...) { // e.g. the index being replaced, or out of memory: a later request retries
            break;
        }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    if (read && (!current_ || read->uuid != current_->uuid || read->revision > current_->revision))
        current_ = std::move(read);
    unsupported_ = unsupported_ || unsupported;
    reading_ = false;
}

} // namespace mahdar
