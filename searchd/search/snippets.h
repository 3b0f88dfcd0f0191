// Snippets: an excerpt of a passage's original text with the matched words marked.
#pragma once

#include "search/query_parser.h"
#include "text/analyzer.h"

#include <string>
#include <string_view>

namespace mahdar {

/// HTML-escaped excerpt of `text` of about `max_words` words around the densest stretch of
/// matches, each matched word wrapped in <mark>…</mark>. Words are found with the same analysis
/// as the index, so "الامم" marks "الأُمَم" and "objectif" marks "l’objectif"; the marks cover
/// the original characters (diacritics, tatweel and elided article included). A cut at either
/// end is shown as "…". Passages no longer than 1.5 × max_words are shown whole.
std::string snippet_html(std::string_view text, Lang lang, const Highlight& highlight,
                         Analyzer& analyzer, std::size_t max_words = 40);

/// The whole of `text`, HTML-escaped, with the words `highlight` matches wrapped in <mark>…</mark>
/// as snippet_html() marks them (the reader's paragraphs).
std::string marked_html(std::string_view text, Lang lang, const Highlight& highlight, Analyzer& analyzer);

/// `text` with & < > " ' escaped for HTML.
std::string html_escape(std::string_view text);

} // namespace mahdar
