// Format selection shared by every renderer.
#include "resdiff/render.hpp"

#include <algorithm>
#include <cctype>

namespace resdiff {

std::optional<output_format> format_from_name(const std::string& name) {
    std::string n = name;
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (n == "text" || n == "txt" || n == "terminal") return output_format::terminal;
    if (n == "json") return output_format::json;
    if (n == "html" || n == "htm") return output_format::html;
    if (n == "markdown" || n == "md") return output_format::markdown;
    if (n == "docx") return output_format::docx;
    return std::nullopt;
}

std::optional<output_format> format_from_extension(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return std::nullopt;
    const std::string ext = path.substr(dot + 1);
    if (ext == "markdown") return output_format::markdown;
    return format_from_name(ext);
}

}  // namespace resdiff
