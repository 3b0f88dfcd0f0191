// Who speaks in each passage of a document: statements, their continuations, joint speakers,
// moderators, and one name per person.
#pragma once

#include "extract/extract_countries.h"
#include "extract/record_heads.h"
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
///   annex lists help resolve names;
/// - UN records (record_heads.h): a delegate ("Mr. Hilale (Morocco) said", "… (spoke in
///   Arabic):") or presiding officer ("The Chair said", "Le Président :") carries on over the
///   following passages of the section until the next record head or a procedural line ("The
///   meeting rose …"); inside such a speech, the titled names of meeting-notes style do not
///   change the speaker. The presiding officer is named by the record when it says who holds
///   the role ("Chair: Mr. Omar Hilale (Morocco)", "The Chair (Ms. X)"), else is the role as
///   written ("Chair", "Présidente", "الرئيس"); either way `role` is that role and the
///   speaker has no country (a presiding officer does not speak for their country). A
///   delegate's country is their parenthesis. A press release's "The representative of
///   Egypt said" gives the speaker "Representative of Egypt" and the country, continued by
///   pronoun and verb cues like a meeting-notes statement.
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
    SpeakerInfo describe_record(const Context& c, const Head& head) const;
    void assign(Context& c) const;
    void enter_section(Context& c, std::size_t i) const;
    void take_head(Context& c, std::size_t i, const Head& head) const;
    bool title_like(const Document& doc, std::size_t i) const;

    NameRules names_;
    HeadFinder heads_;
    const CountryMatcher& countries_;
    RecordHeadFinder records_;
};

} // namespace mahdar
