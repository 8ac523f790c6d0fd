#include "gis/model/ntm_types.hpp"

namespace gis::model {

const char* toString(CriterionStatus status) {
    switch (status) {
        case CriterionStatus::Met: return "met";
        case CriterionStatus::NotMet: return "not_met";
        case CriterionStatus::InProgress: return "in_progress";
    }
    return "not_met";
}

}  // namespace gis::model
