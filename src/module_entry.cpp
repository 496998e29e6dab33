// The module's side of the interface in modules.hpp, linked into each module
// (resdiff-pdf.so, resdiff-docx.so; cmake/optional.cmake), never into the
// library: the registrations of the module's static initializers are kept
// here, the library functions its code calls are forwarded to the program's
// table, and resdiff_module_init hands the program the module's table. Only
// resdiff_module_init is exported (cmake/module.map).
#include <string>

#include "modules.hpp"
#include "resdiff/document.hpp"

namespace resdiff::detail {

namespace {

constinit const module_host* host = nullptr;
constinit format_reader pdf_reader = nullptr;
constinit format_reader docx_reader = nullptr;
constinit docx_writer redline_writer = nullptr;

bool read_pdf_entry(std::string_view bytes, const std::string& source, const ingest_options& options,
                    ingested_text& out, module_error& error) noexcept {
    return guarded(error, [&] { out = pdf_reader(bytes, source, options); });
}

bool read_docx_entry(std::string_view bytes, const std::string& source, const ingest_options& options,
                     ingested_text& out, module_error& error) noexcept {
    return guarded(error, [&] { out = docx_reader(bytes, source, options); });
}

bool write_docx_entry(const comparison& cmp, const render_options& options, std::string& out,
                      module_error& error) noexcept {
    return guarded(error, [&] { out = redline_writer(cmp, options); });
}

constinit module_exports exports{};

}  // namespace

void register_format_reader(file_type type, format_reader reader) noexcept {
    if (type == file_type::pdf) pdf_reader = reader;
    if (type == file_type::docx) docx_reader = reader;
}

void register_docx_writer(docx_writer writer) noexcept {
    redline_writer = writer;
}

}  // namespace resdiff::detail

namespace resdiff {

std::string normalize_text(std::string_view text) {
    std::string out;
    detail::module_error error;
    if (!detail::host->normalize_text(text, out, error)) detail::rethrow(error);
    return out;
}

word_diff diff_words(std::string_view old_text, std::string_view new_text, const diff_options& options) {
    word_diff out;
    detail::module_error error;
    if (!detail::host->diff_words(old_text, new_text, options, out, error)) detail::rethrow(error);
    return out;
}

const paragraph* find_paragraph(const document& doc, std::string_view id) {
    return detail::host->find_paragraph(doc, id);
}

}  // namespace resdiff

extern "C" __attribute__((visibility("default"))) const resdiff::detail::module_exports* resdiff_module_init(
    const resdiff::detail::module_host* program) {
    using namespace resdiff::detail;
    if (program == nullptr || program->abi != module_abi) return nullptr;
    host = program;
    exports = {module_abi, pdf_reader != nullptr ? &read_pdf_entry : nullptr,
               docx_reader != nullptr ? &read_docx_entry : nullptr,
               redline_writer != nullptr ? &write_docx_entry : nullptr};
    return &exports;
}
