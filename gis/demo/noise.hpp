#pragma once
/// Smooth deterministic fields used to make the demo shapes look natural.
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/demo/prng.hpp"

namespace gis::demo {

/// A smooth 2-D vector field d(x, y) (metres → metres): a sum of plane sine waves with random
/// directions and phases. Applying p + d(p) to every vertex of a partition keeps shared
/// vertices shared (same input → same output), so neighbours stay gap- and overlap-free.
/// limitSlope() keeps the Jacobian of d below 1, which makes p ↦ p + d(p) injective (no
/// folded edges).
class DisplacementField {
public:
    /// `amplitude`: largest wave amplitude (m); `wavelength`: of the largest wave (m).
    /// Each further octave halves the wavelength and scales the amplitude by 0.45.
    DisplacementField(Prng& rng, double amplitude, double wavelength, int octaves);

    Vec2 at(Vec2 p) const;
    /// Scales the field down so the Frobenius norm of its Jacobian stays below `maxSlope`
    /// on a grid over `area`. The sum-of-amplitudes bound is far too pessimistic (the waves
    /// rarely align), so the real maximum is measured instead.
    void limitSlope(const Bounds& area, double maxSlope, int gridSteps = 160);
    Vec2 apply(Vec2 p) const { const Vec2 d = at(p); return {p.x + d.x, p.y + d.y}; }

private:
    struct Wave {
        double kx, ky;     // wave vector (rad / m)
        double phase;
        double ax, ay;     // displacement amplitude per axis (m)
    };
    std::vector<Wave> m_waves;
};

/// A smooth periodic function of an angle: 1 + Σ a_k sin(kθ + φ_k), k = 2..harmonics,
/// with a_k ∝ roughness / k^1.3 (a natural-looking "coastline" spectrum).
class RadialNoise {
public:
    RadialNoise(Prng& rng, int harmonics, double roughness);
    double at(double theta) const;

private:
    std::vector<double> m_amp, m_phase;
};

/// Smooth 1-D noise on the real line (sum of sines), in [-1, 1]; used for meanders and road bends.
class CurveNoise {
public:
    CurveNoise(Prng& rng, double wavelength, int octaves);
    double at(double s) const;

private:
    std::vector<double> m_freq, m_amp, m_phase;
};

}  // namespace gis::demo
