// An XML part of a zip-based office document (word/document.xml, content.xml…), parsed with
// pugixml. Element names are matched with their usual prefixes ("w:p", "text:p"): pugixml does
// not resolve namespaces, and Word, LibreOffice and the other writers we know use these.
#pragma once

#include "ingest/layout.h"
#include "ingest/zip_archive.h"

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace mahdar {

/// A parsed part; `doc` points into `bytes` (parsed in place), so the two live together.
struct XmlPart {
    std::string bytes;
    pugi::xml_document doc;
    bool present = false; ///< false when the archive has no such member
};

enum class PartNeed { required, optional };

/// Reads and parses `name` into `part`. A missing required part gives "<malformed>: no
/// <name>"; XML that does not parse gives "<malformed>: <name>: <pugixml's description> at
/// offset N" when required, a warning in `layout` and an empty part when optional; the zip's
/// own failures ("too large", "damaged zip archive") are returned as they are. `malformed` is
/// the reason label: "malformed DOCX", "malformed ODT". Whitespace-only text is kept (a
/// <w:t xml:space="preserve"> </w:t> is a space between words).
std::optional<Error> load_xml_part(const ZipArchive &zip, std::string_view name,
                                   const ReadLimits &limits, PartNeed need,
                                   std::string_view malformed, XmlPart &part, Layout &layout);

} // namespace mahdar
