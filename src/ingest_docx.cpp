// PLACEHOLDER until DOCX input lands.
#include "ingest_formats.hpp"

namespace resdiff::detail {

ingested_text read_docx(std::string_view, const std::string& source, const ingest_options&) {
    throw input_error(source, "DOCX input is not supported yet");
}

}  // namespace resdiff::detail
