#pragma once
/// Expected failures are values (std::expected is C++23 and not in gcc 12, so a small Result).
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace gis {

enum class ErrorCode {
    NotFound,
    OpenFailed,
    UnsupportedFormat,
    BadCrs,
    BadInput,
    Sql,
    ShaderCompile,
    GlUnavailable,
    Io,
    Busy,      ///< a project held by another process (a lock) beyond the bounded wait
    Conflict,  ///< another user changed the same rows at the same time; nothing was written
    ReadOnly,  ///< the user (a read-only database role) may not write to this project
    DiskFull,  ///< a write failed because the disk is full or the file may not grow (quota, size limit)
};

struct Error {
    ErrorCode code = ErrorCode::BadInput;
    std::string message;  ///< complete, user-facing sentence naming the file/row/feature concerned
};

/// Either a value or an Error. Check with `if (result)` before `value()` / `*result`.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}    // NOLINT: implicit by design
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit by design

    explicit operator bool() const noexcept { return m_data.index() == 0; }
    bool ok() const noexcept { return m_data.index() == 0; }

    T& value() & { assert(ok()); return std::get<0>(m_data); }
    const T& value() const& { assert(ok()); return std::get<0>(m_data); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(m_data)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// Result for operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

inline Error makeError(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace gis
