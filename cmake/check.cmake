# resdiff check: rules files in TOML, read with toml++ (Debian libtomlplusplus-dev).
# Debian 12 ships toml++ 3.3 as a compiled shared library whose CMake target
# forces TOML_HEADER_ONLY=0. resdiff uses it in header-only mode instead
# (src/check.cpp defines TOML_HEADER_ONLY 1 itself): the library stays free of a
# runtime dependency, nothing about toml++ reaches the exported targets, and
# only the include directory is needed, privately.
find_path(TOMLPLUSPLUS_INCLUDE_DIR toml++/toml.h REQUIRED)
target_include_directories(resdiff_lib PRIVATE ${TOMLPLUSPLUS_INCLUDE_DIR})
