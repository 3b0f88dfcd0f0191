// Turning a passage into a Xapian document (terms, values and data per schema.h), and back.
#pragma once

#include "format/passage.h"
#include "text/analyzer.h"

#include <nlohmann/json_fwd.hpp>
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
/// value slots and the passage JSON as data. When `words` is given, the passage's normalised
/// words are appended to it (for the spelling dictionary).
Xapian::Document build_document(const Passage& p, Analyzer& analyzer,
                                std::vector<std::string>* words = nullptr);

/// The passage fields as stored in document data.
nlohmann::json passage_json(const Passage& p);

/// Reads back passage_json().
Passage passage_from_json(const nlohmann::json& j);

} // namespace mahdar
