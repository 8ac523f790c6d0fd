#include "gis/figures/unit_tree.hpp"

#include <algorithm>
#include <functional>

namespace gis::figures {

UnitTree::UnitTree(const std::vector<model::Unit>& units)
    : m_units(&units), m_children(units.size()), m_parent(units.size()) {
    for (std::size_t i = 0; i < units.size(); ++i) m_index[units[i].code] = i;
    for (std::size_t i = 0; i < units.size(); ++i) {
        m_hasDistricts = m_hasDistricts || units[i].level == "district";
        const auto it = m_index.find(units[i].parentCode);
        if (it != m_index.end() && it->second != i) {
            m_children[it->second].push_back(i);
            m_parent[i] = it->second;
        } else {
            m_roots.push_back(i);
        }
    }
    std::vector<bool> visited(units.size(), false);
    std::function<void(std::size_t)> visit = [&](std::size_t i) {
        if (visited[i]) return;  // guards against a cycle in bad data
        visited[i] = true;
        for (std::size_t c : m_children[i]) visit(c);
        m_postOrder.push_back(i);
    };
    for (std::size_t root : m_roots) visit(root);
    for (std::size_t i = 0; i < units.size(); ++i) visit(i);  // units on a cycle have no root
}

std::optional<std::size_t> UnitTree::find(const std::string& code) const {
    const auto it = m_index.find(code);
    if (it == m_index.end()) return std::nullopt;
    return it->second;
}

std::optional<std::size_t> UnitTree::parent(std::size_t unit) const { return m_parent[unit]; }

std::vector<std::size_t> UnitTree::pathTo(std::size_t unit) const {
    std::vector<std::size_t> path{unit};
    std::vector<bool> seen(m_parent.size(), false);
    seen[unit] = true;
    for (auto p = m_parent[unit]; p && !seen[*p]; p = m_parent[*p]) {
        seen[*p] = true;
        path.push_back(*p);
    }
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<std::size_t> UnitTree::communesUnder(std::size_t unit) const {
    std::vector<std::size_t> out;
    std::vector<std::size_t> stack{unit};
    std::vector<bool> seen(m_children.size(), false);
    while (!stack.empty()) {
        const std::size_t u = stack.back();
        stack.pop_back();
        if (seen[u]) continue;
        seen[u] = true;
        if ((*m_units)[u].level == "commune") out.push_back(u);
        for (std::size_t c : m_children[u]) stack.push_back(c);
    }
    std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return (*m_units)[a].code < (*m_units)[b].code; });
    return out;
}

}  // namespace gis::figures
