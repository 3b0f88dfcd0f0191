// Expected failures as values. A Result<T> holds a T or an Error; an Error's code maps, through
// the one table in result.cpp, to the HTTP status searchd answers with and to the exit status
// of the command-line tools. Exceptions are kept for I/O, Xapian and ICU set-up, caught at the
// boundaries (each main, searchd's exception handler).
#pragma once

#include <string>
#include <vector>
#include <string_view>
#include <utility>
#include <variant>

namespace mahdar {

enum class ErrorCode {
    bad_parameter,      ///< a request parameter, query syntax or command-line argument is wrong
    not_found,          ///< no passage, document, file or route of that name
    method_not_allowed, ///< a known route asked with another HTTP method
    too_long,           ///< a parameter or body over its limit
    malformed_request,  ///< a request the HTTP layer cannot read (bad request line or headers)
    uri_too_long,       ///< a request's path and query over 8,192 bytes
    range_not_satisfiable, ///< a Range header outside the file asked for
    headers_too_large,  ///< request headers over the HTTP layer's limit
    http_error,         ///< any other HTTP-level refusal (cpp-httplib's own statuses)
    bad_input,          ///< an input file or line that cannot be read: reported and skipped
    interrupted,        ///< stopped by a signal after finishing what was in hand
    overloaded,         ///< too much of the same work running: ask again later (Retry-After)
    request_timeout,    ///< a request not sent whole within searchd's --request-timeout
    internal,           ///< a bug or an environment failure
};

/// "bad_parameter", "not_found", …: the stable code of the API's error answers.
std::string_view code_name(ErrorCode code);

/// The HTTP status an error answers with (400, 404, 405, 413, 500…).
int http_status(ErrorCode code);

/// The exit status of mahdar-indexer and mahdar-searchd for a run that ends with the error
/// (README: 1 error, 2 usage, 3 some input skipped, 130 interrupted).
int exit_status(ErrorCode code);

/// An error a client or operator can act on, with a message for people: what is wrong and
/// what is accepted. Its status follows from `kind` (the table in result.cpp), except that an
/// http_error keeps the status cpp-httplib set.
struct Error {
    Error(ErrorCode kind_, std::string message_, int status_ = 0)
        : kind(kind_), status(status_ ? status_ : http_status(kind_)), message(std::move(message_)) {}
    /// The stable code of the API's error answers: code_name(kind).
    std::string_view code() const { return code_name(kind); }
    ErrorCode kind;
    int status; ///< HTTP status
    std::string message;
    std::string parameter;          ///< the request parameter at fault, when one is
    std::vector<std::string> valid; ///< what that parameter (or, unknown, the route) accepts
};

inline Error bad_parameter(std::string message) { return {ErrorCode::bad_parameter, std::move(message)}; }
inline Error not_found(std::string message) { return {ErrorCode::not_found, std::move(message)}; }
inline Error too_long(std::string message) { return {ErrorCode::too_long, std::move(message)}; }
inline Error bad_input(std::string message) { return {ErrorCode::bad_input, std::move(message)}; }

/// A value or an Error. An operation with no value to give returns std::optional<Error>:
/// nullopt when it succeeded.
template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T* operator->() { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

} // namespace mahdar
