// PLACEHOLDER until the terminal renderer lands.
#include "resdiff/render.hpp"

#include <sstream>

namespace resdiff {

std::string render_terminal(const comparison& cmp, const render_options&) {
    std::ostringstream out;
    for (const auto& u : cmp.result.units) {
        if (u.kind == unit_kind::unchanged) continue;
        out << to_string(u.kind) << ":";
        for (const auto& id : u.old_ids) out << ' ' << id;
        out << " ->";
        for (const auto& id : u.new_ids) out << ' ' << id;
        out << '\n';
        for (const auto& op : u.ops) {
            if (op.op == op_kind::equal) out << op.text;
            else if (op.op == op_kind::del) out << "[-" << op.text << "-]";
            else out << "{+" << op.text << "+}";
        }
        out << "\n\n";
    }
    return out.str();
}

}  // namespace resdiff
