// Arabic light stemming (light10 semantics, as Lucene's ArabicStemmer), and the further stems
// a word may share with its other written forms: other proclitics, a dual misread, plurals.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// Light stem of an Arabic word already passed through normalise_word(): removes the first
/// matching prefix of ال وال بال كال فال لل و (و only from words of 4+ letters; the others only
/// when 2+ letters remain), then each suffix of ها ان ات ون ين يه ه ي in that order while 2+
/// letters remain. Non-Arabic words are returned unchanged. Pure; thread-safe.
std::string arabic_light_stem(std::string_view normalised_word);

/// The words `normalised_word` may be once its proclitics are read off, the word itself first:
/// a conjunction و or ف, then a preposition ب ك or ل, then the article ال, each optional, in
/// that order — so "بشان" may be "شان", "للامم" is "امم" (ل + ال, whose alef is not written),
/// "للجنه" may also be "لجنه" (ل + ال + لجنه), "والولايه" is "ولايه". A one-letter proclitic
/// is read off only when 3+ letters remain, the article when 2+ remain. Pure; thread-safe.
std::vector<std::string> arabic_bare_forms(std::string_view normalised_word);

/// Stems `normalised_word` shares with its other written forms, beyond arabic_light_stem()
/// and never equal to it: the light suffix stems of each bare form (arabic_bare_forms), of
/// each with the dual ان kept (light10 reads "بيان" as a dual, so بيان and بيانات never met),
/// and of the singulars of a bare form that is a broken plural (text/arabic_plural.h:
/// "حقوق" has the stem of "حق").
/// Words of both forms get these stems at index time and in queries, so a word finds its
/// forms with another proclitic ("شأن" finds "بشأن", "الأمم" finds "للأمم"). Pure; thread-safe.
std::vector<std::string> arabic_stem_variants(std::string_view normalised_word);

} // namespace mahdar
