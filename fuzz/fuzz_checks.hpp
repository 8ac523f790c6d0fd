#pragma once
/// What every fuzz target asserts beyond "no crash": the properties callers rely on. A broken
/// property aborts with the reason, so libFuzzer saves the input as a crash like any other.
#include <string>
#include <string_view>

namespace fuzz {

/// The bytes as a string (libFuzzer hands out a pointer and a size).
std::string bytes(const unsigned char* data, unsigned long size);

/// Aborts naming `what` unless `condition` holds.
void require(bool condition, const char* what);

/// Aborts unless `text` is valid UTF-8 in Unicode normalisation form C (what the store keeps).
void requireNfcUtf8(std::string_view text, const char* what);

/// Aborts unless `text` is valid UTF-8.
void requireUtf8(std::string_view text, const char* what);

}  // namespace fuzz
