#include "resdiff/document.hpp"

#include <string_view>

namespace resdiff {

namespace {

void collect(const std::vector<subparagraph>& subs, std::vector<const subparagraph*>& out) {
    for (const auto& s : subs) {
        out.push_back(&s);
        collect(s.children, out);
    }
}

}  // namespace

const paragraph* find_paragraph(const document& doc, std::string_view id) {
    for (const auto* list : {&doc.preamble, &doc.operative}) {
        for (const auto& p : *list) {
            if (p.id == id) return &p;
        }
    }
    return nullptr;
}

std::size_t text_bytes(const document& doc) {
    std::size_t n = 0;
    for (const auto* list : {&doc.preamble, &doc.operative}) {
        for (const auto& p : *list) n += p.text.size();
    }
    return n;
}

std::vector<const subparagraph*> flatten(const paragraph& p) {
    std::vector<const subparagraph*> out;
    collect(p.subparagraphs, out);
    return out;
}

const char* to_string(document_kind kind) {
    switch (kind) {
        case document_kind::resolution: return "resolution";
        case document_kind::draft: return "draft";
        case document_kind::unknown: break;
    }
    return "unknown";
}

const char* to_string(part where) { return where == part::preamble ? "preamble" : "operative"; }

}  // namespace resdiff
