# Readers and writers for binary document formats: PDF input (poppler-cpp),
# Word .docx input and the Word redline output (libzip + pugixml).
#
# poppler-cpp (~25 libraries) and libzip (which brings libcrypto) cost the
# dynamic loader several milliseconds at every start, so this code is built
# as modules that the library loads with dlopen on first use (src/modules.hpp):
#   resdiff-pdf.so   src/ingest_pdf.cpp
#   resdiff-docx.so  src/ingest_docx.cpp, src/render_docx.cpp
# next to the executable in the build tree, in LIBDIR/resdiff when installed.
# A module needs nothing from the program that loads it (the library functions
# it calls come through a table, src/module_entry.cpp) and exports only its
# entry point (cmake/module.map), so the library and its consumers link none
# of these libraries. The test programs link the objects (resdiff_pdf_objects,
# resdiff_docx_objects) directly, which registers them without dlopen.
find_package(PkgConfig REQUIRED)
pkg_check_modules(RESDIFF_POPPLER_CPP REQUIRED poppler-cpp)
pkg_check_modules(RESDIFF_LIBZIP REQUIRED libzip)
pkg_check_modules(RESDIFF_PUGIXML REQUIRED pugixml)
# pugixml statically where the archive exists (one library less to load).
find_library(RESDIFF_PUGIXML_ARCHIVE NAMES libpugixml.a HINTS ${RESDIFF_PUGIXML_LIBRARY_DIRS})
if(RESDIFF_PUGIXML_ARCHIVE)
  set(RESDIFF_PUGIXML_LINK_LIBRARIES "${RESDIFF_PUGIXML_ARCHIVE}")
endif()

set_property(SOURCE src/modules.cpp APPEND PROPERTY COMPILE_DEFINITIONS
  RESDIFF_INSTALL_LIBDIR="${CMAKE_INSTALL_LIBDIR}" RESDIFF_INSTALL_FULL_LIBDIR="${CMAKE_INSTALL_FULL_LIBDIR}")

# The objects of one module: NAME_objects, with the include directories and
# libraries (INTERFACE, for whoever links the objects) given.
function(resdiff_module_objects name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;INCLUDES;LIBRARIES")
  add_library(${name}_objects OBJECT ${arg_SOURCES})
  set_target_properties(${name}_objects PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_include_directories(${name}_objects SYSTEM PRIVATE ${arg_INCLUDES})
  target_include_directories(${name}_objects PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_compile_features(${name}_objects PRIVATE cxx_std_20)
  target_link_libraries(${name}_objects PRIVATE resdiff_build_flags)
  target_link_libraries(${name}_objects INTERFACE ${arg_LIBRARIES})
  # The module: the objects, the module's side of the interface, nothing
  # unresolved (-z defs) and only resdiff_module_init exported.
  add_library(${name} MODULE src/module_entry.cpp)
  target_include_directories(${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_compile_features(${name} PRIVATE cxx_std_20)
  target_link_libraries(${name} PRIVATE ${name}_objects resdiff_build_flags)
  if(NOT RESDIFF_SANITIZE AND NOT RESDIFF_FUZZ)
    target_link_options(${name} PRIVATE LINKER:-z,defs)
  endif()
  target_link_options(${name} PRIVATE LINKER:--as-needed LINKER:-O1
    LINKER:--version-script=${CMAKE_CURRENT_SOURCE_DIR}/cmake/module.map)
  set_target_properties(${name} PROPERTIES PREFIX "" LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}"
    LINK_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cmake/module.map)
  install(TARGETS ${name} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/resdiff)
endfunction()

resdiff_module_objects(resdiff_pdf SOURCES src/ingest_pdf.cpp
  INCLUDES ${RESDIFF_POPPLER_CPP_INCLUDE_DIRS} LIBRARIES ${RESDIFF_POPPLER_CPP_LINK_LIBRARIES})
set_target_properties(resdiff_pdf PROPERTIES OUTPUT_NAME resdiff-pdf)
resdiff_module_objects(resdiff_docx SOURCES src/ingest_docx.cpp src/render_docx.cpp
  INCLUDES ${RESDIFF_LIBZIP_INCLUDE_DIRS} ${RESDIFF_PUGIXML_INCLUDE_DIRS}
  LIBRARIES ${RESDIFF_LIBZIP_LINK_LIBRARIES} ${RESDIFF_PUGIXML_LINK_LIBRARIES})
set_target_properties(resdiff_docx PROPERTIES OUTPUT_NAME resdiff-docx)
