// Whether two documents in different languages are versions of one text: the keys that say so
// outright (a file name without its language suffix) and the content check for when nothing
// does. Pure functions over strings, no index.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace mahdar {

/// The name that a file's language versions share: its path with the extension and a
/// language suffix taken off ("…/ar/2024-10-29_record.ar.md" → "2024-10-29_record"; also
/// "report-EN.pdf", "report_fr.docx"), and the folder above a language folder ("ar", "en",
/// "fr") or the file's own folder, so versions in sibling language folders share it:
/// "<folder>\t<stem>". Empty when the name has no language suffix.
std::string version_name_key(std::string_view path);

/// What the content check compares: the document's date, the anchors of its text (text/
/// alignment.h anchors_of(), the date's own numbers and paragraph numbers left out) and its
/// number of paragraphs.
struct ContentSketch {
    std::string date;
    std::set<std::string> anchors;
    std::size_t paragraphs = 0;
};

/// Adds one paragraph (its text without the leading number) to a sketch.
void add_to_sketch(ContentSketch& s, std::string_view paragraph);

/// How sure it is that two sketches are one text in two languages, in [0, 1]: 0 unless the
/// dates are equal and not empty and the paragraph counts are within a third of each other;
/// else mostly the agreement of their anchors (numbers, names, symbols). Pure.
double content_score(const ContentSketch& a, const ContentSketch& b);

/// The score from which content_score() links two documents (when each is the other's best).
constexpr double content_link_threshold = 0.45;

} // namespace mahdar
