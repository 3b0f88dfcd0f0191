// A query's lexical token: shared by the parser's source files only.
#pragma once

#include "search/query_parser.h"

#include <string>

namespace mahdar {

struct QueryParser::Token {
    enum Kind { word, phrase, field, op_or, op_and, op_not } kind = word;
    bool negated = false;
    bool exact = false; ///< `=word`, `="…"`: the forms as written only
    bool partial = false; ///< the last word, being typed: also a prefix (LastWord::partial)
    std::string text;
    std::string name; ///< field name

    /// `word*`: a prefix the index expands to words.
    bool is_wildcard() const { return kind == word && text.size() > 1 && text.back() == '*'; }
};

} // namespace mahdar
