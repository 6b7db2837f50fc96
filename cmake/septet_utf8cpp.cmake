# Makes sure the target utf8::cpp exists, whichever utfcpp is around: Debian's 3.2.3 package
# (target utf8cpp, alias utf8::cpp from its config), an installed 4.x (utf8cpp::utf8cpp), or a
# 4.x added with add_subdirectory (utf8cpp only).
if(NOT TARGET utf8::cpp)
  if(NOT TARGET utf8cpp AND NOT TARGET utf8cpp::utf8cpp)
    find_package(utf8cpp CONFIG QUIET)
  endif()
  if(NOT TARGET utf8::cpp)
    if(TARGET utf8cpp::utf8cpp)
      add_library(utf8::cpp ALIAS utf8cpp::utf8cpp)
    elseif(TARGET utf8cpp)
      add_library(utf8::cpp ALIAS utf8cpp)
    else()
      message(FATAL_ERROR "septet needs utfcpp: apt-get install libutfcpp-dev")
    endif()
  endif()
endif()
