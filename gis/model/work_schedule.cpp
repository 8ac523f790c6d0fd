#include "gis/model/work_schedule.hpp"

#include "gis/model/iso_date.hpp"

namespace gis::model {

bool isWorkOverdue(const std::string& status, const std::string& deadline, const std::string& asOf) {
    if (status == "completed") return false;
    // ISO dates compare as text; anything else (a period, a typo) cannot be judged late.
    if (!isIsoDate(deadline) || !isIsoDate(asOf)) return false;
    return deadline < asOf;
}

}  // namespace gis::model
