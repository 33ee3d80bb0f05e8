# install + export so that find_package(ogi) works on an installed tree
# (tested by tests/packaging with examples/consumer).
include(CMakePackageConfigHelpers)
set(OGI_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/ogi)

install(TARGETS ogi ogi_c EXPORT ogiTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The shared C library is for the Python binding (ctypes finds it on the
# library path); C and C++ programs link ogi::ogi_c / ogi::ogi instead.
if(TARGET ogi_c_shared)
  install(TARGETS ogi_c_shared
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY include/ogi DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/ogi/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ogi)
install(DIRECTORY capi/include/ogi DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(EXPORT ogiTargets NAMESPACE ogi:: DESTINATION ${OGI_CMAKE_DIR})
configure_package_config_file(cmake/ogiConfig.cmake.in ${PROJECT_BINARY_DIR}/ogiConfig.cmake
  INSTALL_DESTINATION ${OGI_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ogiConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ogiConfig.cmake ${PROJECT_BINARY_DIR}/ogiConfigVersion.cmake
  DESTINATION ${OGI_CMAKE_DIR})
# The build tree can be used as a package too (CMAKE_PREFIX_PATH=<build dir>).
export(EXPORT ogiTargets NAMESPACE ogi:: FILE ${PROJECT_BINARY_DIR}/ogiTargets.cmake)
