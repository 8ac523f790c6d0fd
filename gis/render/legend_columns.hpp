#pragma once
/// How a page legend splits into columns (no GL, no fonts: unit-tested).

namespace gis::render {

/// Column layout of a legend: how many columns and rows, chosen so every column has the same
/// number of entries (the last one fewer) and the block fits the height it is given.
struct LegendColumns {
    int columns = 1;
    int rows = 0;
};
LegendColumns balanceLegend(int entries, float rowHeight, float maxHeight, int maxColumns);

}  // namespace gis::render
