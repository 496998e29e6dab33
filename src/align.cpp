// PLACEHOLDER until the align stage lands: pairs paragraphs by position.
#include "resdiff/align.hpp"

#include <algorithm>

namespace resdiff {

alignment align(const document& old_doc, const document& new_doc, const align_options&) {
    alignment out;
    for (const auto* lists : {&old_doc.preamble, &old_doc.operative}) {
        const auto& news = lists == &old_doc.preamble ? new_doc.preamble : new_doc.operative;
        const std::size_t n = std::max(lists->size(), news.size());
        for (std::size_t i = 0; i < n; ++i) {
            alignment_unit u;
            if (i < lists->size()) u.old_ids.push_back((*lists)[i].id);
            if (i < news.size()) u.new_ids.push_back(news[i].id);
            if (u.old_ids.empty()) u.kind = unit_kind::added;
            else if (u.new_ids.empty()) u.kind = unit_kind::removed;
            else if ((*lists)[i].text != news[i].text) u.kind = unit_kind::modified, u.text_changed = true;
            out.units.push_back(u);
        }
    }
    return out;
}

}  // namespace resdiff
