// How every indexer command ends on an exception: one line on stderr naming the command (and
// what it worked on), exit status 1.
#pragma once

#include "common/result.h"

#include <xapian.h>

#include <exception>
#include <iostream>
#include <string>

namespace mahdar {

/// Runs `run` (which returns an exit status); a Xapian or other exception is reported as
/// "<who>: <what went wrong>" on stderr and gives exit_status(ErrorCode::internal).
template <class Run>
int reporting_errors(const std::string& who, Run run) {
    try {
        return run();
    } catch (const Xapian::Error& e) {
        std::cerr << who << ": " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << who << ": " << e.what() << '\n';
    }
    return exit_status(ErrorCode::internal);
}

} // namespace mahdar
