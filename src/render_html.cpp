// PLACEHOLDER until the HTML renderer lands.
#include "resdiff/render.hpp"

namespace resdiff {

std::string render_html(const comparison& cmp, const render_options& options) {
    return "<!doctype html><pre>placeholder</pre>" + std::to_string(cmp.result.units.size() + static_cast<std::size_t>(options.width));
}

}  // namespace resdiff
