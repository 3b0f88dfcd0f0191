#include "text/langid.h"

#include "text/normalise.h"
#include "text/text_scan.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <string>

namespace mahdar {
namespace {

// Frequent words that are rare or absent in the other language ("a", "on", "en" are shared
// or ambiguous, so left out).
const std::array<std::string_view, 40> english_words = {
    "the", "of", "and", "to", "is", "that", "for", "with", "as", "by", "was", "were", "are",
    "be", "this", "which", "it", "from", "at", "an", "has", "have", "its", "their", "also",
    "he", "she", "his", "her", "they", "will", "would", "should", "been", "not", "or", "all",
    "these", "other", "into"};
const std::array<std::string_view, 42> french_words = {
    "le", "la", "les", "de", "des", "du", "et", "un", "une", "au", "aux", "est", "que", "qui",
    "dans", "pour", "par", "sur", "avec", "ne", "pas", "sont", "ces", "cette", "il", "elle",
    "leur", "leurs", "ont", "été", "être", "ainsi", "comme", "mais", "ou", "où", "à", "sa",
    "son", "ses", "nous", "entre"};
const std::array<std::string_view, 6> french_elisions = {"l", "d", "qu", "n", "s", "j"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

bool is_french_accent(char32_t c) {
    return c == U'é' || c == U'è' || c == U'ê' || c == U'à' || c == U'ç' || c == U'ù' ||
           c == U'â' || c == U'î' || c == U'ô' || c == U'û' || c == U'ë' || c == U'ï';
}

} // namespace

// Words are the extraction tokens of text_scan.h (the search words, split at apostrophes):
// "l’objectif" is the elided "l" then "objectif".
Lang detect_language(std::string_view text) {
    int arabic = 0, letters = 0;
    double english = 0, french = 0;
    std::vector<TokenSpan> tokens = token_spans(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::string_view raw = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
        std::string word; // lower case, accents kept
        for (std::size_t pos = 0; pos < raw.size();) {
            auto uc = static_cast<UChar32>(next_code_point(raw, pos));
            if (!u_isalpha(uc)) continue;
            ++letters;
            UErrorCode status = U_ZERO_ERROR;
            if (uscript_getScript(uc, &status) == USCRIPT_ARABIC) ++arabic;
            auto lower = static_cast<char32_t>(u_tolower(uc));
            if (is_french_accent(lower)) french += 0.25;
            append_utf8(word, lower);
        }
        std::string_view apostrophe =
            i + 1 < tokens.size() ? text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end) : "";
        bool elided = apostrophe == "'" || apostrophe == "’";
        if (elided && contains(french_elisions, word)) french += 1;
        else if (contains(english_words, word)) english += 1;
        else if (contains(french_words, word)) french += 1;
    }
    if (letters > 0 && arabic * 10 >= letters * 3) return Lang::ar;
    return french > english ? Lang::fr : Lang::en;
}

} // namespace mahdar
