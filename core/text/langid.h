// Language identification of a passage: Arabic by script, English vs French by function words.
#pragma once

#include "text/language.h"

#include <string_view>

namespace mahdar {

/// The language of `text`: Arabic when at least 30% of its letters are Arabic script;
/// otherwise French when French function words, elisions and accented letters outweigh the
/// English function words, else English (also the answer for text with no letters). Pure.
Lang detect_language(std::string_view text);

} // namespace mahdar
