// `mahdar-indexer stats DB [--json]`: what an index holds (index_stats.h), as a table or JSON.
#pragma once

namespace mahdar {

/// Runs the stats command on argv[1…] (argv[0] is "stats"); returns the process's exit
/// status: 0, 1 when the index is missing or unreadable, 2 for bad usage.
int stats_command(int argc, char** argv);

} // namespace mahdar
