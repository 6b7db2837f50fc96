#ifndef SEPTET_DETAIL_ALWAYS_INLINE_HPP
#define SEPTET_DETAIL_ALWAYS_INLINE_HPP

// The block fast path's small hot helpers are inlined whatever else a translation unit
// instantiates. GCC's inliner weighs call sites: in a program that also called analyze() on its
// own, it left the per-vector classification, the bit counts and the block splitter as calls, and
// the mixed corpus fell from 1.1 GB/s to 0.84 GB/s.
#if defined(__GNUC__) || defined(__clang__)
#  define SEPTET_ALWAYS_INLINE __attribute__((always_inline))
#else
#  define SEPTET_ALWAYS_INLINE
#endif

// A function compiled with the calls in it inlined (GCC: recursively; Clang before LLVM 23: the
// calls in its own body only): how one loop, written once, is compiled for each vector path with
// that path's instructions (see block_kernels.hpp).
#if defined(__GNUC__) || defined(__clang__)
#  define SEPTET_FLATTEN __attribute__((flatten))
#else
#  define SEPTET_FLATTEN
#endif

#endif  // SEPTET_DETAIL_ALWAYS_INLINE_HPP
