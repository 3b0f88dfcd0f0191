#include "ingest/zip_archive.h"

#include "ingest/layout.h"

#include <zip.h>

namespace mahdar {

namespace {

std::string zip_error_text(zip_error_t *error) {
    std::string text = zip_error_strerror(error);
    zip_error_fini(error);
    return text;
}

} // namespace

void ZipArchive::Close::operator()(zip *z) const {
    zip_discard(z);
}

Result<ZipArchive> ZipArchive::open(std::string_view bytes) {
    if (bytes.empty())
        return read_failure("not a zip archive", "empty file");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source)
        return read_failure("not a zip archive", zip_error_text(&error));
    zip_t *archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!archive) {
        zip_source_free(source);
        return read_failure("not a zip archive", zip_error_text(&error));
    }
    zip_error_fini(&error);
    return ZipArchive(archive);
}

bool ZipArchive::contains(std::string_view name) const {
    return zip_name_locate(zip_.get(), std::string(name).c_str(), 0) >= 0;
}

Result<std::string> ZipArchive::read(std::string_view name, std::uint64_t max_bytes) const {
    std::string member(name);
    zip_int64_t index = zip_name_locate(zip_.get(), member.c_str(), 0);
    if (index < 0)
        return read_failure("missing part", member);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > max_bytes)
        return read_failure("too large", member + " declares " + std::to_string(st.size) +
                                             " bytes, over the limit of " +
                                             std::to_string(max_bytes));
    zip_file_t *file = zip_fopen_index(zip_.get(), index, 0);
    if (!file)
        return read_failure("damaged zip archive", member + ": " + zip_strerror(zip_.get()));
    // The declared size can lie: count what actually comes out of the inflater.
    std::string out;
    char buffer[64 * 1024];
    for (;;) {
        zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
        if (n < 0) {
            std::string why = zip_error_strerror(zip_file_get_error(file));
            zip_fclose(file);
            return read_failure("damaged zip archive", member + ": " + why);
        }
        if (n == 0)
            break;
        if (out.size() + static_cast<std::uint64_t>(n) > max_bytes) {
            zip_fclose(file);
            return read_failure("too large", member + " inflates past the limit of " +
                                                 std::to_string(max_bytes) + " bytes");
        }
        out.append(buffer, static_cast<std::size_t>(n));
    }
    zip_fclose(file);
    return out;
}

} // namespace mahdar
