#include "gis/planning/work_location.hpp"

#include <geos_c.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "gis/data/geos_support.hpp"
#include "gis/store/gpkg_geometry.hpp"

namespace gis::planning {
namespace {

struct PreparedDeleter {
    void operator()(const GEOSPreparedGeometry* p) const { GEOSPreparedGeom_destroy_r(data::geosContext(), p); }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

struct StrTreeDeleter {
    void operator()(GEOSSTRtree* t) const { GEOSSTRtree_destroy_r(data::geosContext(), t); }
};

data::GeosPtr toGeos(const std::vector<std::uint8_t>& blob) {
    const auto geometry = store::decodeGpkgGeometry(blob);
    if (!geometry || geometry->IsEmpty()) return nullptr;
    return data::GeosPtr(geometry->exportToGEOS(data::geosContext()));
}

/// The communes with a polygon, prepared once and indexed by envelope.
class CommuneIndex {
public:
    explicit CommuneIndex(const store::ProjectData& project) : m_tree(GEOSSTRtree_create_r(data::geosContext(), 10)) {
        for (std::size_t i = 0; i < project.units.size(); ++i) {
            const model::Unit& u = project.units[i];
            if (u.level != "commune" || u.geometry.empty()) continue;
            data::GeosPtr shape = toGeos(u.geometry);
            if (!shape) continue;
            PreparedPtr prepared(GEOSPrepare_r(data::geosContext(), shape.get()));
            if (!prepared) continue;
            m_entries.push_back({i, std::move(shape), std::move(prepared)});
        }
        // Items are indices into m_entries, stored in the pointer GEOS hands back.
        for (std::size_t e = 0; e < m_entries.size(); ++e)
            GEOSSTRtree_insert_r(data::geosContext(), m_tree.get(), m_entries[e].shape.get(), reinterpret_cast<void*>(e));
    }

    /// Units whose polygon covers the point (the first by code) or that the line crosses.
    std::vector<std::size_t> unitsOf(const GEOSGeometry* work) const {
        struct Query {
            const CommuneIndex* self;
            const GEOSGeometry* work;
            std::vector<std::size_t> found;
        } query{this, work, {}};
        GEOSSTRtree_query_r(
            data::geosContext(), m_tree.get(), work,
            [](void* item, void* user) {
                auto* q = static_cast<Query*>(user);
                const Entry& entry = q->self->m_entries[reinterpret_cast<std::size_t>(item)];
                if (GEOSPreparedIntersects_r(data::geosContext(), entry.prepared.get(), q->work) == 1) q->found.push_back(entry.unit);
            },
            &query);
        std::sort(query.found.begin(), query.found.end());
        // A point on the line between two communes is in one of them, not both.
        if (GEOSGeomTypeId_r(data::geosContext(), work) == GEOS_POINT && query.found.size() > 1) return {query.found.front()};
        return query.found;
    }

private:
    struct Entry {
        std::size_t unit;
        data::GeosPtr shape;
        PreparedPtr prepared;
    };
    std::vector<Entry> m_entries;
    std::unique_ptr<GEOSSTRtree, StrTreeDeleter> m_tree;
};

}  // namespace

std::optional<std::size_t> communeAtOrAbove(const figures::UnitTree& tree, std::size_t unit) {
    for (std::optional<std::size_t> at = unit; at; at = tree.parent(*at)) {
        const std::string& level = tree.units()[*at].level;
        if (level == "commune") return at;
        if (level != "village") return std::nullopt;
    }
    return std::nullopt;
}

std::vector<std::vector<std::string>> communesOfWorks(const store::ProjectData& project, const figures::UnitTree& tree) {
    std::vector<std::vector<std::string>> out(project.infrastructure.size());
    std::unique_ptr<CommuneIndex> index;  // built only when some work has no unit code
    for (std::size_t w = 0; w < project.infrastructure.size(); ++w) {
        const model::InfrastructureItem& work = project.infrastructure[w];
        if (!work.unitCode.empty()) {
            if (const auto unit = tree.find(work.unitCode))
                if (const auto commune = communeAtOrAbove(tree, *unit)) out[w].push_back(project.units[*commune].code);
            continue;
        }
        if (work.geometry.empty()) continue;
        const data::GeosPtr shape = toGeos(work.geometry);
        if (!shape) continue;
        if (!index) index = std::make_unique<CommuneIndex>(project);
        for (std::size_t unit : index->unitsOf(shape.get())) out[w].push_back(project.units[unit].code);
    }
    return out;
}

}  // namespace gis::planning
