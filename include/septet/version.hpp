#ifndef SEPTET_VERSION_HPP
#define SEPTET_VERSION_HPP

// Kept in step with project(VERSION) in CMakeLists.txt; tests/version_test.cpp checks it.
#define SEPTET_VERSION_MAJOR 0
#define SEPTET_VERSION_MINOR 1
#define SEPTET_VERSION_PATCH 0
#define SEPTET_VERSION_STRING "0.1.0"

#endif  // SEPTET_VERSION_HPP
