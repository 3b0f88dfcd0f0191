// libFuzzer entry for the search request (issue 18): the bytes as a URL query string
// (`q=…&country=…&partial=1`, percent-decoded as cpp-httplib does) — or, without '=', as the text
// of q — go through parse_search_request: every parameter check and the query parser with its
// analysis (phrases, OR/NOT, field:value, wildcards, Arabic clitics, the half-typed last word).
// Any input must give a request or an Error, never a crash, a hang or unbounded memory.
// Seeds: tests/fuzz/seeds/query/.
#include "facets/labels.h"
#include "http/request.h"
#include "reference/reference_data.h"
#include "search/query_parser.h"
#include "text/analyzer.h"
#include "text/stopwords.h"

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    // Built once: what searchd builds once per process.
    static const mahdar::ReferenceData reference;
    static const mahdar::Labels labels(reference);
    static const mahdar::WordLists lists = mahdar::WordLists::embedded();
    static mahdar::Analyzer analyzer(lists);
    static const mahdar::CountryResolver countries = [](std::string_view n) { return labels.resolve_country(n); };
    static mahdar::QueryParser parser(analyzer, countries);

    std::string text(reinterpret_cast<const char *>(data), size);
    mahdar::Params params;
    if (text.find('=') == std::string::npos) params.emplace("q", text);
    else httplib::detail::parse_query_text(text, params);
    auto request = mahdar::parse_search_request(params, parser, countries);
    if (request && request.value().parsed.text) (void)request.value().parsed.text->get_description();
    return 0;
}
