// A zip archive read from memory (DOCX and ODT are zips of XML parts), through libzip.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct zip;

namespace mahdar {

/// A zip archive over bytes the caller keeps alive for the archive's lifetime. Members are
/// read whole, each with a cap on its inflated size, so that a zip bomb is refused instead of
/// filling memory. Not thread-safe (libzip's archive handle has one read position).
class ZipArchive {
  public:
    /// Opens the archive; "not a zip archive" (libzip's reason as the detail) for empty,
    /// truncated or non-zip bytes.
    static Result<ZipArchive> open(std::string_view bytes);

    /// True when the archive has a member of exactly this name.
    bool contains(std::string_view name) const;

    /// The member's bytes. Failures: "too large" when its declared size, or the bytes it
    /// actually inflates to, exceed `max_bytes`; "damaged zip archive" when libzip cannot
    /// inflate it (bad CRC, encrypted, truncated data); "missing part" when there is no such
    /// member.
    Result<std::string> read(std::string_view name, std::uint64_t max_bytes) const;

  private:
    struct Close {
        void operator()(zip *z) const;
    };
    explicit ZipArchive(zip *z) : zip_(z) {}
    std::unique_ptr<zip, Close> zip_;
};

} // namespace mahdar
