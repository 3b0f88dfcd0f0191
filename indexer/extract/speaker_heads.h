// The head of a statement inside one passage: who speaks ("Ms. Hanane Bouarourou, the
// representative of the Government of Morocco, …, gave an overview"), with their apposition.
#pragma once

#include "extract/speaker_names.h"
#include "reference/reference_data.h"
#include "text/language.h"
#include "text/text_scan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace mahdar {

/// Adds every cue phrase of a reference table to a PhraseIndex (payload 0) or a WordSet.
template <class Index> void add_all(Index& index, const std::vector<std::string>& phrases) {
    for (const auto& p : phrases) {
        if constexpr (std::is_same_v<Index, PhraseIndex>)
            index.add(p, 0);
        else
            index.add(p);
    }
}

/// A person named after a title. Latin names end where capitalised words end; an Arabic name
/// ends at punctuation, a stop word or another title, and is `open` when none comes within
/// four words (the caller decides its length from the names the document gives).
struct PersonRef {
    std::string name;               ///< the name as written, title stripped ("Jean D'Cunha")
    std::vector<std::string> words; ///< its words (Arabic: candidates when `open`)
    bool open = false;
    std::uint32_t begin = 0, end = 0; ///< byte span of `words`
    std::string apposition; ///< role and affiliation as written ("Regional Advisor, ESCWA")
};

enum class HeadKind : std::uint8_t {
    statement,    ///< "Ms. X, …, said that …": continued only by pronoun or verb cues
    speaker_line, ///< "Ms. X, …, ESCWA:" or a line with only the name and affiliation
    by_line,      ///< "… by Ms. X, …": the presenter of what follows
    moderator,    ///< "moderated by Dr. X", "the moderator (X, …)"
    role_line,    ///< a record's "Chair: Mr. X (Country)": who holds a role; no statement
};

/// The style of report a head belongs to (record_heads.h for the UN record styles).
enum class HeadStyle : std::uint8_t {
    notes,  ///< meeting notes: "Ms. X, ESCWA, said …"
    record, ///< summary and verbatim records: "Mr. X (Morocco) said …", "The Chair: …"; the
            ///< speaker carries on over the following passages until the next head
    press,  ///< press releases: "The representative of Egypt said …"
};

/// The speakers a passage names at the head of a statement (several when they speak jointly:
/// "Mr. A, …; Ms. B, …; and Ms. C, … welcomed", "MM. A (Tunisie) et B (Maroc)").
struct Head {
    HeadKind kind = HeadKind::statement;
    std::vector<PersonRef> people;
    std::string lead_in; ///< the words before the first title in its sentence
    HeadStyle style = HeadStyle::notes;
    // Record and press styles only:
    std::string role;  ///< presiding role as written, article dropped ("Chair", "الرئيس")
    std::string label; ///< the speaker when no person is named ("Representative of Egypt")
    std::string affiliation;            ///< the country as written ("Egypt")
    std::vector<std::string> countries; ///< the country the speaker speaks for (ISO codes)
};

/// True for one short line (at most 25 words) without final punctuation: a speaker line
/// without a statement ("Mr. William Gois, Regional Coordinator, Migrant Forum in Asia") or a
/// session title ("Open discussion: Means to ensure …").
bool is_bare_line(std::string_view text);

/// Finds statement heads with the titles and cues of the reference data. A title opens a head
/// when it starts a sentence, or (English, French) follows a short phrase ending with a comma
/// ("Closing the meeting, Ms. Khoury thanked"), or (Arabic) follows a short verb phrase
/// ("وقدّم السيد…"). Heads with an apposition ("Mr. X, from IOM") win over bare names.
/// Immutable after construction; thread-safe.
class HeadFinder {
  public:
    HeadFinder(const ReferenceData& data, const NameRules& names);

    /// The statement head of `text`, if any. Every query also takes the tokens of `text`
    /// (scan_tokens()), for callers that scan a passage once.
    std::optional<Head> find(std::string_view text, Lang lang) const;
    std::optional<Head> find(std::string_view text, const Tokens& t, Lang lang) const;

    /// Byte spans of every titled name in `text` (they hide country names: "Mr. Jordan").
    std::vector<std::pair<std::uint32_t, std::uint32_t>>
    person_spans(std::string_view text, const Tokens& t, Lang lang) const;

    /// "The moderator welcomed …": the passage's subject is the (unnamed) moderator.
    bool refers_to_moderator(std::string_view text, const Tokens& t, Lang lang) const;
    /// A pronoun or verb that carries the previous statement on ("She added", "Elle a ajouté",
    /// "وأضافت").
    bool continues_statement(std::string_view text, const Tokens& t, Lang lang) const;
    /// "Annex: List of participants", "Liste des participants", "قائمة المشاركين".
    bool starts_annex(std::string_view text, const Tokens& t, Lang lang) const;
    bool starts_annex(std::string_view text, Lang lang) const {
        return starts_annex(text, scan_tokens(text), lang);
    }
    /// A person named after a singular title at token i of `text` ("Mr. Hilale"): the index of
    /// the token after the name, 0 when there is none.
    std::size_t titled_person(std::string_view text, const Tokens& t, std::size_t i, Lang lang,
                              PersonRef& p) const;
    /// True when `t` is a government or national-institution word ("Ministry", "وزارة").
    bool names_government(std::string_view text, Lang lang) const;

  private:
    struct TitleHit {
        std::size_t first, last;
        bool plural;
    };
    struct Scan;
    std::vector<TitleHit> titles(std::string_view text, const Tokens& t, Lang lang) const;
    std::optional<TitleHit> title_at(std::string_view text, const Tokens& t, std::size_t i,
                                     Lang lang) const;
    std::size_t read_name(const Scan& s, std::size_t i, PersonRef& p) const;
    std::size_t read_apposition(const Scan& s, std::size_t i, PersonRef& p) const;
    bool ends_apposition(const Scan& s, std::size_t k, std::size_t segment_start,
                         bool first_segment) const;
    std::size_t read_people(const Scan& s, const TitleHit& hit, Head& head) const;
    std::size_t sentence_start(const Scan& s, std::size_t i) const;
    bool cue_before(const Scan& s, std::size_t i, Cue kind) const;
    std::optional<Head> moderator_in_parentheses(const Scan& s) const;
    bool opens_statement(const Scan& s, const TitleHit& hit, std::size_t end, Head& head) const;
    std::optional<Head> choose(const Scan& s, const std::vector<TitleHit>& hits) const;

    const NameRules& names_;
    std::array<PhraseIndex, 3> titles_;          ///< payload: index into title_dots_ (per language)
    std::array<std::vector<bool>, 3> title_dot_; ///< the title is written with a full stop
    std::array<std::vector<bool>, 3> title_plural_;
    std::array<PhraseIndex, 3> moderated_by_, moderator_, by_line_, annex_, government_;
    std::array<WordSet, 3> continuation_, impersonal_, apposition_word_, verb_start_,
        apposition_stop_, and_;
};

} // namespace mahdar
