// Repairs of Arabic text as PDF text layers give it (shared LANGUAGE.md "Arabic in PDFs"):
// presentation forms, lam-alef ligatures expanded in the wrong order, bidi controls, lines in
// visual (drawn) order. Pure functions over UTF-8 strings; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace mahdar {

/// Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) replaced by their base letters
/// (NFKC of those characters only: "ﺍﻟﺴﻼﻡ" → "السلام"); every other character is kept as is.
std::string fold_presentation_forms(std::string_view text);

/// The lam-alef ligature put back in order where its letters came out swapped, where the
/// spelling shows it: alef + alef-with-hamza/madda/alef + lam anywhere in a word (two alefs
/// never meet: "األمم" → "الأمم", "واإلقليمي" → "والإقليمي", "وكاالت" → "وكالات"); "ال",
/// "وال", "فال" standing alone ("لا", "ولا", "فلا"); a word starting with "إل" + a letter other
/// than ى ي ا ه ("إلدارة" → "لإدارة"); "الال" or "لال" + a letter other than ت at the start
/// ("الالجئين" → "اللاجئين", "لالحتجاز" → "للاحتجاز"; "الالتزام" is a real word). Other swaps inside a word ("المشكالت", "خالل") are
/// left: they cannot be told from real words ("سالم") by spelling. Harakat (U+064B–U+065F,
/// U+0670) do not hide a swap, and each moves with the letter it follows ("اأُلمَم" → "الأُمَم").
std::string fix_lam_alef_order(std::string_view text);

/// `text` without the bidi controls producers wrap runs in (U+200E, U+200F, U+061C,
/// U+202A–U+202E, U+2066–U+2069).
std::string strip_bidi_controls(std::string_view text);

/// True when an Arabic line reads as if drawn in visual order (its words' letters reversed):
/// more words end with the article reversed ("لا") or start with a reversed suffix ("ة", "تا",
/// "ني", "نو") than start with "ال" or end with "ة", "ات", "ين", "ون".
bool looks_visual_order(std::string_view line);

/// An Arabic word in visual order (left to right as drawn) with the bracket drawn on the left
/// of its letters a closing one and the one on their right an opening one, which is how they
/// read once the word is turned: producers that give each glyph its own character give the
/// mirrored glyph's ("(اوكسإلا)" → ")اوكسإلا(", read "(الإسكوا)"). Pairs ( ) [ ] { } « ».
std::string brackets_as_read(std::string_view visual_word);

/// The direction a paragraph's text runs in.
enum class TextDirection { ltr, rtl };

/// A line stored in visual order (left to right as drawn) put in logical order with ICU's
/// inverse BiDi: Arabic runs reversed, Latin and digit runs keep their direction; `paragraph`
/// says which way the line as a whole reads (an English line may quote an Arabic word).
std::string visual_to_logical(std::string_view line, TextDirection paragraph = TextDirection::rtl);

/// What every Arabic text from a PDF goes through: bidi controls removed, presentation forms
/// folded, lam-alef order fixed, NFC.
std::string repair_arabic(std::string_view text);

/// True when `text` has a letter of the Arabic script.
bool has_arabic(std::string_view text);

} // namespace mahdar
