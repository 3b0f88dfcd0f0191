// How every indexer command ends on an exception: one line on stderr naming the command (and
// what it worked on), exit status 1. A write that failed for want of space says so plainly.
#pragma once

#include "common/result.h"

#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <system_error>

namespace mahdar {

/// The system's words for a lack of space ("No space left on device", "File too large" past a
/// file size limit, "Disk quota exceeded") when `errno_text` is one of them; "" otherwise.
inline std::string space_error(const char* errno_text) {
    if (!errno_text) return {};
    for (int e : {ENOSPC, EFBIG, EDQUOT})
        if (std::strcmp(errno_text, std::strerror(e)) == 0) return errno_text;
    return {};
}

inline std::string space_error(const std::exception& e) {
    if (const auto* s = dynamic_cast<const std::system_error*>(&e)) {
        int v = s->code().value();
        if (s->code().category() == std::generic_category() || s->code().category() == std::system_category())
            if (v == ENOSPC || v == EFBIG || v == EDQUOT) return std::strerror(v);
    }
    return {};
}

/// Runs `run` (which returns an exit status); a Xapian or other exception is reported as
/// "<who>: <what went wrong>" on stderr and gives exit_status(ErrorCode::internal). A write to
/// the index at `index` that failed for want of space is reported as "<who>: cannot write the
/// index <index>: disk full (…)": Xapian never overwrites the blocks of the last committed
/// revision, so that revision is still whole.
template <class Run>
int reporting_errors(const std::string& who, Run run, const std::string& index = {}) {
    std::string full;
    try {
        return run();
    } catch (const Xapian::Error& e) {
        full = space_error(e.get_error_string());
        if (full.empty()) std::cerr << who << ": " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        full = space_error(e);
        if (full.empty()) std::cerr << who << ": " << e.what() << '\n';
    }
    if (!full.empty())
        std::cerr << who << ": cannot write the index" << (index.empty() ? "" : " " + index) << ": disk full ("
                  << full << "); it keeps its last committed revision: free some space and run again\n";
    return exit_status(ErrorCode::internal);
}

} // namespace mahdar
