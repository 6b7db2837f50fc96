# Debian packages from the tree: cpack -G DEB (or cmake --build B --target package) in a build
# directory writes libseptet-dev_<version>_all.deb (the dev component) and
# septet_<version>_<arch>.deb (the cli component, its shared-library dependencies found by
# dpkg-shlibdeps). tests/packaging/ installs both on a fresh Debian 12.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME septet)
set(CPACK_PACKAGE_VENDOR "The septet authors")
set(CPACK_PACKAGE_CONTACT "The septet authors <septet@invalid>")
# Empty: each package's summary is the first line of its own description below.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_COMPONENTS_ALL dev)

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libseptet-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libutfcpp-dev")
# septet::sinch (find_package(septet COMPONENTS sinch), septet-sinch.pc) needs these; the core
# headers do not.
set(CPACK_DEBIAN_DEV_PACKAGE_RECOMMENDS
    "nlohmann-json3-dev (>= 3.10), libcurl4-openssl-dev | libcurl-dev, libssl-dev, pkg-config")
# The first line is the package's summary.
set(CPACK_DEBIAN_DEV_DESCRIPTION
    "header-only C++20 SMS encoding: GSM 03.38, UCS-2, segmentation, Sinch adapter
septet turns SMS text into exactly what a carrier will send and bill: GSM 03.38 7-bit with
compile-time tables, the UCS-2 fallback with the characters that forced it, concatenated parts
and their wire bytes, templates with placeholders, and an adapter for Sinch's SMS REST API.

This package holds the headers, the CMake package (find_package(septet)) and the pkg-config
files septet.pc and septet-sinch.pc.")

if(TARGET septet_cli)
  list(APPEND CPACK_COMPONENTS_ALL cli)
  set(CPACK_DEBIAN_CLI_PACKAGE_NAME septet)
  set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
  set(CPACK_DEBIAN_CLI_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_CLI_DESCRIPTION
      "what a carrier will send and bill for an SMS text
septet inspect, encode and decode show the encoding, parts, wire bytes and cost of an SMS text
(GSM 03.38 / UCS-2); estimate prices a campaign from a CSV of recipients; dry-run, send,
status and inbounds speak Sinch's SMS REST API; sandbox is a local Sinch for tests.")
endif()
include(CPack)
