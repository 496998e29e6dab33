// PLACEHOLDER until the JSON contract lands.
#include "resdiff/json.hpp"

#include <nlohmann/json.hpp>

namespace resdiff {

std::string document_to_json(const document& doc) {
    nlohmann::ordered_json j;
    j["symbol"] = doc.meta.symbol;
    return j.dump(2) + "\n";
}

document document_from_json(std::string_view json) {
    document doc;
    doc.meta.symbol = nlohmann::json::parse(json).value("symbol", "");
    return doc;
}

std::string comparison_to_json(const comparison& cmp) {
    nlohmann::ordered_json j;
    j["units"] = cmp.result.units.size();
    return j.dump(2) + "\n";
}

}  // namespace resdiff
