# Install rules in two components, which are also the two Debian packages (cmake/septet_package.cmake):
#   dev: the headers, the CMake package (find_package(septet [COMPONENTS sinch])) and the
#        pkg-config files septet.pc and septet-sinch.pc, for Meson, Make and autotools users;
#   cli: the septet command.
include(CMakePackageConfigHelpers)
set(SEPTET_CMAKE_DIR ${CMAKE_INSTALL_DATADIR}/cmake/septet)
# Header-only, so arch-independent: share/, as Debian wants for an "Architecture: all" package.
set(SEPTET_PKGCONFIG_DIR ${CMAKE_INSTALL_DATADIR}/pkgconfig)

install(TARGETS septet EXPORT septetTargets COMPONENT dev)
install(DIRECTORY include/septet DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
install(EXPORT septetTargets NAMESPACE septet:: DESTINATION ${SEPTET_CMAKE_DIR} COMPONENT dev)
if(TARGET septet_sinch)
  install(TARGETS septet_sinch EXPORT septetSinchTargets COMPONENT dev)
  install(EXPORT septetSinchTargets NAMESPACE septet:: DESTINATION ${SEPTET_CMAKE_DIR}
          COMPONENT dev)
endif()
configure_package_config_file(cmake/septetConfig.cmake.in
  ${PROJECT_BINARY_DIR}/septetConfig.cmake INSTALL_DESTINATION ${SEPTET_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/septetConfigVersion.cmake
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/septetConfig.cmake
              ${PROJECT_BINARY_DIR}/septetConfigVersion.cmake
              cmake/septet_utf8cpp.cmake
        DESTINATION ${SEPTET_CMAKE_DIR} COMPONENT dev)

# pkg-config: utfcpp ships no .pc file, so septet.pc carries utfcpp's include directory itself.
get_target_property(septet_utf8cpp_target utf8::cpp ALIASED_TARGET)
if(NOT septet_utf8cpp_target)
  set(septet_utf8cpp_target utf8::cpp)
endif()
get_target_property(septet_utf8cpp_dirs ${septet_utf8cpp_target} INTERFACE_INCLUDE_DIRECTORIES)
set(SEPTET_PC_UTF8CPP_CFLAGS "")
foreach(dir IN LISTS septet_utf8cpp_dirs)
  if(dir AND NOT dir MATCHES "\\$<")
    string(APPEND SEPTET_PC_UTF8CPP_CFLAGS " -I${dir}")
  endif()
endforeach()
set(septet_pc_files septet)
if(TARGET septet_sinch)
  list(APPEND septet_pc_files septet-sinch)
endif()
foreach(pc IN LISTS septet_pc_files)
  # The prefix is the one given at install time (cmake --install --prefix P, or /usr in the
  # Debian package), so the .pc file is written when it is installed.
  set(prefix "@prefix@")  # kept for the install-time pass
  configure_file(cmake/${pc}.pc.in ${PROJECT_BINARY_DIR}/${pc}.pc.in @ONLY)
  install(CODE "
    set(prefix \"\${CMAKE_INSTALL_PREFIX}\")
    configure_file(\"${PROJECT_BINARY_DIR}/${pc}.pc.in\" \"${PROJECT_BINARY_DIR}/pc/${pc}.pc\" @ONLY)
    file(INSTALL \"${PROJECT_BINARY_DIR}/pc/${pc}.pc\"
         DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${SEPTET_PKGCONFIG_DIR}\")"
    COMPONENT dev)
endforeach()

if(TARGET septet_cli)
  install(TARGETS septet_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
endif()

include(cmake/septet_package.cmake)
