// PLACEHOLDER until the JSON document contract lands.
#include <nlohmann/json.hpp>

#include "resdiff/json.hpp"

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

}  // namespace resdiff
