#include "commands/stats_report.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace mahdar {

using json = nlohmann::ordered_json;

namespace {

std::string megabytes(std::uintmax_t bytes) {
    char b[48];
    std::snprintf(b, sizeof b, "%.1f MB (%ju bytes)", static_cast<double>(bytes) / 1e6, bytes);
    return b;
}

std::string or_text(const std::string& value, const char* none) { return value.empty() ? none : value; }

struct Column {
    std::string header;
    std::function<std::string(const StatsRow&)> cell;
};

Column passages_col() {
    return {"passages", [](const StatsRow& r) { return std::to_string(r.passages); }};
}
Column documents_col() {
    return {"documents", [](const StatsRow& r) { return std::to_string(r.documents); }};
}

// One block: a header line, then a line per row. Every column but the last is padded to its
// widest cell (counts right-aligned); the last, a value or name, is written as it is.
void print_block(std::ostream& out, const std::vector<StatsRow>& rows, const std::vector<Column>& cols) {
    if (rows.empty()) return;
    std::vector<std::size_t> width(cols.size());
    for (std::size_t c = 0; c < cols.size(); ++c) {
        width[c] = cols[c].header.size();
        for (const auto& r : rows) width[c] = std::max(width[c], cols[c].cell(r).size());
    }
    auto line = [&](const std::function<std::string(std::size_t)>& text) {
        std::string s;
        for (std::size_t c = 0; c < cols.size(); ++c) {
            std::string t = text(c);
            if (c + 1 < cols.size()) t.insert(0, width[c] - std::min(width[c], t.size()), ' ');
            s += t + (c + 1 < cols.size() ? "  " : "");
        }
        out << s << '\n';
    };
    out << '\n';
    line([&](std::size_t c) { return cols[c].header; });
    for (const auto& r : rows) line([&](std::size_t c) { return cols[c].cell(r); });
}

std::string revision_text(const std::optional<Xapian::rev>& rev) { return rev ? std::to_string(*rev) : "-"; }

void print_shards(const IndexStats& st, std::ostream& out) {
    if (st.shards.size() < 2) return;
    out << "shards        " << st.shards.size() << " (a stub file)\n";
    for (const auto& sh : st.shards) {
        if (sh.remote) {
            out << "  " << sh.location << "  (remote: passages counted, records not read)\n";
            continue;
        }
        out << "  " << sh.location << "  " << megabytes(sh.bytes) << ", revision " << revision_text(sh.revision)
            << ", schema " << or_text(sh.schema_version, "-") << '\n';
    }
}

void print_header(const IndexStats& st, std::ostream& out) {
    out << "index         " << st.path << '\n'
        << "passages      " << st.passages << " in " << st.documents << " documents from " << st.files
        << " files\n"
        << "size on disk  " << megabytes(st.bytes) << '\n'
        << "revision      " << revision_text(st.revision) << '\n'
        << "schema        " << or_text(st.schema_version, "(none recorded)") << '\n'
        << "uuid          " << st.uuid << '\n'
        << "modified      " << or_text(st.modified, "-") << '\n';
    print_shards(st, out);
}

} // namespace

void print_stats_table(const IndexStats& st, std::ostream& out) {
    print_header(st, out);
    print_block(out, st.languages,
                {passages_col(), documents_col(), {"language", [](const StatsRow& r) { return r.value; }}});
    print_block(out, st.years,
                {passages_col(), documents_col(), {"year", [](const StatsRow& r) { return or_text(r.value, "undated"); }}});
    print_block(out, st.types,
                {passages_col(), documents_col(), {"type", [](const StatsRow& r) { return or_text(r.value, "(no type)"); }}});
    print_block(out, st.formats,
                {passages_col(), documents_col(),
                 {"files", [](const StatsRow& r) { return std::to_string(r.files); }},
                 {"format", [](const StatsRow& r) { return or_text(r.value, "(none)"); }}});
    print_block(out, st.speakers, {passages_col(), {"top speakers", [](const StatsRow& r) { return r.label; }}});
    print_block(out, st.countries,
                {passages_col(), {"code", [](const StatsRow& r) { return r.value; }},
                 {"top countries", [](const StatsRow& r) { return r.label; }}});
    print_block(out, st.objectives,
                {passages_col(), {"GCM", [](const StatsRow& r) { return r.value; }},
                 {"top objectives", [](const StatsRow& r) { return r.label; }}});
}

namespace {

json value_or_null(const std::string& v) { return v.empty() ? json(nullptr) : json(v); }

json revision_json(const std::optional<Xapian::rev>& rev) { return rev ? json(*rev) : json(nullptr); }

// [{key: value, "passages": n, "documents": n}, …] (and "files" for formats).
json breakdown(const std::vector<StatsRow>& rows, const char* key, bool files = false) {
    json out = json::array();
    for (const auto& r : rows) {
        json j{{key, value_or_null(r.value)}, {"passages", r.passages}, {"documents", r.documents}};
        if (files) j["files"] = r.files;
        out.push_back(std::move(j));
    }
    return out;
}

// [{key: value, label_key: label, "passages": n}, …]
json top(const std::vector<StatsRow>& rows, const char* key, const char* label_key) {
    json out = json::array();
    for (const auto& r : rows) out.push_back({{key, r.value}, {label_key, r.label}, {"passages", r.passages}});
    return out;
}

json shards_json(const std::vector<ShardStats>& shards) {
    json out = json::array();
    for (const auto& sh : shards) {
        json j{{"location", sh.location}, {"remote", sh.remote}};
        if (!sh.remote) {
            j["bytes"] = sh.bytes;
            j["modified"] = value_or_null(sh.modified);
            j["revision"] = revision_json(sh.revision);
            j["uuid"] = sh.uuid;
            j["schema"] = value_or_null(sh.schema_version);
        }
        out.push_back(std::move(j));
    }
    return out;
}

} // namespace

json stats_json(const IndexStats& st) {
    json objectives = top(st.objectives, "number", "title");
    for (auto& o : objectives) o["number"] = std::atoi(o["number"].get<std::string>().c_str());
    return {
        {"index", st.path},
        {"passages", st.passages},
        {"documents", st.documents},
        {"files", st.files},
        {"bytes", st.bytes},
        {"revision", revision_json(st.revision)},
        {"schema", value_or_null(st.schema_version)},
        {"uuid", st.uuid},
        {"modified", value_or_null(st.modified)},
        {"shards", shards_json(st.shards)},
        {"languages", breakdown(st.languages, "lang")},
        {"years", breakdown(st.years, "year")},
        {"types", breakdown(st.types, "type")},
        {"formats", breakdown(st.formats, "format", true)},
        {"speakers", top(st.speakers, "key", "name")},
        {"countries", top(st.countries, "code", "name")},
        {"objectives", std::move(objectives)},
    };
}

} // namespace mahdar
