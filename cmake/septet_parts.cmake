# The parts of septet's build beyond the headers (the Sinch adapter, the CLI, tests, fuzzers,
# benchmarks, the web build) are each built when what they need is here. Someone who only wants
# to install the headers needs nothing but utfcpp, and is told in one line per part what was left
# out and how to get it. SEPTET_REQUIRE_ALL (tools/test.sh, CI) turns each such line into an
# error, so that nothing is ever skipped silently where everything should be tested.
option(SEPTET_REQUIRE_ALL "Fail to configure when any part of the build cannot be built" OFF)

# septet_part_missing(<part> <why>): <part> is not built because of <why> (what it needs and
# the Debian packages that provide it).
function(septet_part_missing part why)
  if(SEPTET_REQUIRE_ALL)
    message(FATAL_ERROR "septet: ${part} cannot be built: ${why} (SEPTET_REQUIRE_ALL is on)")
  endif()
  message(STATUS "septet: ${part} not built: ${why}")
endfunction()
