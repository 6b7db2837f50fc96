#ifndef SEPTET_VECTOR_PATH_HPP
#define SEPTET_VECTOR_PATH_HPP

#include <atomic>
#include <cstdint>
#include <septet/detail/byte_vector.hpp>
#include <septet/error.hpp>
#include <string_view>

// Which instructions the run-time fast path (runs of plain ASCII and 64-byte blocks of UTF-8, see
// docs/fast-path.md) reads text with. Every path gives the same results; they differ in speed.
//
// A build for the x86-64 baseline with GCC or Clang (what a distribution ships) compiles the SSE2,
// AVX2 and AVX-512BW paths and, on first use, takes the widest this CPU runs; set_vector_path pins
// another. A build whose compiler targets AVX2 or AVX-512BW already (-mavx2, -march=native), an
// MSVC build, an AArch64 build (NEON) and a SEPTET_NO_SIMD build (scalar) have the one path chosen
// at compile time, at no run-time cost (but one CPUID when the program starts where the target has
// BMI2 and not AVX-512BW, see cpu_runs_pext_fast).
namespace septet::inline v0 {

enum class vector_path : std::uint8_t {
  scalar,    ///< byte by byte: the portable code (SEPTET_NO_SIMD), and the reference
  sse2,      ///< 16-byte vectors, the x86-64 baseline
  avx2,      ///< 32-byte vectors (with BMI1, BMI2 and POPCNT)
  avx512bw,  ///< 64-byte vectors and compare masks (with AVX2, BMI1, BMI2 and POPCNT)
  neon,      ///< 16-byte vectors on AArch64
};

/// The path's name: "scalar", "sse2", "avx2", "avx512bw" or "neon".
[[nodiscard]] constexpr auto to_string(vector_path path) noexcept -> std::string_view {
  switch (path) {
    case vector_path::scalar:
      return "scalar";
    case vector_path::sse2:
      return "sse2";
    case vector_path::avx2:
      return "avx2";
    case vector_path::avx512bw:
      return "avx512bw";
    case vector_path::neon:
      return "neon";
  }
  return "unknown";
}

namespace detail {

/// The path the compiler targets.
inline constexpr vector_path compiled_vector_path =
#if defined(SEPTET_HAS_AVX512BW)
    vector_path::avx512bw;
#elif defined(SEPTET_HAS_AVX2)
    vector_path::avx2;
#elif defined(SEPTET_HAS_SSE2)
    vector_path::sse2;
#elif defined(SEPTET_HAS_NEON)
    vector_path::neon;
#else
    vector_path::scalar;
#endif

#if defined(SEPTET_PEXT_SPEED_AT_RUN_TIME)
/// Whether this CPU runs PEXT and PDEP (BMI2) in a few cycles: Intel's do, and AMD's from Zen 3
/// (family 19h) on; AMD's before (and Hygon's, family 18h) run them as microcode, taking hundreds
/// of cycles, so the bit operations of bits.hpp are faster there.
[[nodiscard]] inline auto cpu_runs_pext_fast() noexcept -> bool {
  unsigned eax = 0;
  unsigned ebx = 0;
  unsigned ecx = 0;
  unsigned edx = 0;
  if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0) {
    return false;
  }
  const unsigned base_family = (eax >> 8U) & 0xFU;
  const unsigned family = base_family == 0xFU ? base_family + ((eax >> 20U) & 0xFFU) : base_family;
  __builtin_cpu_init();
  return __builtin_cpu_supports("bmi2") &&
         (__builtin_cpu_is("intel") || (__builtin_cpu_is("amd") && family >= 0x19U));
}

/// cpu_runs_pext_fast(), asked once, when the program starts (read before then, it says no: the
/// bit operations of bits.hpp, which give the same results).
inline const bool pext_runs_fast = cpu_runs_pext_fast();
#endif

#if defined(SEPTET_VECTOR_DISPATCH)
/// Whether this CPU runs SEPTET_TARGET_AVX2 code (__builtin_cpu_supports also asks whether the
/// operating system saves the wider registers).
[[nodiscard]] inline auto cpu_runs_avx2() noexcept -> bool {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
         __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
}

/// Whether this CPU runs SEPTET_TARGET_AVX512BW code.
[[nodiscard]] inline auto cpu_runs_avx512bw() noexcept -> bool {
  __builtin_cpu_init();
  return cpu_runs_avx2() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
}

/// The widest path this CPU runs.
[[nodiscard]] inline auto widest_vector_path() noexcept -> vector_path {
  if (cpu_runs_avx512bw()) {
    return vector_path::avx512bw;
  }
  return cpu_runs_avx2() ? vector_path::avx2 : vector_path::sse2;
}

/// Not a path: none is chosen yet.
inline constexpr auto unchosen_vector_path = static_cast<vector_path>(0xFF);

/// The path in use: unchosen until the first use takes the widest, or set_vector_path pins one.
/// Only ever a whole value, so relaxed loads and stores do.
inline std::atomic<vector_path> active_vector_path{unchosen_vector_path};
#endif

/// The path the fast path takes now. A build that chooses at run time reads it once per call
/// (analyze(), a segmentation), not per block, so that the whole loop is compiled for the path.
[[nodiscard]] inline auto vector_path_chosen() noexcept -> vector_path {
#if defined(SEPTET_VECTOR_DISPATCH)
  vector_path in_use = active_vector_path.load(std::memory_order_relaxed);
  if (in_use == unchosen_vector_path) [[unlikely]] {
    const vector_path widest = widest_vector_path();
    // A pin made meanwhile by another thread stays: compare_exchange then loads it into in_use.
    if (active_vector_path.compare_exchange_strong(in_use, widest, std::memory_order_relaxed)) {
      in_use = widest;
    }
  }
  return in_use;
#else
  return compiled_vector_path;
#endif
}

}  // namespace detail

