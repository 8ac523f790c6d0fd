#pragma once
/// How every subcommand reports a failure: "ntm-atlas COMMAND: message" on stderr, exit code 1.
/// The message is masked first: a "PG:… password=…" location never reaches a terminal or a log.
#include <string>

namespace cli {

int reportFailure(const char* command, const std::string& message);
/// A line for stdout or stderr that may carry a project location, masked the same way.
std::string masked(const std::string& text);

}  // namespace cli
