# Readers and writers for binary document formats: PDF input (poppler-cpp),
# Word .docx input and the Word redline output (libzip + pugixml).
#
# The libraries are linked PRIVATE to resdiff_lib by their full paths (from
# pkg-config), so the exported static library needs no imported targets and a
# consumer's find_package(resdiff) keeps working without extra find modules.
find_package(PkgConfig REQUIRED)
pkg_check_modules(RESDIFF_POPPLER_CPP REQUIRED poppler-cpp)
pkg_check_modules(RESDIFF_LIBZIP REQUIRED libzip)
pkg_check_modules(RESDIFF_PUGIXML REQUIRED pugixml)
# pugixml statically where the archive exists (start-up cost, see CMakeLists.txt).
find_library(RESDIFF_PUGIXML_ARCHIVE NAMES libpugixml.a HINTS ${RESDIFF_PUGIXML_LIBRARY_DIRS})
if(RESDIFF_PUGIXML_ARCHIVE)
  set(RESDIFF_PUGIXML_LINK_LIBRARIES "${RESDIFF_PUGIXML_ARCHIVE}")
endif()

target_include_directories(resdiff_lib SYSTEM PRIVATE ${RESDIFF_LIBZIP_INCLUDE_DIRS} ${RESDIFF_PUGIXML_INCLUDE_DIRS})
target_link_libraries(resdiff_lib PRIVATE ${RESDIFF_LIBZIP_LINK_LIBRARIES} ${RESDIFF_PUGIXML_LINK_LIBRARIES})
set_property(SOURCE src/ingest.cpp APPEND PROPERTY COMPILE_DEFINITIONS
  RESDIFF_INSTALL_LIBDIR="${CMAKE_INSTALL_LIBDIR}" RESDIFF_INSTALL_FULL_LIBDIR="${CMAKE_INSTALL_FULL_LIBDIR}")

# PDF input: poppler-cpp and its ~25 libraries cost several milliseconds of
# start-up, so src/ingest_pdf.cpp is built as a module, resdiff-pdf.so, that
# ingest.cpp loads with dlopen on the first PDF: next to the executable in the
# build tree, in LIBDIR/resdiff when installed. The module resolves the
# library's symbols from the executable (ENABLE_EXPORTS) and registers its
# reader from a static initializer. The test programs link the same objects
# (resdiff_pdf_objects) directly, which registers the reader without dlopen.
add_library(resdiff_pdf_objects OBJECT src/ingest_pdf.cpp)
set_target_properties(resdiff_pdf_objects PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_include_directories(resdiff_pdf_objects SYSTEM PRIVATE ${RESDIFF_POPPLER_CPP_INCLUDE_DIRS})
target_include_directories(resdiff_pdf_objects PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR}/include)
target_compile_features(resdiff_pdf_objects PRIVATE cxx_std_20)
target_link_libraries(resdiff_pdf_objects PRIVATE resdiff_build_flags)
target_link_libraries(resdiff_pdf_objects INTERFACE ${RESDIFF_POPPLER_CPP_LINK_LIBRARIES})
add_library(resdiff_pdf MODULE)
target_link_libraries(resdiff_pdf PRIVATE resdiff_pdf_objects)
target_link_options(resdiff_pdf PRIVATE LINKER:--as-needed LINKER:-O1)
set_target_properties(resdiff_pdf PROPERTIES PREFIX "" OUTPUT_NAME resdiff-pdf
  LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
install(TARGETS resdiff_pdf LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/resdiff)
