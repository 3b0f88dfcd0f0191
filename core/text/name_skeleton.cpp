#include "text/name_skeleton.h"

#include "text/normalise.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

namespace mahdar {
namespace {

// ICU transliterators are costly to build and their use is not thread-safe: one per thread.
icu::Transliterator& to_ascii() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(
            icu::Transliterator::createInstance("Arabic-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !made) throw std::runtime_error("ICU: no Arabic-Latin transliterator");
        return made;
    }();
    return *t;
}

std::string ascii_of(std::string_view name) {
    std::string text;
    // Arabic words normalised first: ة → ه (ICU would write t), ى → ي, hamza seats.
    for (size_t b = 0; b < name.size();) {
        size_t e = name.find(' ', b);
        if (e == std::string_view::npos) e = name.size();
        if (!text.empty()) text += ' ';
        text += normalise_word(name.substr(b, e - b));
        b = e + 1;
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    to_ascii().transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

} // namespace

std::string name_skeleton(std::string_view name) {
    std::string a = ascii_of(name);
    std::string letters;
    for (char c : a)
        if (c >= 'a' && c <= 'z') letters += c;
        else if (c >= 'A' && c <= 'Z') letters += static_cast<char>(c + 32);
    std::string out;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        char c = letters[i], next = i + 1 < letters.size() ? letters[i + 1] : '\0';
        if (next == 'h' && (c == 'k' || c == 's' || c == 'c' || c == 'g' || c == 't' || c == 'd')) {
            c = c == 'c' ? 's' : c;
            ++i;
        } else if (c == 'o' && next == 'u') {
            c = 'w';
            ++i;
        }
        switch (c) {
        case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'w': case 'h': continue;
        case 'g': c = 'j'; break;
        case 'q': case 'c': c = 'k'; break;
        case 'v': c = 'f'; break; // Arabic writes v and p as ف and ب
        case 'p': c = 'b'; break;
        default: break;
        }
        if (out.empty() || out.back() != c) out += c;
    }
    return out;
}

bool is_arabic_name(std::string_view name) { return is_arabic_script(name); }

std::string without_inner_articles(std::string_view arabic_name) {
    constexpr std::string_view space_article = " \xD8\xA7\xD9\x84"; // " ال"
    std::string out(arabic_name);
    bool changed = false;
    for (size_t at = out.find(space_article); at != std::string::npos; at = out.find(space_article, at + 1)) {
        out.erase(at + 1, space_article.size() - 1);
        changed = true;
    }
    return changed ? out : std::string();
}

} // namespace mahdar
