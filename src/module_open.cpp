// Opening a reader or writer module with dlopen (modules.hpp). Its own object
// file: the statically linked resdiff, which cannot load a shared object,
// links src/cli/static_modules.cpp in its place.
#include <dlfcn.h>
#include <unistd.h>

#include "modules.hpp"

namespace resdiff::detail {

const module_exports* open_module(const char* name, const module_host& host, std::string& why) {
    const std::string path = find_in_module_dirs(name, R_OK, why);
    if (path.empty()) return nullptr;
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* err = ::dlerror();
        why = std::string("cannot load ").append(path).append(": ").append(err ? err : "unknown error");
        return nullptr;
    }
    const auto init = reinterpret_cast<module_init>(::dlsym(handle, module_init_name));
    const module_exports* exports = init != nullptr ? init(&host) : nullptr;
    if (exports == nullptr || exports->abi != module_abi) {
        why = path + " is not a module of this resdiff build";
        ::dlclose(handle);
        return nullptr;
    }
    return exports;  // never unloaded
}

}  // namespace resdiff::detail
