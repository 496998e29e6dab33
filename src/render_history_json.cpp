// History as JSON (docs/json.md, "History").
#include <cmath>
#include <utility>
#include <nlohmann/json.hpp>

#include "resdiff/history.hpp"

namespace resdiff {

namespace {

using json = nlohmann::ordered_json;

double round4(double x) { return std::round(x * 10000.0) / 10000.0; }

json stats_json(const version_stats& s) {
    json j;
    j["paragraphs"] = s.paragraphs;
    j["added"] = s.added;
    j["removed"] = s.removed;
    j["modified"] = s.modified;
    j["moved"] = s.moved;
    j["unchanged"] = s.unchanged;
    j["words"] = s.words;
    j["words_added"] = s.words_added;
    j["words_removed"] = s.words_removed;
    j["unchanged_since_first"] = round4(s.unchanged_since_first);
    return j;
}

}  // namespace

std::string history_to_json(const history& h) {
    json root;
    root["resdiff_history"] = 1;
    root["order"] = to_string(h.order);
    if (!h.order_note.empty()) root["order_note"] = h.order_note;
    json versions = json::array();
    for (std::size_t k = 0; k < h.versions.size(); ++k) {
        const document& d = h.versions[k];
        const version_key key = key_of(d);
        json v;
        v["index"] = k;
        v["label"] = version_label(h, k);
        v["symbol"] = key.symbol;
        v["source"] = d.source;
        v["kind"] = key.draft ? "draft" : to_string(d.meta.kind);
        v["session"] = key.session;
        v["title"] = d.meta.title;
        v["adoption_date"] = d.meta.adoption_date;
        v["distribution_date"] = d.meta.distribution_date;
        v["date"] = key.date == 0 ? std::string() : std::to_string(key.date / 10000) + "-" +
                                                        (key.date / 100 % 100 < 10 ? "0" : "") + std::to_string(key.date / 100 % 100) + "-" +
                                                        (key.date % 100 < 10 ? "0" : "") + std::to_string(key.date % 100);
        v["stats"] = stats_json(h.stats[k]);
        versions.push_back(std::move(v));
    }
    root["versions"] = std::move(versions);
    json excluded = json::array();
    for (const auto& e : h.excluded) excluded.push_back({{"source", e.source}, {"symbol", e.symbol}, {"reason", e.reason}});
    root["excluded"] = excluded;

    json lineage = json::array();
    for (std::size_t k = 0; k < h.lineage.size(); ++k) {
        json v;
        v["version"] = k;
        json paras = json::array();
        for (const auto& e : h.lineage[k].paragraphs) {
            json p;
            p["id"] = e.id;
            p["change"] = to_string(e.kind);
            p["text_changed"] = e.text_changed;
            p["moved"] = e.moved;
            p["predecessors"] = e.predecessors;
            p["successors"] = e.successors;
            p["origin"] = e.origin;
            p["changed_in"] = e.changed_in;
            paras.push_back(std::move(p));
        }
        v["paragraphs"] = std::move(paras);
        json dropped = json::array();
        for (const auto& d : h.lineage[k].dropped) dropped.push_back({{"id", d.id}, {"origin", d.origin}});
        v["dropped"] = std::move(dropped);
        lineage.push_back(std::move(v));
    }
    root["lineage"] = std::move(lineage);

    json blame = json::array();
    if (!h.blame.empty()) {
        for (const auto& pb : h.blame.back()) {
            json p;
            p["id"] = pb.id;
            json runs = json::array();
            for (const auto& r : pb.runs) runs.push_back({{"version", r.version}, {"text", r.text}});
            p["runs"] = std::move(runs);
            blame.push_back(std::move(p));
        }
    }
    root["blame"] = std::move(blame);
    json notes = json::array();
    for (const auto& n : h.notes) notes.push_back(n);
    root["notes"] = notes;
    return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace resdiff
