// Private: the reader and writer modules loaded with dlopen, and the small
// interface between them and the program that loads them.
//
// poppler-cpp (PDF) and libzip (DOCX, which brings libcrypto) cost the dynamic
// loader milliseconds at every start, so their code lives in modules loaded on
// first use: resdiff-pdf.so (the PDF reader) and resdiff-docx.so (the DOCX
// reader and the Word redline writer). They are found next to the executable
// (build tree), in ../LIBDIR/resdiff beside it (installed layout), in the
// configured LIBDIR/resdiff (programs using the installed library), or in
// $RESDIFF_MODULE_DIR first when set.
//
// A module resolves nothing from the program: the library functions its code
// calls come through a table of function pointers (module_host), and it hands
// back its readers and writer as another (module_exports). No exception
// crosses the interface, since the program may carry its own copy of the C++
// runtime (resdiff links libstdc++ statically) and the module another: errors
// travel as values (module_error) and are thrown again on the other side.
//
// The test programs link the modules' objects directly: their static
// initializers then register the readers and writer with the library itself.
//
// The statically linked resdiff cannot load a module (a static program has no
// dynamic loader to share with one): it links its own open_module, which
// throws needs_full_program, and main() hands the command over to
// resdiff-full, found in the same directories (src/cli/hand_over.cpp).
#pragma once

#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ingest_formats.hpp"
#include "resdiff/compare.hpp"
#include "resdiff/diff.hpp"
#include "resdiff/ingest.hpp"
#include "resdiff/render.hpp"

namespace resdiff::detail {

using docx_writer = std::string (*)(const comparison& cmp, const render_options& options);
// The Word redline writer registers itself like the readers (render_docx.cpp).
void register_docx_writer(docx_writer writer) noexcept;

struct module_error {
    enum kind_t : int { none, input, out_of_memory, other };
    kind_t kind = none;
    std::string path;  // input errors: the file
    std::string message;
};

// Runs f, turning an exception into a module_error. False when f threw.
template <class F>
bool guarded(module_error& error, F&& f) noexcept {
    try {
        f();
        return true;
    } catch (const input_error& e) {
        error.kind = module_error::input;
        error.path = e.path();
        error.message = e.what();
    } catch (const std::bad_alloc&) {
        error.kind = module_error::out_of_memory;
    } catch (const std::exception& e) {
        error.kind = module_error::other;
        error.message = e.what();
    } catch (...) {
        error.kind = module_error::other;
        error.message = "unknown error";
    }
    return false;
}

[[noreturn]] inline void rethrow(const module_error& error) {
    switch (error.kind) {
        case module_error::input: throw input_error(error.path, error.message);
        case module_error::out_of_memory: throw std::bad_alloc();
        default: throw std::runtime_error(error.message);
    }
}

// Changes whenever the interface or a type crossing it changes, so a module
// from another build is refused instead of misread.
inline constexpr std::uint32_t module_abi =
    1u + 8u * static_cast<std::uint32_t>(sizeof(ingested_text) + 3 * sizeof(ingest_options) +
                                         5 * sizeof(comparison) + 7 * sizeof(render_options) +
                                         11 * sizeof(document) + 13 * sizeof(word_diff) +
                                         17 * sizeof(diff_options));

using module_reader = bool (*)(std::string_view bytes, const std::string& source,
                               const ingest_options& options, ingested_text& out,
                               module_error& error) noexcept;
using module_writer = bool (*)(const comparison& cmp, const render_options& options, std::string& out,
                               module_error& error) noexcept;

// What the program lends a module.
struct module_host {
    std::uint32_t abi;
    bool (*normalize_text)(std::string_view text, std::string& out, module_error& error) noexcept;
    bool (*diff_words)(std::string_view old_text, std::string_view new_text, const diff_options& options,
                       word_diff& out, module_error& error) noexcept;
    const paragraph* (*find_paragraph)(const document& doc, std::string_view id) noexcept;
};

// What a module gives back; null where it does not handle the format.
struct module_exports {
    std::uint32_t abi;
    module_reader read_pdf;
    module_reader read_docx;
    module_writer write_docx;
};

// The entry point every module defines with C linkage; null when the host's
// interface differs from the module's.
using module_init = const module_exports* (*)(const module_host* host);
inline constexpr const char* module_init_name = "resdiff_module_init";

// The path of the first file `name`, in the directories a module (or the
// full program) is looked for in, in turn ($RESDIFF_MODULE_DIR, the
// program's own directory, ../LIBDIR/resdiff beside it, the installed
// LIBDIR/resdiff), that access(2) allows with `mode` (R_OK, X_OK); "" when
// there is none, with `why` saying "NAME not found in DIR DIR ...".
std::string find_in_module_dirs(const char* name, int mode, std::string& why);

// Opens the module file `name` found by find_in_module_dirs, hands it `host` and
// returns its table; null, with the reason in `why`, when it cannot. With
// dlopen (module_open.cpp); the statically linked resdiff, which cannot load
// a shared object, links its own version instead (src/cli/static_modules.cpp)
// that throws needs_full_program.
const module_exports* open_module(const char* name, const module_host& host, std::string& why);

// The Word redline writer made ready now, before the work whose result it
// writes: throws what render_docx would throw without it.
void need_docx_writer();

// Thrown by a program that cannot load the modules (the statically linked
// resdiff, fast to start) where a module is needed: the full program
// (resdiff-full, the same commands linked dynamically) must run the command.
// Not a std::exception, so that no error handler takes it for an error;
// `main` catches it and hands the command over (src/cli/hand_over.cpp).
struct needs_full_program {
    std::string module;  // "resdiff-pdf.so" or "resdiff-docx.so"
    std::string source;  // the file being read ("" for the Word output)
    std::string what;    // "PDF" or "Word (.docx)"
    // Standard input, read before the need was known: its bytes, for the
    // full program to read again.
    bool standard_input = false;
    std::string input;
};

}  // namespace resdiff::detail
