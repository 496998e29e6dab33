// Private to the ingest stage: readers for binary document formats. Each
// returns the document's text as lines (not yet normalized) and throws
// input_error with a clear message for encrypted, scanned (no text layer) or
// corrupt files.
#pragma once

#include <string>
#include <string_view>

#include "resdiff/ingest.hpp"

namespace resdiff::detail {

using format_reader = ingested_text (*)(std::string_view bytes, const std::string& source,
                                        const ingest_options& options);

// The PDF reader (poppler-cpp) and the DOCX reader (libzip) live in loadable
// modules (modules.hpp), so that the command pays for those libraries only
// when such a file arrives. ingest_pdf.cpp and ingest_docx.cpp register their
// reader with a static initializer: with the module (dlopen on the first PDF
// or DOCX), or with the library when linked in directly (the test programs).
// Thread-safe, lock-free.
void register_format_reader(file_type type, format_reader reader) noexcept;

// Reads a PDF or DOCX with the registered reader, loading its module first if
// needed (modules.cpp). Throws input_error, also when the module is missing.
ingested_text read_binary_format(file_type type, std::string_view bytes, const std::string& source,
                                 const ingest_options& options);

ingested_text read_pdf(std::string_view bytes, const std::string& source, const ingest_options& options);
ingested_text read_docx(std::string_view bytes, const std::string& source, const ingest_options& options);

}  // namespace resdiff::detail
