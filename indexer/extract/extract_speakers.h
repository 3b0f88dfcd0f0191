// Who speaks in each passage of a document: statements, their continuations, joint speakers,
// moderators, and one name per person.
#pragma once

#include "extract/extract_countries.h"
#include "extract/speaker_heads.h"
#include "extract/speaker_names.h"
#include "format/passage.h"
#include "reference/reference_data.h"

#include <string>
#include <vector>

namespace mahdar {

/// What extraction says about the speaker of one passage.
struct SpeakerInfo {
    std::string speaker;     ///< canonical names, " | " between joint speakers; empty: no statement
    std::string affiliation; ///< organisation or government as written
    std::string role;        ///< role as written, when the apposition gives one apart
    std::vector<std::string> countries; ///< the speaker's country when they represent a
                                        ///< government or national institution
};

/// Attributes the passages of a document to speakers:
/// - a statement head ("Ms. X, …, said", "وقالت السيدة X،", "by Ms. X, …") names its speakers;
/// - a speaker line ("Ms. X, …, ESCWA:" or a line with only a name and affiliation) and a by-line
///   carry on over the following passages of the section until another head;
/// - a statement head carries on over following passages that continue it ("She added",
///   "Elle a ajouté", "وأضافت");
/// - "moderated by Dr. X" names the moderator, whom "The moderator …" later refers to;
/// - headings, title lines, table rows and annexes (participant lists) have no speaker, but
///   annex lists help resolve names.
/// Names are resolved within the document to the fullest form it gives ("Mrs. Godeau" →
/// "Carmela Godeau"), titles stripped. Immutable after construction; thread-safe.
class SpeakerExtractor {
  public:
    SpeakerExtractor(const ReferenceData& data, const CountryMatcher& countries);

    /// One SpeakerInfo per passage of `doc`, in order. A speaker given by the source
    /// (doc.passage_given) is kept and carried on to its continuations.
    std::vector<SpeakerInfo> extract(const Document& doc) const;
    /// The same, with the tokens of each passage's text (scan_tokens()).
    std::vector<SpeakerInfo> extract(const Document& doc, const std::vector<Tokens>& tokens) const;

    /// Byte spans of the titled names of a passage (not countries: "Mr. Jordan Smith").
    Spans person_spans(std::string_view text, const Tokens& t, Lang lang) const {
        return heads_.person_spans(text, t, lang);
    }

    const NameRules& name_rules() const { return names_; }

  private:
    struct Context;
    void collect_names(Context& c) const;
    std::string resolve(const Context& c, const PersonRef& p) const;
    SpeakerInfo describe(const Context& c, const Head& head, Lang lang) const;
    void assign(Context& c) const;
    void enter_section(Context& c, std::size_t i) const;
    void take_head(Context& c, std::size_t i, const Head& head) const;
    bool title_like(const Document& doc, std::size_t i) const;

    NameRules names_;
    HeadFinder heads_;
    const CountryMatcher& countries_;
};

} // namespace mahdar
