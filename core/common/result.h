// Expected failures as values: a Result<T> holds a T or an Error that maps to an HTTP status.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace mahdar {

/// An error a client can fix (or a missing thing), with its HTTP status and a stable code.
struct Error {
    int status = 400;
    std::string code;    ///< "bad_parameter", "not_found", "too_long", …
    std::string message; ///< for people: what is wrong and what is accepted
};

inline Error bad_parameter(std::string message) { return {400, "bad_parameter", std::move(message)}; }
inline Error not_found(std::string message) { return {404, "not_found", std::move(message)}; }
inline Error too_long(std::string message) { return {413, "too_long", std::move(message)}; }

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
