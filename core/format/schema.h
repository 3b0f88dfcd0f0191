// The index schema: every Xapian term prefix, value slot and metadata key mahdar uses.
// Prefixes follow Omega's conventions (xapian-omega docs/termprefixes.rst).
#pragma once

#include "text/stopwords.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

namespace mahdar::schema {

// ---- Term prefixes ---------------------------------------------------------------------------
// Unprefixed terms are normalised, unstemmed words WITH positions (phrase search).
inline constexpr std::string_view stem = "Z";        ///< stem or stem variant, at its word's position (version 3)
inline constexpr std::string_view id = "Q";          ///< unique passage id (one per document)
inline constexpr std::string_view lang = "L";        ///< language: Lar, Len, Lfr
inline constexpr std::string_view date = "D";        ///< meeting date YYYYMMDD
inline constexpr std::string_view month = "M";       ///< YYYYMM
inline constexpr std::string_view year = "Y";        ///< YYYY
inline constexpr std::string_view parent = "XP";     ///< parent document id
inline constexpr std::string_view source = "XF";     ///< hash of the source file path
inline constexpr std::string_view speaker = "XS";    ///< speaker key (see speaker_key())
inline constexpr std::string_view country = "XC";    ///< ISO 3166-1 alpha-2, upper case
inline constexpr std::string_view objective = "XO";  ///< GCM objective number 1..23
inline constexpr std::string_view symbol = "XU";     ///< the document's UN symbol, canonical (text/un_symbol.h)
/// Two words at adjacent positions that are both stopwords or pair words (stopwords.h: "of",
/// "the", "united", "nations"), "XB" + first + ' ' + second, wdf 0, no positions: a phrase of
/// such common words, costly to check by positions ("in united", "united nations", "of the"),
/// is matched by its pairs' posting lists, and its positions checked only where all its pairs
/// occur. A phrase with one rarer word ("lack of") is checked by positions among the passages
/// holding that word, few enough. (Until issue 20 a pair needed one such word only: four times
/// the pair postings, 30% of the bulk indexer's CPU, for phrases already cheap to check.) Every passage this build indexes gets
/// them; searchd uses them only on an index whose meta_word_pairs says that all of its passages
/// have them, made with its own word lists. See word_pair().
inline constexpr std::string_view word_pair_prefix = "XB";

// ---- Value slots -----------------------------------------------------------------------------
enum Slot : Xapian::valueno {
    slot_date = 0,       ///< "YYYYMMDD" or empty; sorts by string order
    slot_doc = 1,        ///< parent document id
    slot_ordinal = 2,    ///< Xapian::sortable_serialise(ordinal within the document)
    slot_speaker = 3,    ///< canonical speaker name as displayed, or empty
    slot_countries = 4,  ///< ISO codes concatenated, 2 bytes each ("MAIQ")
    slot_objectives = 5, ///< one byte per objective, value 1..23
    slot_lang = 6,       ///< "ar", "en" or "fr"
    slot_symbol = 7,     ///< the document's UN symbol, canonical, or empty
    /// When the indexer wrote the passage: Xapian::sortable_serialise(UTC seconds since 1970,
    /// with a fraction), see indexed_value(). Absent from passages of an index written before
    /// issue 16 (the Atom feed sorts them last, by meeting date).
    slot_indexed = 8,
};

/// The slot_indexed value of a passage written at `seconds` (UTC, since 1970).
inline std::string indexed_value(double seconds) { return Xapian::sortable_serialise(seconds); }

/// The time a slot_indexed value says, or nullopt for an empty or malformed one.
inline std::optional<double> indexed_time(const std::string& value) {
    if (value.empty()) return std::nullopt;
    return Xapian::sortable_unserialise(value);
}

// ---- Document data ---------------------------------------------------------------------------
// Each Xapian document's data is a JSON object with the passage fields: id, doc_id, doc_title,
// symbol, para, ordinal, line, page, note, section, speaker, affiliation, role, countries,
// objectives, date, lang, text (the original passage text). Written and read by record.h (encode_passage) only.

// ---- Metadata keys (their values: record.h) --------------------------------------------------
inline constexpr std::string_view meta_file = "file:";  ///< + source path → FileRecord
inline constexpr std::string_view meta_doc = "doc:";    ///< + doc id → DocumentRecord
inline constexpr std::string_view meta_version = "mahdar_schema";
/// JSON object: a speaker facet value (Latin script) → the Arabic-script spelling of the same
/// person, whose passages are counted under it (indexer/write/speaker_pass.h).
inline constexpr std::string_view meta_speaker_scripts = "mahdar_speaker_scripts";
/// "1" once the version pass (indexer/write/version_pass.h) has run on the index; missing in an
/// index from before it, which the next run links even when no file changed.
inline constexpr std::string_view meta_versions_linked = "mahdar_versions_linked";
/// "2": created with word pairs (and the fingerprint below). An index keeps the version it was
/// created with; an indexer from before pairs stamps "1" on any index it writes to, which turns
/// pairs off for searchd, rightly: its passages have none.
/// "3": stems (Z) have positions, so phrases match across inflection and clitics.
inline constexpr std::string_view version = "3";
/// WordLists::fingerprint() of the lists the index made its word pairs with, set when the index
/// is created; "" or missing: not every passage has them (an index from before pairs, or one
/// added to with another list), so phrases are checked by positions only.
inline constexpr std::string_view meta_word_pairs = "mahdar_word_pairs";

/// prefix + value, with ':' between them when a multi-letter prefix meets a value starting
/// with an upper-case letter (Omega's rule, so terms stay unambiguous).
inline std::string term(std::string_view prefix, std::string_view value) {
    std::string t(prefix);
    if (prefix.size() > 1 && !value.empty() && value[0] >= 'A' && value[0] <= 'Z') t += ':';
    t += value;
    return t;
}

/// The word-pair term of two normalised words at adjacent positions, or "" unless both are
/// stopwords or pair words of `lists` (text/stopwords.h) and the term is within Xapian's term
/// length limit.
inline std::string word_pair(std::string_view first, std::string_view second, const WordLists& lists) {
    if (first.empty() || word_pair_prefix.size() + first.size() + 1 + second.size() > 240) return {};
    if (!lists.makes_word_pairs(std::string(first)) || !lists.makes_word_pairs(std::string(second))) return {};
    std::string t(word_pair_prefix);
    t += first;
    t += ' ';
    t += second;
    return t;
}

} // namespace mahdar::schema
