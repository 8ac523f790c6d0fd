#include "gis/proj/web_mercator.hpp"

#include <cmath>
#include <cstring>

#ifdef NTM_HAVE_LIBMVEC
#include <immintrin.h>
// glibc's vector math (libmvec), by the x86-64 vector function ABI's names: 'd' is AVX2, four
// doubles. The declarations math.h would give only under -ffast-math, which this file avoids.
// They take and return AVX registers, so they are declared for that target, as the caller is.
extern "C" __attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_tan(__m256d);
extern "C" __attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_log(__m256d);
#endif

namespace gis::proj {

namespace {

constexpr double kRadius = 6378137.0;
constexpr double kDegToRad = 0.017453292519943296;
constexpr double kQuarterPi = 0.78539816339744831;

void scalarWebMercator(Vec2* points, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        Vec2& p = points[i];
        p = {kRadius * (p.x * kDegToRad), kRadius * std::log(std::tan(kQuarterPi + 0.5 * (p.y * kDegToRad)))};
    }
}

#ifdef NTM_HAVE_LIBMVEC
/// Four points: (x0 y0 x1 y1) (x2 y2 x3 y3) in, the same layout out.
__attribute__((target("avx2,fma"))) void fourPoints(Vec2* p) {
    const __m256d first = _mm256_loadu_pd(&p[0].x), second = _mm256_loadu_pd(&p[2].x);
    const __m256d x = _mm256_unpacklo_pd(first, second);  // x0 x2 x1 x3
    const __m256d y = _mm256_unpackhi_pd(first, second);  // y0 y2 y1 y3
    const __m256d scale = _mm256_set1_pd(kDegToRad);
    const __m256d radius = _mm256_set1_pd(kRadius);
    const __m256d easting = _mm256_mul_pd(radius, _mm256_mul_pd(x, scale));
    const __m256d half = _mm256_add_pd(_mm256_set1_pd(kQuarterPi), _mm256_mul_pd(_mm256_set1_pd(0.5), _mm256_mul_pd(y, scale)));
    const __m256d northing = _mm256_mul_pd(radius, _ZGVdN4v_log(_ZGVdN4v_tan(half)));
    _mm256_storeu_pd(&p[0].x, _mm256_unpacklo_pd(easting, northing));
    _mm256_storeu_pd(&p[2].x, _mm256_unpackhi_pd(easting, northing));
}

bool hasAvx2() {
    static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return yes;
}
#endif

}  // namespace

bool inWebMercatorRange(const Vec2* points, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        const Vec2& p = points[i];
        if (!(p.x >= -180.0 && p.x <= 180.0 && p.y >= -89.0 && p.y <= 89.0)) return false;
    }
    return true;
}

void wgs84ToWebMercator(Vec2* points, std::size_t count) {
#ifdef NTM_HAVE_LIBMVEC
    if (hasAvx2()) {
        std::size_t i = 0;
        for (; i + 4 <= count; i += 4) fourPoints(points + i);
        if (i < count) {
            // The last one to three through the same four lanes, padded with the last point.
            Vec2 rest[4];
            for (std::size_t k = 0; k < 4; ++k) rest[k] = points[i + std::min(k, count - i - 1)];
            fourPoints(rest);
            std::memcpy(points + i, rest, (count - i) * sizeof(Vec2));
        }
        return;
    }
#endif
    scalarWebMercator(points, count);
}

}  // namespace gis::proj
