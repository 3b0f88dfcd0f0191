// Filling in what a source does not state: language, and (extract.h) speaker, countries,
// objectives and meeting date.
#pragma once

#include "format/passage.h"

namespace mahdar {

class Extractor;

/// Completes `doc` in place. Fields a source gave (sidecar or JSON Lines) are kept; the rest
/// come from detection and extraction: each passage's language (detected per passage), the
/// document's language (its passages' majority), and with an `extractor` the meeting date and
/// each passage's speaker, countries and objectives (extract.h). Passages inherit the
/// document's date.
void enrich(Document& doc, const Extractor* extractor = nullptr);

} // namespace mahdar
