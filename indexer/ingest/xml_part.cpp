#include "ingest/xml_part.h"

namespace mahdar {

std::optional<Error> load_xml_part(const ZipArchive &zip, std::string_view name,
                                   const ReadLimits &limits, PartNeed need,
                                   std::string_view malformed, XmlPart &part, Layout &layout) {
    std::string member(name);
    if (!zip.contains(member)) {
        if (need == PartNeed::required)
            return read_failure(malformed, "no " + member);
        return std::nullopt;
    }
    auto bytes = zip.read(member, limits.max_unpacked);
    if (!bytes)
        return bytes.error();
    part.bytes = std::move(bytes.value());
    pugi::xml_parse_result parsed = part.doc.load_buffer_inplace(
        part.bytes.data(), part.bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata,
        pugi::encoding_auto);
    if (!parsed) {
        std::string why =
            member + ": " + parsed.description() + " at offset " + std::to_string(parsed.offset);
        part.doc.reset();
        if (need == PartNeed::required)
            return read_failure(malformed, why);
        layout.warnings.push_back(why + " (part ignored)");
        return std::nullopt;
    }
    part.present = true;
    return std::nullopt;
}

} // namespace mahdar
