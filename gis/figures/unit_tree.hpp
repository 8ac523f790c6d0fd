#pragma once
/// The project's administrative units as a tree (province → district → commune → village, or
/// the two-tier province → commune in force since 1/7/2025): lookup by code, children, the path
/// from the top, and a post-order for bottom-up sums.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "gis/model/ntm_types.hpp"

namespace gis::figures {

class UnitTree {
public:
    explicit UnitTree(const std::vector<model::Unit>& units);

    const std::vector<model::Unit>& units() const { return *m_units; }
    std::optional<std::size_t> find(const std::string& code) const;
    const std::vector<std::size_t>& children(std::size_t unit) const { return m_children[unit]; }
    /// Units without a parent in the project (provinces, or whatever is topmost).
    const std::vector<std::size_t>& roots() const { return m_roots; }
    /// Parent index, or nullopt at the top.
    std::optional<std::size_t> parent(std::size_t unit) const;
    /// From the topmost ancestor down to `unit` itself.
    std::vector<std::size_t> pathTo(std::size_t unit) const;
    /// Children before parents (each unit once, even with a cycle in bad data).
    const std::vector<std::size_t>& postOrder() const { return m_postOrder; }
    /// Commune-level units (xã, phường, thị trấn) at or below `unit`, in code order.
    std::vector<std::size_t> communesUnder(std::size_t unit) const;
    /// Whether the project has any district-level unit (false for the two-tier administration).
    bool hasDistricts() const { return m_hasDistricts; }

private:
    const std::vector<model::Unit>* m_units;
    std::unordered_map<std::string, std::size_t> m_index;  ///< hashed: string compares in a map were the national summary's hot spot
    std::vector<std::vector<std::size_t>> m_children;
    std::vector<std::optional<std::size_t>> m_parent;
    std::vector<std::size_t> m_roots;
    std::vector<std::size_t> m_postOrder;
    bool m_hasDistricts = false;
};

}  // namespace gis::figures
