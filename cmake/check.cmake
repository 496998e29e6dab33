# resdiff check: rules files in TOML, read with toml++ (Debian libtomlplusplus-dev).
# Debian 12 ships toml++ 3.3 as a compiled shared library whose CMake target
# forces TOML_HEADER_ONLY=0. resdiff uses it in header-only mode instead
# (src/check.cpp defines TOML_HEADER_ONLY 1 itself): the library stays free of a
# runtime dependency, nothing about toml++ reaches the exported targets, and
# only the include directory is needed, privately.
find_path(TOMLPLUSPLUS_INCLUDE_DIR toml++/toml.h REQUIRED)
target_include_directories(resdiff_lib PRIVATE ${TOMLPLUSPLUS_INCLUDE_DIR})

# Test of what `cmake --install` puts in place for CI images: the binary, the
# man page (read with man -l) and the shell completions. Registered once the
# top-level file has run include(CTest).
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL _resdiff_check_install_test)
function(_resdiff_check_install_test)
  if(BUILD_TESTING AND NOT RESDIFF_SANITIZE)
    add_test(NAME "install: binary, man page and shell completions"
      COMMAND ${CMAKE_COMMAND}
        -DBUILD_DIR=${PROJECT_BINARY_DIR}
        -DWORK_DIR=${PROJECT_BINARY_DIR}/tests/install-docs-test
        -DCORPUS_DIR=${RESDIFF_CORPUS_DIR}
        -DFIXTURES_DIR=${PROJECT_SOURCE_DIR}/fixtures
        -P ${PROJECT_SOURCE_DIR}/cmake/check_install_test.cmake)
  endif()
endfunction()
