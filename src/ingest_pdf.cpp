// PLACEHOLDER until PDF input lands.
#include "ingest_formats.hpp"

namespace resdiff::detail {

ingested_text read_pdf(std::string_view, const std::string& source, const ingest_options&) {
    throw input_error(source, "PDF input is not supported yet");
}

}  // namespace resdiff::detail
