// PLACEHOLDER until the Markdown renderer lands.
#include "resdiff/render.hpp"

namespace resdiff {

std::string render_markdown(const comparison& cmp, const render_options& options) {
    return "placeholder " + std::to_string(cmp.result.units.size() + static_cast<std::size_t>(options.width)) + "\n";
}

}  // namespace resdiff
