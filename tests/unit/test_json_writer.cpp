// The direct JSON writer (src/json_writer.hpp) against nlohmann::json's
// dump(2, ' ', false, replace), which it must match byte for byte: strings
// whose character to escape or replace sits in the last, partly filled block
// of sixteen bytes, and containers nested deeper than the indentation it
// copies in one block.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "json_writer.hpp"
#include "support.hpp"

using resdiff::detail::json_writer;

namespace {

std::string dumped(const nlohmann::ordered_json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string written_string(const std::string& s) {
    json_writer w;
    w.string(s);
    return w.take();
}

}  // namespace

TEST_CASE("json writer: a character to escape or replace near the end of a string of any length", "[json][writer]") {
    const auto& specials = json_special_characters();
    std::size_t checked = 0;
    for (const auto& special : specials) {
        for (std::size_t before = 0; before <= 34; ++before) {
            for (std::size_t after = 0; after <= 17; ++after) {
                std::string text(before, 'b');
                text += special;
                text.append(after, 'a');
                CAPTURE(text);
                CHECK(written_string(text) == dumped(nlohmann::ordered_json(text)));
                ++checked;
            }
        }
    }
    // Plain strings of every length up to three blocks, with nothing to escape.
    for (std::size_t n = 0; n <= 48; ++n) {
        const std::string text(n, 'x');
        CHECK(written_string(text) == "\"" + text + "\"");
        ++checked;
    }
    CHECK(checked == specials.size() * 35 * 18 + 49);
}

TEST_CASE("json writer: containers nested deeper than the indentation copied at once", "[json][writer]") {
    for (const int depth : {1, 2, 15, 16, 17, 40}) {
        CAPTURE(depth);
        json_writer w;
        std::ostringstream sink;
        json_writer streamed(sink);
        for (json_writer* out : {&w, &streamed}) {
            for (int d = 0; d < depth; ++d) {
                out->open('{');
                out->key("level");
                out->number(d);
                out->key(std::string("inner"));
                out->open('[');
                out->item();
            }
            out->integers({1});
            for (int d = depth - 1; d >= 0; --d) {
                out->item();
                out->string(d % 2 ? "odd" : "even");
                out->close(']');
                out->close('}');
            }
        }
        streamed.finish();
        // The same structure as a tree.
        auto tree = nlohmann::ordered_json::array({1});
        for (int d = depth - 1; d >= 0; --d) {
            nlohmann::ordered_json level;
            level["level"] = d;
            level["inner"] = nlohmann::ordered_json::array({tree, d % 2 ? "odd" : "even"});
            tree = level;
        }
        const std::string expected = dumped(tree);
        CHECK(w.take() == expected);
        CHECK(sink.str() == expected);
    }
}