/// Whether this build has `path` and this CPU runs it, so that set_vector_path(path) succeeds.
[[nodiscard]] inline auto vector_path_runs(vector_path path) noexcept -> bool {
#if defined(SEPTET_VECTOR_DISPATCH)
  switch (path) {
    case vector_path::scalar:
    case vector_path::sse2:
      return true;
    case vector_path::avx2:
      return detail::cpu_runs_avx2();
    case vector_path::avx512bw:
      return detail::cpu_runs_avx512bw();
    case vector_path::neon:
      break;
  }
  return false;
#else
  return path == detail::compiled_vector_path;
#endif
}

/// The path that reading text takes now (analysis, segmentation, the wire encoder's septets and
/// packing): the one pinned, else the widest this CPU runs
/// (chosen on first use), or the only one the build has.
[[nodiscard]] inline auto vector_path_in_use() noexcept -> vector_path {
  return detail::vector_path_chosen();
}

/// Pins `path` for the whole program, from the next loop that reads text (each reads the path once;
/// a call running in another thread may take the old path for its loops under way and the new one
/// for the next; every path gives the same results). Returns ok,
/// or invalid_option when vector_path_runs(path) is false, leaving the path in use as it was.
[[nodiscard]] inline auto set_vector_path(vector_path path) noexcept -> result {
  if (!vector_path_runs(path)) {
    return {errc::invalid_option, 0};
  }
#if defined(SEPTET_VECTOR_DISPATCH)
  detail::active_vector_path.store(path, std::memory_order_relaxed);
#endif
  return {errc::ok, 0};
}

/// Undoes set_vector_path: back to the widest path this CPU runs, which is returned.
[[nodiscard]] inline auto reset_vector_path() noexcept -> vector_path {
#if defined(SEPTET_VECTOR_DISPATCH)
  detail::active_vector_path.store(detail::widest_vector_path(), std::memory_order_relaxed);
#endif
  return vector_path_in_use();
}

}  // namespace septet::inline v0

#endif  // SEPTET_VECTOR_PATH_HPP
