// PLACEHOLDER until the parse stage lands: text rendering of one document.
#include "resdiff/render.hpp"

#include <sstream>

namespace resdiff {

std::string render_document_text(const document& doc) {
    std::ostringstream out;
    out << doc.meta.symbol << '\n' << doc.meta.title << '\n';
    for (const auto* list : {&doc.preamble, &doc.operative}) {
        for (const auto& p : *list) out << p.id << '\t' << p.text << '\n';
    }
    return out.str();
}

}  // namespace resdiff
