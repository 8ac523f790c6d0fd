#pragma once
/// Recognising the columns of a district sheet: Vietnamese headers ("Mã xã", "Tiêu chí 3",
/// "Kế hoạch vốn (triệu đồng)") mapped to canonical names, plus --map overrides.
#include <map>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/importer/source_table.hpp"

namespace gis::importer {

/// A canonical column an importer understands, with the header spellings it recognises.
struct CanonicalColumn {
    std::string key;                   ///< e.g. "code", "plan", "as_of"
    std::vector<std::string> aliases;  ///< header keys (see headerKey), e.g. "ma xa"
    std::string description;           ///< for the documentation and error messages
};

struct ColumnBinding {
    std::map<std::string, int> columns;         ///< canonical key → column index
    std::map<int, int> criteria;                ///< criterion number → column index ("Tiêu chí 3")
    std::map<std::string, double> headerScale;  ///< money unit stated in the header: "(triệu đồng)" → 1e6

    /// Column index of a canonical key, or -1.
    int column(const std::string& key) const {
        const auto it = columns.find(key);
        return it == columns.end() ? -1 : it->second;
    }
    bool has(const std::string& key) const { return columns.count(key) != 0; }
};

/// Folded header key: no diacritics, lower case, punctuation as spaces, a trailing "(…)" removed.
/// "Mã xã" → "ma xa"; "Kế hoạch vốn (triệu đồng)" → "ke hoach von"; "TC.3" → "tc 3".
std::string headerKey(const std::string& header);

/// The criterion number of a header like "Tiêu chí 3", "TC3", "Tiêu chí số 3: Thủy lợi", or 0.
int criterionNumberOfHeader(const std::string& header);

/// Whether every canonical key of `userMap` is one this import reads (the option error bindColumns gives).
Status checkColumnMap(const std::vector<CanonicalColumn>& known, const std::map<std::string, std::string>& userMap,
                      bool recogniseCriteria);

/// Binds the table's columns. `userMap` (canonical → header) wins over recognition; a canonical key
/// "criterion_N" maps one criterion column. Errors: unknown canonical key, missing column,
/// or two columns recognised as the same canonical key.
Result<ColumnBinding> bindColumns(const SourceTable& table,
                                  const std::vector<CanonicalColumn>& known,
                                  const std::map<std::string, std::string>& userMap,
                                  bool recogniseCriteria);

}  // namespace gis::importer
