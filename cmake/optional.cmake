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

target_include_directories(resdiff_lib SYSTEM PRIVATE
  ${RESDIFF_POPPLER_CPP_INCLUDE_DIRS} ${RESDIFF_LIBZIP_INCLUDE_DIRS} ${RESDIFF_PUGIXML_INCLUDE_DIRS})
target_link_libraries(resdiff_lib PRIVATE
  ${RESDIFF_POPPLER_CPP_LINK_LIBRARIES} ${RESDIFF_LIBZIP_LINK_LIBRARIES} ${RESDIFF_PUGIXML_LINK_LIBRARIES})
