#ifndef SEPTET_FUZZ_CHECK_HPP
#define SEPTET_FUZZ_CHECK_HPP

#include <cstdio>
#include <cstdlib>

// A property failure aborts (assert would vanish under NDEBUG), naming the property.
#define SEPTET_FUZZ_CHECK(condition)                                                        \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)

#endif  // SEPTET_FUZZ_CHECK_HPP
