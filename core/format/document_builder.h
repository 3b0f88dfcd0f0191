// Turning a passage into a Xapian document: terms and values per schema.h, data per record.h.
#pragma once

#include "format/passage.h"
#include "text/analyzer.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace mahdar {

/// The key under which a speaker is filtered: the name normalised like search text
/// ("Enas El Fergany" and "ENAS EL FERGANY" share one key). Pure.
std::string speaker_key(std::string_view name);

/// The people of a speaker field: several people speaking jointly are written "A | B".
std::vector<std::string> joint_speakers(std::string_view speaker);

/// The Xapian document for `p`: positional word terms, Z stems, the prefixed filter terms, the
/// value slots and encode_passage(p) as data. When `words` is given, the passage's normalised
/// words are appended to it (for the spelling dictionary).
Xapian::Document build_document(const Passage& p, Analyzer& analyzer,
                                std::vector<std::string>* words = nullptr);

/// Gives the passage stored in `doc` (made by build_document) the speaker `speaker` in every
/// place the passage holds one: its speaker terms, slot_speaker and its data; nothing else
/// changes. Throws RecordError (record.h) when the data is not a stored passage.
void set_speaker(Xapian::Document& doc, const std::string& speaker);

} // namespace mahdar
