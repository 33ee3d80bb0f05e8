# install + export so that find_package(ogi) works on an installed tree.
include(CMakePackageConfigHelpers)
install(TARGETS ogi ogi_c EXPORT ogiTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/ogi DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/ogi/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ogi)
install(DIRECTORY capi/include/ogi DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(EXPORT ogiTargets NAMESPACE ogi:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ogi)
configure_package_config_file(cmake/ogiConfig.cmake.in ${PROJECT_BINARY_DIR}/ogiConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ogi)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ogiConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ogiConfig.cmake ${PROJECT_BINARY_DIR}/ogiConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ogi)
export(EXPORT ogiTargets NAMESPACE ogi:: FILE ${PROJECT_BINARY_DIR}/ogiTargets.cmake)
