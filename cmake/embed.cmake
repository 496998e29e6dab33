# Embeds data/*.tsv into the library as constexpr string constants, so the
# installed binary never reads the source tree and the tables can be parsed at
# compile time (src/classify_lead.cpp). Each data/NAME.tsv becomes
#   inline constexpr std::string_view resdiff::detail::data_NAME_tsv;
# in the generated header resdiff_embedded_data.hpp (included by
# src/embedded_data.hpp), regenerated when a data file changes.
file(GLOB RESDIFF_DATA_FILES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/data/*.tsv")
string(REPLACE ";" "|" _resdiff_data_arg "${RESDIFF_DATA_FILES}")
set(RESDIFF_EMBEDDED_HPP "${CMAKE_CURRENT_BINARY_DIR}/generated/resdiff_embedded_data.hpp")
add_custom_command(
  OUTPUT "${RESDIFF_EMBEDDED_HPP}"
  COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${RESDIFF_EMBEDDED_HPP}" "-DINPUTS=${_resdiff_data_arg}"
          -P "${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed_run.cmake"
  DEPENDS ${RESDIFF_DATA_FILES} "${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed_run.cmake"
  COMMENT "Embedding data/*.tsv"
  VERBATIM)
target_sources(resdiff_lib PRIVATE "${RESDIFF_EMBEDDED_HPP}")
target_include_directories(resdiff_lib PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/generated")
