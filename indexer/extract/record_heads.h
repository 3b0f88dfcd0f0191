// Statement heads in the styles of United Nations records, beside the meeting notes of
// speaker_heads.h:
// - summary records: "Mr. Hilale (Morocco) said that …", "Mme Dupont (France) demande si …",
//   "السيد هلال (المغرب): قال إن …", "The Chair said …", "قال الرئيس إن …";
// - verbatim records: "Mr. Hilale (Morocco) (spoke in Arabic): I have the honour …",
//   "Le Président : …", "الرئيس (تكلم بالإنكليزية): …";
// - press releases: "The representative of Egypt said …", "Speaking on behalf of the Group of
//   77, the representative of …", "La représentante du Maroc a déclaré …", "وقال ممثل مصر إن …".
// The cue words are in core/reference/data/extraction_cues.tsv (presiding_role, article,
// role_complement, representative, speech_verb, interpretation, procedural).
#pragma once

#include "extract/extract_countries.h"
#include "extract/speaker_heads.h"

namespace mahdar {

/// Finds the heads of the record styles at the start of a passage (after a short lead-in:
/// "Speaking on behalf of the Arab Group, …", or Arabic verbs: "وقال"). What it gives:
/// - a delegate, "Title Name (Parenthesis)": the person, and the parenthesis as apposition;
///   when the parenthesis is a country ("(Morocco)", "(Observer for the State of Palestine)")
///   it is the country they speak for; a second parenthesis "(spoke in Arabic)" is skipped;
///   a parenthesis without letters ("(2019)") is not a delegate's;
/// - a presiding officer, "The Chair", "La Présidente", "الرئيس": `role` as written without
///   article, and the person when the record names them ("The Chair (Ms. X)"); a line
///   "Chair: Mr. X (Country)" is a role_line that names who holds the role;
/// - a representative, "the representative of Egypt": `label` "Representative of Egypt" (the
///   words as written from the cue to the country's end, capitalised; Arabic "ممثل مصر") and
///   the country.
/// Record heads (delegates, presiding officers) have HeadStyle::record, representatives
/// HeadStyle::press. Immutable after construction; thread-safe.
class RecordHeadFinder {
  public:
    RecordHeadFinder(const ReferenceData& data, const HeadFinder& heads,
                     const CountryMatcher& countries);

    std::optional<Head> find(std::string_view text, const Tokens& t, Lang lang) const;
    std::optional<Head> find(std::string_view text, Lang lang) const {
        return find(text, scan_tokens(text), lang);
    }

    /// "A representative of IOM said", "وقالت ممثلة عن المنظمة": someone unnamed speaks, so
    /// the statement before does not go on (even after "وقالت").
    bool names_other_speaker(std::string_view text, const Tokens& t, Lang lang) const;

    /// A record's own line, said by nobody: "The meeting rose at 1 p.m.", "La séance est
    /// levée", "رُفعت الجلسة".
    bool procedural(const Tokens& t, Lang lang) const;

  private:
    struct Scan;
    struct Paren {
        std::size_t first, last; ///< tokens inside
        std::string_view text;   ///< what the parentheses hold
    };
    std::optional<Paren> paren_at(const Scan& s, std::size_t i) const;
    std::size_t skip_interpretation(const Scan& s, std::size_t i) const;
    std::vector<std::string> country_of(std::string_view text, Lang lang) const;
    bool ends_head(const Scan& s, std::size_t i, Head& head) const;
    std::optional<Head> delegate(const Scan& s, std::size_t i) const;
    std::optional<Head> presiding(const Scan& s, std::size_t i) const;
    std::optional<Head> role_holder(const Scan& s, std::size_t i, Head head) const;
    std::optional<Head> representative(const Scan& s, std::size_t i) const;
    std::size_t head_start(const Scan& s) const;

    const HeadFinder& heads_;
    const CountryMatcher& countries_;
    std::array<PhraseIndex, 3> roles_, representative_, interpretation_, procedural_;
    std::array<WordSet, 3> article_, complement_, and_;
    std::array<WordSet, 3> speech_verb_{WordSet(WordMatch::arabic_forms),
                                        WordSet(WordMatch::arabic_forms),
                                        WordSet(WordMatch::arabic_forms)};
    std::array<WordSet, 3> stop_; ///< Arabic words after a speaker: "إن", "أن"
};

} // namespace mahdar
