// Personal names: when two spellings name the same person, and which spelling to show.
#pragma once

#include "reference/reference_data.h"
#include "text/text_scan.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

/// Name comparison with the particles of the reference data ("el", "al", "de", "bin"…).
/// Immutable after construction; thread-safe.
/// A name prepared for comparison: all its normalised words, and those that are not particles.
struct NameKey {
    std::vector<std::string> words;     ///< "enas", "el", "fergany"
    std::vector<std::string> key_words; ///< "enas", "fergany"
    std::string letters;                ///< "enaselfergany"
};

class NameRules {
  public:
    explicit NameRules(const ReferenceData& data);

    NameKey key(std::string_view name) const;

    /// The normalised words of a name without its particles: "Enas El Fergany" → enas, fergany.
    std::vector<std::string> key_words(std::string_view name) const;

    /// True when `a` and `b` can name the same person: the same letters ("El-Awady",
    /// "Elawady"), or the words of one are among the words of the other with the same surname
    /// ("Godeau" / "Carmela Godeau", "Enas Fergany" / "Enas El Fergany", "الشربيني" /
    /// "نادية الشربيني").
    bool same_person(std::string_view a, std::string_view b) const;
    bool same_person(const NameKey& a, const NameKey& b) const;

    /// True for a name particle ("el", "de").
    bool is_particle(const Token& t) const { return particles_.contains(t.norm); }

  private:
    WordSet particles_;
};

/// A name as it should be displayed: spaces collapsed, words written in capitals (3+
/// letters) in title case ("Kristina MEJO" → "Kristina Mejo").
std::string display_name(std::string_view name);

enum class NameSource : std::uint8_t { statement, annex };

/// The names one document gives, and the fullest form of each person's name.
class NameBook {
  public:
    explicit NameBook(const NameRules& rules) : rules_(rules) {}

    void add(std::string_view name, NameSource source);

    /// The fullest name the document gives for the person `name` names: the form with most
    /// words, names from statements before names from annex lists, the first seen on ties;
    /// `name` itself when no other form matches. Display form (display_name()).
    std::string resolve(std::string_view name) const;

    /// How many of `words` (an Arabic name whose end the text does not mark) form a name the
    /// document gives: the longest known name they start with, else 1 when words[0] is the
    /// surname of a known name, else 0. A known name equal to `self` (the occurrence being
    /// resolved) counts only when the document gives it more than once.
    std::size_t known_prefix(const std::vector<std::string>& words,
                             std::string_view self = {}) const;

  private:
    struct Entry {
        std::string name;
        NameKey key;
        NameSource source;
        int count = 1;
    };
    const NameRules& rules_;
    std::vector<Entry> names_;
};

/// Across documents: maps each name that is a shorter form of exactly one fuller name among
/// `names` to that fuller name ("El Sherbiny" → "Nadia El Sherbiny"). Names with several
/// incompatible fuller forms ("Hammouda": "Ghada Hammouda", "Mohamed Hammouda") are left
/// alone. Pure.
std::map<std::string, std::string> unify_names(const std::vector<std::string>& names,
                                               const NameRules& rules);

} // namespace mahdar
