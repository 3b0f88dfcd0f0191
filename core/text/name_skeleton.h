// One person's name in Arabic and in Latin script, recognised by its consonants.
#pragma once

#include <string>
#include <string_view>

namespace mahdar {

/// The consonant skeleton of a personal name, alike for its Arabic and its Latin spelling:
/// "رانيا خوري" and "Rania Khoury" → "rnkr", "إيناس الفرجاني" and "Enas El Fergany" →
/// "nslfrjn". Arabic script goes through normalise_word() and ICU's Arabic-Latin transliterator;
/// then, in lower-case ASCII, digraphs become one letter (kh sh ch gh th dh → k s s g t d,
/// French ou → w), vowels, y, w, h and marks go, g is j, q and c are k, v is f, p is b, and
/// doubled letters count once. Word spaces and hyphens are dropped ("Al-Ahmad" and "الأحمد" meet). Pure;
/// thread-safe (one transliterator per thread).
std::string name_skeleton(std::string_view name);

/// True when `name` is written in Arabic script (its first letter is).
bool is_arabic_name(std::string_view name);

/// `name` without the article ال of its words after the first, which Latin spellings often
/// leave out ("يوسف الطرابلسي" → "يوسف طرابلسي", for "Youssef Trabelsi"); "" when it has none.
std::string without_inner_articles(std::string_view arabic_name);

} // namespace mahdar
