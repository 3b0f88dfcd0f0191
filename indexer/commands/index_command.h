// `mahdar-indexer --db DIR [options] PATH…`: index files and folders (or, with --dry-run, say
// what that would do, touching nothing).
#pragma once

namespace mahdar {

/// Runs the index command on argv[1…]; returns the process's exit status.
int index_command(int argc, char** argv);

} // namespace mahdar
