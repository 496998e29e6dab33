// The library's side of the reader and writer modules (modules.hpp): the
// registry, where modules are looked for, and the functions lent to the
// modules (module_open.cpp opens them).
#include "modules.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "resdiff/document.hpp"

#ifndef RESDIFF_INSTALL_LIBDIR
#define RESDIFF_INSTALL_LIBDIR "lib"
#endif
#ifndef RESDIFF_INSTALL_FULL_LIBDIR
#define RESDIFF_INSTALL_FULL_LIBDIR "/usr/local/lib"
#endif

namespace resdiff {

namespace {

using detail::module_error;
using detail::needs_full_program;

// Registered directly (objects linked into the program: the tests).
constinit std::atomic<detail::format_reader> pdf_reader{nullptr};
constinit std::atomic<detail::format_reader> docx_reader{nullptr};
constinit std::atomic<detail::docx_writer> redline_writer{nullptr};

// The library functions a module calls.
bool lend_normalize_text(std::string_view text, std::string& out, module_error& error) noexcept {
    return detail::guarded(error, [&] { out = normalize_text(text); });
}
bool lend_diff_words(std::string_view old_text, std::string_view new_text, const diff_options& options,
                     word_diff& out, module_error& error) noexcept {
    return detail::guarded(error, [&] { out = diff_words(old_text, new_text, options); });
}
const paragraph* lend_find_paragraph(const document& doc, std::string_view id) noexcept {
    return find_paragraph(doc, id);
}
constexpr detail::module_host host{detail::module_abi, &lend_normalize_text, &lend_diff_words,
                                   &lend_find_paragraph};

// What the module `name` reads (and writes), as messages name it.
const char* format_of(std::string_view name) {
    return name == "resdiff-pdf.so" ? "PDF" : "Word (.docx)";
}

// The module's table, loaded once (null, with the reason, when it cannot be).
// A program that cannot load modules throws needs_full_program instead,
// naming the format and `source`, the file being read ("" for the output).
const detail::module_exports* loaded_module(const char* name, const std::string& source, std::string& why) {
    static std::mutex loading;
    static constinit std::atomic<const detail::module_exports*> pdf{nullptr}, docx{nullptr};
    auto& slot = std::string_view(name) == "resdiff-pdf.so" ? pdf : docx;
    if (const auto* m = slot.load(std::memory_order_acquire)) return m;
    const std::lock_guard<std::mutex> lock(loading);
    if (const auto* m = slot.load(std::memory_order_acquire)) return m;
    const detail::module_exports* m = nullptr;
    try {
        m = detail::open_module(name, host, why);
    } catch (needs_full_program& e) {
        e.source = source;
        e.what = format_of(name);
        throw;
    }
    slot.store(m, std::memory_order_release);
    return m;
}

// The directories a module (or the full program) is looked for in, in turn.
std::vector<std::string> module_dirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("RESDIFF_MODULE_DIR"); env && *env) dirs.emplace_back(env);
    char exe[4096];
    const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        std::string dir(exe, static_cast<std::size_t>(n));
        dir.erase(dir.find_last_of('/') == std::string::npos ? 0 : dir.find_last_of('/'));
        dirs.push_back(dir);
        dirs.push_back(dir + "/../" RESDIFF_INSTALL_LIBDIR "/resdiff");
    }
    dirs.emplace_back(RESDIFF_INSTALL_FULL_LIBDIR "/resdiff");
    return dirs;
}

}  // namespace

std::string detail::find_in_module_dirs(const char* name, int mode, std::string& why) {
    const std::vector<std::string> dirs = module_dirs();
    for (const auto& dir : dirs) {
        std::string path = dir;
        path.append("/").append(name);
        if (::access(path.c_str(), mode) == 0) return path;
    }
    why = std::string(name).append(" not found in");
    for (const auto& dir : dirs) why.append(" ").append(dir);
    return {};
}

void detail::register_format_reader(file_type type, format_reader reader) noexcept {
    if (type == file_type::pdf) pdf_reader.store(reader, std::memory_order_release);
    if (type == file_type::docx) docx_reader.store(reader, std::memory_order_release);
}

void detail::register_docx_writer(docx_writer writer) noexcept {
    redline_writer.store(writer, std::memory_order_release);
}

ingested_text detail::read_binary_format(file_type type, std::string_view bytes, const std::string& source,
                                         const ingest_options& options) {
    const bool pdf = type == file_type::pdf;
    if (const auto reader = (pdf ? pdf_reader : docx_reader).load(std::memory_order_acquire)) {
        return reader(bytes, source, options);
    }
    const char* name = pdf ? "resdiff-pdf.so" : "resdiff-docx.so";
    std::string why;
    const module_exports* m = loaded_module(name, source, why);
    if (m == nullptr)
        throw input_error(source,
                          std::string(format_of(name)).append(" support is not installed: ").append(why));
    const module_reader read = pdf ? m->read_pdf : m->read_docx;
    if (read == nullptr)
        throw input_error(source, std::string(name).append(" has no reader for this format"));
    ingested_text out;
    module_error error;
    if (!read(bytes, source, options, out, error)) rethrow(error);
    return out;
}

namespace {

// The module holding the Word redline writer; throws when it cannot be had.
const detail::module_exports& docx_writer_module() {
    std::string why;
    const detail::module_exports* m = loaded_module("resdiff-docx.so", {}, why);
    if (m == nullptr) throw std::runtime_error("Word (.docx) support is not installed: " + why);
    if (m->write_docx == nullptr) throw std::runtime_error("resdiff-docx.so has no Word redline writer");
    return *m;
}

}  // namespace

void detail::need_docx_writer() {
    if (redline_writer.load(std::memory_order_acquire) == nullptr) (void)docx_writer_module();
}

std::string render_docx(const comparison& cmp, const render_options& options) {
    if (const auto writer = redline_writer.load(std::memory_order_acquire)) return writer(cmp, options);
    const detail::module_exports& m = docx_writer_module();
    std::string out;
    module_error error;
    if (!m.write_docx(cmp, options, out, error)) detail::rethrow(error);
    return out;
}

}  // namespace resdiff
