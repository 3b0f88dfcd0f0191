// Test support for the document readers: fixture bytes, blocks by kind, and word recall.
#pragma once

#include "ingest/layout.h"

#include <string>
#include <vector>

namespace mahdar::test {

/// The bytes of tests/fixtures/documents/<name>; fails the test if the file cannot be read.
std::string document_fixture(const std::string &name);

/// The blocks of `layout` of one kind, in order.
std::vector<Block> blocks_of(const Layout &layout, BlockKind kind);

/// The first block whose text contains `needle`, or nullptr.
const Block *find_block(const Layout &layout, const std::string &needle);

/// All the blocks' text, joined by newlines.
std::string all_text(const Layout &layout);

/// The share of the words (runs of letters, case-folded, each occurrence counted) of the
/// source text `source` that are found in `text`; the markup of the fixture sources (see
/// scripts/fixtures/office_fixtures.py) and its header lines are left out.
double word_recall(const std::string &source, const std::string &text);

/// A readable listing of the blocks, for failure messages.
std::string describe(const Layout &layout);

} // namespace mahdar::test
