// Ready-to-paste citations of a passage, in United Nations editorial style, and CSL-JSON.
#pragma once

#include "format/passage.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace mahdar {

struct Citation {
    std::string en, fr, ar;
    nlohmann::json csl_json; ///< one CSL-JSON item (type "speech" with a speaker, else "report")
};

/// Writes citations such as
///   en: Statement by Ms. Sara Salman (ESCWA), <document title>, 13 August 2020, para. 4.
///   fr: Déclaration de Mme Sara Salman (ESCWA), <document title>, 13 août 2020, par. 4.
///   ar: بيان السيدة سارة سلمان (ESCWA)، <document title>، 13 آب/أغسطس 2020، الفقرة 4.
/// Names, titles, affiliations and symbols written the other way from the citation's language
/// are isolated (bidi_isolated()). Without a speaker the citation starts with the title; the UN symbol follows the title in
/// parentheses; a missing date or paragraph is left out. Titles, names and affiliations are
/// given as the passage writes them (a citation names a document in its own language); the
/// honorific (Ms./Mme/السيدة) is the one written before the speaker's name in the passage.
///
/// The ICU date formatters are built once, in the constructor (which throws std::runtime_error
/// when ICU cannot build them). format() and date() are const and thread-safe: ICU does not
/// promise that one formatter may be used by several threads at once, so a mutex serialises
/// the few microseconds of formatting.
class CitationFormatter {
  public:
    CitationFormatter();
    ~CitationFormatter();
    CitationFormatter(const CitationFormatter&) = delete;
    CitationFormatter& operator=(const CitationFormatter&) = delete;

    Citation format(const Passage& p, std::string_view symbol) const;

    /// The citation of format() in one language only (exports: a third of the work).
    std::string citation(const Passage& p, std::string_view symbol, Lang lang) const;

    /// The CSL-JSON item of format(), without the citations' work.
    static nlohmann::json csl(const Passage& p, std::string_view symbol);

    /// "2020-08-13" → "13 August 2020", "13 août 2020" ("1er août" on the first), "13 آب/أغسطس
    /// 2020" (Levantine and Egyptian month names, Latin digits, as in UN Arabic documents);
    /// "" when `iso` is not a valid YYYY-MM-DD date.
    std::string date(std::string_view iso, Lang lang) const;

  private:
    struct Formatters;
    std::unique_ptr<Formatters> formatters_;
    mutable std::mutex mutex_;
};

/// `field` as it goes into a citation in `lang`: wrapped in FIRST STRONG ISOLATE (U+2068) … POP
/// DIRECTIONAL ISOLATE (U+2069) when its first strong letter runs the other way (an Arabic name
/// in an English citation, a Latin title or symbol in an Arabic one), so that it shows and
/// pastes in its own order without reordering the words around it; else unchanged. Pure.
std::string bidi_isolated(std::string_view field, Lang lang);

/// The honorific written just before the speaker's name (or surname) in `text`, in `lang`:
/// "Ms. Sara Salman said" → "Ms." (en), "Mme" (fr), "السيدة" (ar); "" when there is none or it
/// says nothing of the person's gender (Dr., H.E.). Pure.
std::string honorific(std::string_view text, std::string_view speaker, Lang lang);

} // namespace mahdar
