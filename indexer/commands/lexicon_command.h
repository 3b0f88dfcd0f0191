// `mahdar-indexer lexicon …`: build the bilingual lexicon of cross-language search (issue 19,
// text/lexicon.h) from aligned UN text, FreeDict and the glossary.
#pragma once

namespace mahdar {

/// Runs the lexicon command on argv[1…] (argv[0] is "lexicon"); returns the exit status.
int lexicon_command(int argc, char** argv);

} // namespace mahdar
