// Writing an Atom 1.0 feed (RFC 4287): the alerts of a saved search (http/feed_route.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mahdar {

struct AtomCategory {
    std::string term, scheme, label;
};

struct AtomEntry {
    std::string id;        ///< an absolute IRI (the passage's permalink)
    std::string title;
    std::string updated;   ///< RFC 3339, UTC
    std::string published; ///< RFC 3339, or "" for none
    std::string link;      ///< rel="alternate", text/html
    std::string author;    ///< "" for none (the feed's author stands in)
    std::string lang;      ///< xml:lang of the entry, or ""
    std::string summary;   ///< plain text
    std::vector<AtomCategory> categories;
};

struct AtomFeed {
    std::string id, title, subtitle, updated, self, alternate, author;
    std::vector<AtomEntry> entries;
};

/// The feed as an XML document in UTF-8. Every string is escaped (& < > " ') and stripped of what
/// XML 1.0 cannot hold (control characters other than tab and line breaks, U+FFFE, U+FFFF);
/// invalid UTF-8 becomes U+FFFD. Pure.
std::string atom_xml(const AtomFeed& feed);

/// `s` as XML character data or attribute value (see atom_xml). Pure.
std::string xml_escape(std::string_view s);

/// RFC 3339 UTC time ("2026-12-07T13:46:42Z") of `seconds` since 1970. Pure.
std::string rfc3339(double seconds);

/// RFC 3339 time of the start of a meeting date "YYYY-MM-DD" ("YYYY-MM", "YYYY" are completed
/// with the first month or day), or nullopt when `date` is not one.
std::optional<std::string> rfc3339_of_date(std::string_view date);

} // namespace mahdar
