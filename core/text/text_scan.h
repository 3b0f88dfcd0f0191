// Tokens and phrase lookup for metadata extraction: words normalised as search normalises them
// (normalise.h word_key), with their byte offsets, so that extractors match phrases of the
// reference data whatever the diacritics, hamza, case, elision or Arabic proclitics.
//
// One word breaking, two grains: the search words of analyzer.h (ICU word rules) are what the
// index and queries hold; extraction tokens are the same words cut finer, at apostrophes, dots,
// hyphens and an Arabic letter followed by a digit ("l’Algérie" is one search word and the
// tokens "l", "algerie"). Every token lies inside one search word and every search word holds
// a token (tests/test_text_scan.cpp checks it on corpus/); language identification and the
// report splitter count these tokens.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mahdar {

/// One word of a text. Words are runs of letters, digits and combining marks; apostrophes,
/// hyphens, slashes and all punctuation separate words ("l’Algérie" → "l", "algerie";
/// "COVID-19" → "covid", "19"); an Arabic letter followed by a digit is split ("و5" → "و", "5").
struct Token {
    std::uint32_t begin = 0; ///< byte offset in the scanned text
    std::uint32_t end = 0;
    std::string norm;      ///< word_key(): "egypte", "المغرب"
    bool upper = false;    ///< starts with an upper-case letter
    bool all_caps = false; ///< two or more letters, all upper case ("UAE", "MEJO")
    bool number = false;   ///< digits only, after normalisation ("١٥" → "15")
    bool arabic = false;   ///< Arabic script
    /// Arabic: the other forms of arabic_forms(norm) — first those that keep the article
    /// ("بالمغرب" → "المغرب"), from `bare_from` on those without it ("مغرب"). Empty otherwise.
    std::vector<std::string> forms;
    std::size_t bare_from = 0;
};

using Tokens = std::vector<Token>;

/// Where a token stands: bytes [begin, end) of the text.
struct TokenSpan {
    std::uint32_t begin = 0, end = 0;
};

/// The tokens' spans only, without normalising them (cheap: language identification and
/// word counts). Pure; thread-safe.
std::vector<TokenSpan> token_spans(std::string_view text);

/// The words of `text`, in order: token_spans() with each token normalised. Pure; thread-safe.
Tokens scan_tokens(std::string_view text);

/// The text between token i-1 and token i (from the start of `text` for i == 0, to the end of
/// `text` for i == tokens.size()).
std::string_view gap_before(std::string_view text, const Tokens& tokens, std::size_t i);

/// Value of a number token (0..99999), or -1.
int token_number(const Token& t);

/// Whether the Arabic article ال may be removed when looking a word up: country names are
/// written with it ("المغرب"), adjectives and "objective" words without it ("مغربي", "هدف").
enum class Article : std::uint8_t { keep, strip };

/// The forms an Arabic word may have without its proclitics: itself, without و/ف, without
/// ب/ل/ك, with لل read as ال, and (Article::strip) each of these without the article ال
/// ("وللمغاربة" → "للمغاربه", "المغاربه", "مغاربه"…). At least three letters remain.
std::vector<std::string> arabic_forms(std::string_view norm, Article article = Article::strip);

/// True when `t` is `norm`, or (Arabic) one of arabic_forms(t) is.
bool token_is(const Token& t, std::string_view norm);

enum class CaseRule : std::uint8_t { any, as_written };

/// A phrase found in a token sequence: tokens [first, last) and the phrase's payload.
struct PhraseMatch {
    std::size_t first = 0, last = 0;
    int payload = 0;
};

/// Phrases (sequences of normalised words) with an int payload, looked up by their first word.
/// The first word of a phrase may carry Arabic proclitics in the text. With CaseRule::as_written
/// a word written with an initial capital in the phrase must have one in the text, and an
/// all-capitals word (an acronym) must be in capitals. Immutable after building; thread-safe.
class PhraseIndex {
  public:
    explicit PhraseIndex(Article article = Article::keep) : article_(article) {}
    void add(std::string_view phrase, int payload);
    /// The longest phrase starting at token i.
    std::optional<PhraseMatch> match(const Tokens& tokens, std::size_t i, CaseRule rule) const;
    /// The longest phrase ending at token `end` (exclusive), starting at most 6 tokens earlier.
    std::optional<PhraseMatch> match_ending(const Tokens& tokens, std::size_t end,
                                            CaseRule rule) const;
    bool empty() const { return by_first_.empty(); }

  private:
    enum class Caps : std::uint8_t { any, initial, all };
    struct Entry {
        std::vector<std::string> words;
        std::vector<Caps> caps;
        int payload;
    };
    bool matches(const Entry& e, const Tokens& tokens, std::size_t i, CaseRule rule) const;
    Article article_;
    std::unordered_map<std::string, std::vector<Entry>> by_first_;
};

/// How a WordSet looks Arabic words up: as written, or also without proclitics and article.
enum class WordMatch : std::uint8_t { exact, arabic_forms };

/// A set of single normalised words (cue words).
class WordSet {
  public:
    explicit WordSet(WordMatch match = WordMatch::exact) : match_(match) {}
    void add(std::string_view word);
    bool contains(const Token& t) const;
    bool contains(std::string_view norm) const;

  private:
    WordMatch match_;
    std::vector<std::string> words_;
};

} // namespace mahdar
