// Metadata extraction for a whole document: meeting date, and each passage's speaker,
// affiliation, role, countries and GCM objectives.
#pragma once

#include "extract/extract_countries.h"
#include "extract/extract_dates.h"
#include "extract/extract_objectives.h"
#include "extract/extract_speakers.h"
#include "format/passage.h"
#include "reference/reference_data.h"

namespace mahdar {

/// Extracts the metadata a source does not state. Built once from the reference data (which
/// must outlive it); const and thread-safe afterwards: several indexing threads may share one
/// Extractor (nothing mutable is shared; ICU objects are built per call).
class Extractor {
  public:
    explicit Extractor(const ReferenceData& data);
    Extractor(const Extractor&) = delete;
    Extractor& operator=(const Extractor&) = delete;

    /// Fills doc.date (the meeting date of a report's header, or empty) unless a sidecar gave
    /// it, and for each passage its speaker, affiliation and role, countries (named ones plus
    /// the speaker's country when they represent a government) and objectives. Fields the
    /// source gave (doc.given, doc.passage_given) and fields already set are never changed.
    /// Passage languages should be set first (enrich() does it).
    void extract(Document& doc) const;

    const SpeakerExtractor& speakers() const { return speakers_; }

  private:
    CountryMatcher countries_;
    ObjectiveMatcher objectives_;
    DateParser dates_;
    SpeakerExtractor speakers_;
};

} // namespace mahdar
