#include "text/langid.h"

#include "text/normalise.h"

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
const std::array<std::string_view, 6> french_elisions = {"l'", "d'", "qu'", "n'", "s'", "j'"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

bool is_french_accent(char32_t c) {
    return c == U'é' || c == U'è' || c == U'ê' || c == U'à' || c == U'ç' || c == U'ù' ||
           c == U'â' || c == U'î' || c == U'ô' || c == U'û' || c == U'ë' || c == U'ï';
}

struct Counts {
    int arabic = 0, letters = 0;
    double english = 0, french = 0;
};

void score_word(Counts& c, std::string& word) {
    if (word.empty()) return;
    for (auto e : french_elisions)
        if (word.size() > e.size() && word.compare(0, e.size(), e) == 0) {
            c.french += 1;
            word.erase(0, e.size());
        }
    if (contains(english_words, word)) c.english += 1;
    if (contains(french_words, word)) c.french += 1;
    word.clear();
}

} // namespace

Lang detect_language(std::string_view text) {
    Counts c;
    std::string word;
    size_t pos = 0;
    while (pos < text.size()) {
        char32_t ch = next_code_point(text, pos);
        auto uc = static_cast<UChar32>(ch);
        if (u_isalpha(uc)) {
            ++c.letters;
            UErrorCode status = U_ZERO_ERROR;
            if (uscript_getScript(uc, &status) == USCRIPT_ARABIC) ++c.arabic;
            char32_t lower = static_cast<char32_t>(u_tolower(uc));
            if (is_french_accent(lower)) c.french += 0.25;
            append_utf8(word, lower);
        } else if (ch == '\'' || ch == U'’') {
            if (!word.empty()) word += '\'';
        } else {
            score_word(c, word);
        }
    }
    score_word(c, word);
    if (c.letters > 0 && c.arabic * 10 >= c.letters * 3) return Lang::ar;
    return c.french > c.english ? Lang::fr : Lang::en;
}

} // namespace mahdar
