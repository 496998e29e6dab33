// PLACEHOLDER until the classify stage lands: every edit is substantive.
#include "resdiff/classify.hpp"

namespace resdiff {

int lead_strength(std::string_view) { return 0; }

direction compare_leads(std::string_view a, std::string_view b) { return a == b ? direction::none : direction::changed; }

std::vector<std::string> citations(std::string_view) { return {}; }

alignment classify(alignment diffed, const document&, const document&) {
    for (auto& u : diffed.units) {
        if (u.kind != unit_kind::unchanged) u.classes = {change_class::substantive};
    }
    return diffed;
}

}  // namespace resdiff
