// Private to the ingest stage: readers for binary document formats. Each
// returns the document's text as lines (not yet normalized) and throws
// input_error with a clear message for encrypted, scanned (no text layer) or
// corrupt files.
#pragma once

#include <string>
#include <string_view>

#include "resdiff/ingest.hpp"

namespace resdiff::detail {

ingested_text read_pdf(std::string_view bytes, const std::string& source, const ingest_options& options);
ingested_text read_docx(std::string_view bytes, const std::string& source, const ingest_options& options);

}  // namespace resdiff::detail
