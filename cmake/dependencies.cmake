# Every dependency comes from Debian packages; nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(ICU 60 REQUIRED COMPONENTS uc i18n)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 QUIET)

if(OGI_WITH_HTML)
  pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
endif()

set(OGI_HAVE_PDF OFF)
if(OGI_WITH_PDF)
  pkg_check_modules(POPPLER_CPP IMPORTED_TARGET poppler-cpp)
  if(POPPLER_CPP_FOUND)
    set(OGI_HAVE_PDF ON)
  else()
    message(STATUS "ogi: poppler-cpp not found, PDF input disabled (apt-get install libpoppler-cpp-dev)")
  endif()
endif()

if(OGI_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer build (tests/fuzz): clang only. Every target is instrumented for
# coverage and built with ASan+UBSan; only the fuzz programs link libFuzzer.
if(OGI_BUILD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "OGI_BUILD_FUZZ needs clang: cmake -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ ...")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
