// For the DOCX and ODT fuzzers: inputs that are not zips are split into XML parts and zipped
// here (stored, no compression), so that the fuzzer reaches the XML walkers instead of
// spending its runs on deflate streams and CRCs. Parts are separated by a line "----".
#pragma once

#include <zip.h>

#include <string>
#include <string_view>
#include <vector>

namespace mahdar::fuzz {

inline std::vector<std::string_view> split_parts(std::string_view data) {
    std::vector<std::string_view> parts;
    for (;;) {
        std::size_t at = data.find("\n----\n");
        parts.push_back(data.substr(0, at));
        if (at == std::string_view::npos)
            return parts;
        data.remove_prefix(at + 6);
    }
}

/// A zip of `names[i]` → `parts[i]`, or "" if libzip fails.
inline std::string make_zip(const std::vector<const char *> &names,
                            const std::vector<std::string_view> &parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t *z = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
    if (!z) {
        if (buffer)
            zip_source_free(buffer);
        zip_error_fini(&error);
        return {};
    }
    zip_source_keep(buffer); // read back after zip_close
    for (std::size_t i = 0; i < names.size() && i < parts.size(); ++i) {
        zip_source_t *s = zip_source_buffer(z, parts[i].data(), parts[i].size(), 0);
        zip_int64_t index = s ? zip_file_add(z, names[i], s, ZIP_FL_OVERWRITE) : -1;
        if (index < 0) {
            if (s)
                zip_source_free(s);
            continue;
        }
        zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    std::string out;
    if (zip_close(z) == 0 && zip_source_open(buffer) == 0) {
        char chunk[8192];
        for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;)
            out.append(chunk, static_cast<std::size_t>(n));
        zip_source_close(buffer);
    } else if (z) {
        zip_discard(z);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

} // namespace mahdar::fuzz
