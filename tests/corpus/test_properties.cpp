// Property tests over random edit sequences applied to real resolutions
// (seeded, so every run checks the same cases): the JSON round trip is exact,
// every paragraph of both versions stands in exactly one alignment unit, every
// report is byte-identical across runs, and comparing NEW with OLD mirrors
// OLD with NEW.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "resdiff/compare.hpp"
#include "resdiff/json.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"
#include "unit/align_support.hpp"

namespace {

using resdiff::comparison;
using resdiff::document;
using resdiff::op_kind;
using resdiff::unit_kind;

struct property_case {
    std::string name;
    document old_doc, new_doc;
};

// Three resolutions of different series, ten seeded edit sequences each.
const std::vector<property_case>& cases() {
    static const std::vector<property_case> all = [] {
        std::vector<property_case> out;
        const std::vector<std::string> bases = {"A-RES-80-118", "A-RES-79-195", "A-RES-80-75"};
        std::vector<document> docs;
        for (const auto& b : bases) docs.push_back(resdiff::parse_file(std::filesystem::path(RESDIFF_CORPUS_DIR) / (b + ".txt")));
        for (std::size_t d = 0; d < docs.size(); ++d) {
            std::vector<std::string> donors;
            const auto& other = docs[(d + 1) % docs.size()];
            for (const auto* l : {&other.preamble, &other.operative}) {
                for (const auto& p : *l) donors.push_back(p.text);
            }
            for (std::uint64_t seed = 1; seed <= 10; ++seed) {
                auto sp = align_test::make_synthetic(docs[d], donors, 9000 + 37 * d + seed, 4 + static_cast<int>(seed % 8));
                out.push_back({bases[d] + " seed " + std::to_string(seed), std::move(sp.old_doc), std::move(sp.new_doc)});
            }
        }
        return out;
    }();
    return all;
}

std::vector<std::string> paragraph_ids(const document& doc) {
    std::vector<std::string> ids;
    for (const auto* l : {&doc.preamble, &doc.operative}) {
        for (const auto& p : *l) ids.push_back(p.id);
    }
    return ids;
}

unit_kind mirrored(unit_kind k) {
    switch (k) {
        case unit_kind::added: return unit_kind::removed;
        case unit_kind::removed: return unit_kind::added;
        case unit_kind::split: return unit_kind::merged;
        case unit_kind::merged: return unit_kind::split;
        default: return k;
    }
}

std::string ids_key(const std::vector<std::string>& o, const std::vector<std::string>& n) {
    return align_test::key_of(o, n);
}

// Text of the given kind of ops, concatenated.
std::string joined(const std::vector<resdiff::word_op>& ops, op_kind kind) {
    std::string s;
    for (const auto& op : ops) {
        if (op.op == kind) s += op.text;
    }
    return s;
}

}  // namespace

TEST_CASE("properties: document JSON round trip is exact on edited resolutions", "[corpus][properties]") {
    for (const auto& c : cases()) {
        INFO(c.name);
        CHECK(resdiff::document_from_json(resdiff::document_to_json(c.old_doc)) == c.old_doc);
        CHECK(resdiff::document_from_json(resdiff::document_to_json(c.new_doc)) == c.new_doc);
    }
}

TEST_CASE("properties: every paragraph of both versions stands in exactly one unit", "[corpus][properties]") {
    for (const auto& c : cases()) {
        INFO(c.name);
        const auto cmp = resdiff::compare(c.old_doc, c.new_doc);
        std::map<std::string, int> old_seen, new_seen;
        for (const auto& u : cmp.result.units) {
            for (const auto& id : u.old_ids) ++old_seen[id];
            for (const auto& id : u.new_ids) ++new_seen[id];
        }
        for (const auto& id : paragraph_ids(c.old_doc)) {
            INFO("old " << id);
            CHECK(old_seen[id] == 1);
        }
        for (const auto& id : paragraph_ids(c.new_doc)) {
            INFO("new " << id);
            CHECK(new_seen[id] == 1);
        }
    }
}

TEST_CASE("properties: every report is byte-identical across runs", "[corpus][properties]") {
    for (const auto& c : cases()) {
        INFO(c.name);
        const auto a = resdiff::compare(c.old_doc, c.new_doc);
        const auto b = resdiff::compare(c.old_doc, c.new_doc);
        CHECK(resdiff::comparison_to_json(a) == resdiff::comparison_to_json(b));
        resdiff::render_options color;
        color.color = true;
        color.width = 72;
        CHECK(resdiff::render_terminal(a, color) == resdiff::render_terminal(b, color));
        CHECK(resdiff::render_html(a, {}) == resdiff::render_html(b, {}));
        CHECK(resdiff::render_markdown(a, {}) == resdiff::render_markdown(b, {}));
    }
}

TEST_CASE("properties: comparing NEW with OLD mirrors OLD with NEW", "[corpus][properties]") {
    for (const auto& c : cases()) {
        INFO(c.name);
        const auto forward = resdiff::compare(c.old_doc, c.new_doc);
        const auto backward = resdiff::compare(c.new_doc, c.old_doc);
        std::map<std::string, const resdiff::alignment_unit*> back;
        for (const auto& u : backward.result.units) back[ids_key(u.old_ids, u.new_ids)] = &u;
        REQUIRE(forward.result.units.size() == backward.result.units.size());
        for (const auto& u : forward.result.units) {
            const auto key = ids_key(u.new_ids, u.old_ids);
            INFO(key << " " << resdiff::to_string(u.kind));
            const auto it = back.find(key);
            REQUIRE(it != back.end());
            const auto& m = *it->second;
            CHECK(m.kind == mirrored(u.kind));
            CHECK(m.moved == u.moved);
            CHECK(m.text_changed == u.text_changed);
            // Word operations invert: what one direction deletes the other inserts.
            CHECK(joined(m.ops, op_kind::ins) == joined(u.ops, op_kind::del));
            CHECK(joined(m.ops, op_kind::del) == joined(u.ops, op_kind::ins));
        }
        CHECK(forward.totals.words_deleted == backward.totals.words_inserted);
        CHECK(forward.totals.words_inserted == backward.totals.words_deleted);
    }
}
