// `mahdar-indexer remove DB TARGET…`: take documents out of the index by document id, UN
// symbol or source file path.
#pragma once

namespace mahdar {

/// Runs the remove command on argv[1…] (argv[0] is "remove"); returns the exit status.
int remove_command(int argc, char** argv);

} // namespace mahdar
