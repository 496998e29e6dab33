// Linked into the statically linked resdiff only, in place of the library's
// module_open.cpp: a static program cannot load a shared object, so where a
// PDF or Word module is needed the command goes to the full program
// (src/cli/hand_over.cpp). The linker takes this definition of open_module
// and then has no reason to take module_open.cpp (nor dlopen) from the
// library archive.
#include "modules.hpp"

namespace resdiff::detail {

const module_exports* open_module(const char* name, const module_host&, std::string&) {
    throw needs_full_program{name, {}, {}, false, {}};
}

}  // namespace resdiff::detail
