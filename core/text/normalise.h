// Word-level normalisation shared by indexing and querying (see shared LANGUAGE.md).
#pragma once

#include "common/utf8.h"

#include <string>
#include <string_view>

namespace mahdar {

/// The normalised form of one word, in UTF-8: NFKC case folding (presentation forms to base
/// letters, ligatures such as "ﬁ" split), every Unicode decimal digit to ASCII, Arabic harakat,
/// superscript alef and tatweel removed, آ أ إ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, typographic
/// apostrophes (’ ʼ ‘) → ', œ → oe, æ → ae, no-break and thin spaces removed (they only occur
/// inside numbers such as "1 234"). Accents on Latin letters are kept: French stems them
/// before folding. Pure; thread-safe.
std::string normalise_word(std::string_view word);

/// Removes combining accents from Latin letters ("sécurité" → "securite"); other scripts and
/// ASCII are returned unchanged. Pure; thread-safe.
std::string fold_accents(std::string_view word);

/// The form two words are compared in outside the index (extraction, quote diff, speaker
/// keys): normalise_word() then fold_accents() — "Égypte" and "egypte" share one key. Pure.
std::string word_key(std::string_view word);

/// True when the word's first letter is in the Arabic script.
bool is_arabic_script(std::string_view word);


} // namespace mahdar
