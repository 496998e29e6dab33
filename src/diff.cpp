// PLACEHOLDER until the diff stage lands: one delete and one insert per changed unit.
#include "resdiff/diff.hpp"

namespace resdiff {

std::string unit_text(const document& doc, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (const auto* p = find_paragraph(doc, id)) {
            if (!out.empty()) out += ' ';
            out += p->text;
        }
    }
    return out;
}

word_diff diff_words(std::string_view old_text, std::string_view new_text, const diff_options&) {
    word_diff d;
    if (old_text == new_text) {
        if (!old_text.empty()) d.ops.push_back({op_kind::equal, std::string(old_text), {}});
        return d;
    }
    if (!old_text.empty()) d.ops.push_back({op_kind::del, std::string(old_text), {}});
    if (!new_text.empty()) d.ops.push_back({op_kind::ins, std::string(new_text), {}});
    return d;
}

alignment diff_alignment(alignment aligned, const document& old_doc, const document& new_doc, const diff_options& options) {
    for (auto& u : aligned.units) u.ops = diff_words(unit_text(old_doc, u.old_ids), unit_text(new_doc, u.new_ids), options).ops;
    return aligned;
}

}  // namespace resdiff
