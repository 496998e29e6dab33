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

// The PDF reader (poppler-cpp, about 25 shared libraries) lives in a loadable
// module, resdiff-pdf.so, so that the command pays for poppler only when a PDF
// arrives. ingest_pdf.cpp registers read_pdf with a static initializer: when
// the module is loaded (dlopen on the first PDF), or when ingest_pdf.cpp is
// linked in directly (the test programs). Thread-safe, lock-free.
void register_format_reader(file_type type, format_reader reader) noexcept;

ingested_text read_pdf(std::string_view bytes, const std::string& source, const ingest_options& options);
ingested_text read_docx(std::string_view bytes, const std::string& source, const ingest_options& options);

}  // namespace resdiff::detail
