#include "gis/demo/noise.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gis::demo {

namespace {
constexpr double kTwoPi = 2.0 * std::numbers::pi;
}

DisplacementField::DisplacementField(Prng& rng, double amplitude, double wavelength, int octaves) {
    // Two waves per octave with different directions so the field has no visible grain.
    double amp = amplitude;
    double len = wavelength;
    for (int o = 0; o < octaves; ++o) {
        for (int w = 0; w < 2; ++w) {
            const double dir = rng.uniform(0.0, kTwoPi);
            const double k = kTwoPi / (len * rng.uniform(0.85, 1.15));
            const double dispDir = rng.uniform(0.0, kTwoPi);
            const double a = amp * rng.uniform(0.6, 1.0);
            m_waves.push_back({k * std::cos(dir), k * std::sin(dir), rng.uniform(0.0, kTwoPi),
                               a * std::cos(dispDir), a * std::sin(dispDir)});
        }
        amp *= 0.45;
        len *= 0.5;
    }
}

void DisplacementField::limitSlope(const Bounds& area, double maxSlope, int gridSteps) {
    double worst = 0.0;
    for (int i = 0; i <= gridSteps; ++i)
        for (int j = 0; j <= gridSteps; ++j) {
            const double x = area.minX + area.width() * i / gridSteps;
            const double y = area.minY + area.height() * j / gridSteps;
            double jxx = 0, jxy = 0, jyx = 0, jyy = 0;  // analytic Jacobian of d
            for (const Wave& w : m_waves) {
                const double c = std::cos(w.kx * x + w.ky * y + w.phase);
                jxx += w.ax * w.kx * c; jxy += w.ax * w.ky * c;
                jyx += w.ay * w.kx * c; jyy += w.ay * w.ky * c;
            }
            worst = std::max(worst, std::sqrt(jxx * jxx + jxy * jxy + jyx * jyx + jyy * jyy));
        }
    if (worst > maxSlope) {
        const double s = maxSlope / worst;
        for (Wave& w : m_waves) { w.ax *= s; w.ay *= s; }
    }
}

Vec2 DisplacementField::at(Vec2 p) const {
    Vec2 d;
    for (const Wave& w : m_waves) {
        const double s = std::sin(w.kx * p.x + w.ky * p.y + w.phase);
        d.x += w.ax * s;
        d.y += w.ay * s;
    }
    return d;
}

RadialNoise::RadialNoise(Prng& rng, int harmonics, double roughness) {
    for (int k = 2; k <= harmonics; ++k) {
        m_amp.push_back(roughness * rng.uniform(0.5, 1.0) / std::pow(static_cast<double>(k), 1.3));
        m_phase.push_back(rng.uniform(0.0, kTwoPi));
    }
}

double RadialNoise::at(double theta) const {
    double r = 1.0;
    for (std::size_t i = 0; i < m_amp.size(); ++i)
        r += m_amp[i] * std::sin(static_cast<double>(i + 2) * theta + m_phase[i]);
    return r;
}

CurveNoise::CurveNoise(Prng& rng, double wavelength, int octaves) {
    double amp = 1.0, total = 0.0, len = wavelength;
    for (int o = 0; o < octaves; ++o) {
        m_freq.push_back(kTwoPi / (len * rng.uniform(0.8, 1.2)));
        m_amp.push_back(amp);
        m_phase.push_back(rng.uniform(0.0, kTwoPi));
        total += amp;
        amp *= 0.5;
        len *= 0.5;
    }
    for (double& a : m_amp) a /= total;  // keep the sum in [-1, 1]
}

double CurveNoise::at(double s) const {
    double v = 0.0;
    for (std::size_t i = 0; i < m_amp.size(); ++i) v += m_amp[i] * std::sin(m_freq[i] * s + m_phase[i]);
    return v;
}

}  // namespace gis::demo
