#pragma once
/// When a planned work counts as late. One rule for the project map and the demo, so the red
/// ring on the map means the same thing whichever source it is drawn from.
#include <string>

namespace gis::model {

/// Whether a work with this status and deadline (YYYY-MM-DD, may be empty) is overdue at `asOf`
/// (YYYY-MM-DD): its deadline has passed and it is not completed. No deadline is never overdue.
bool isWorkOverdue(const std::string& status, const std::string& deadline, const std::string& asOf);

}  // namespace gis::model
