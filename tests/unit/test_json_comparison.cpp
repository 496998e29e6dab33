// The comparison JSON: valid, deterministic, documents embedded as
// document_to_json gives them, ops that round-trip, and the CLI around it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "parallel.hpp"
#include "resdiff/compare.hpp"
#include "resdiff/json.hpp"
#include "resdiff/parse.hpp"
#include "support.hpp"

using namespace resdiff;
using nlohmann::json;

namespace {

comparison small_comparison() {
    return compare(parse_file(fixture("golden/small-old.txt")), parse_file(fixture("golden/small-new.txt")));
}

std::string side(const json& ops, const char* skip) {
    std::string s;
    for (const auto& op : ops) {
        if (op.at("op") != skip) s += op.at("text").get<std::string>();
    }
    return s;
}

}  // namespace

TEST_CASE("json: comparison is valid JSON with the documented keys in order", "[json][comparison]") {
    const comparison cmp = small_comparison();
    const std::string text = comparison_to_json(cmp);
    const auto j = nlohmann::ordered_json::parse(text);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"old", "new", "identical", "summary", "alignment", "footnotes", "citations", "notes"});
    CHECK(j.at("identical") == false);
    // The documents are exactly what document_to_json gives.
    CHECK(j.at("old") == nlohmann::ordered_json::parse(document_to_json(cmp.old_doc)));
    CHECK(j.at("new") == nlohmann::ordered_json::parse(document_to_json(cmp.new_doc)));
    const auto& s = j.at("summary");
    CHECK(s.at("units") == cmp.result.units.size());
    CHECK(s.at("changed") == cmp.totals.units_changed);
    std::size_t kinds = 0;
    for (const auto& [k, v] : s.at("kinds").items()) kinds += v.get<std::size_t>();
    CHECK(kinds == cmp.result.units.size());
    CHECK(s.at("kinds").size() == 8);
    CHECK(s.at("classes").size() == 5);
    CHECK(s.at("words").at("deleted") == cmp.totals.words_deleted);
    CHECK(s.at("share_changed").get<double>() == Approx(cmp.totals.share_changed).margin(0.0001));
    REQUIRE(j.at("alignment").size() == cmp.result.units.size());
    for (std::size_t i = 0; i < cmp.result.units.size(); ++i) {
        const auto& u = j.at("alignment")[i];
        const auto& expected = cmp.result.units[i];
        std::vector<std::string> unit_keys;
        for (const auto& [k, v] : u.items()) unit_keys.push_back(k);
        CHECK(unit_keys == std::vector<std::string>{"kind", "old", "new", "moved", "text_changed", "crossed_part",
                                                    "similarity", "classes", "lead", "qualifier", "ops", "children"});
        CHECK(u.at("kind") == to_string(expected.kind));
        CHECK(u.at("old").get<std::vector<std::string>>() == expected.old_ids);
        CHECK(u.at("new").get<std::vector<std::string>>() == expected.new_ids);
        // The round trip: equal+delete is the old text, equal+insert the new text.
        CHECK(side(u.at("ops"), "insert") == unit_text(cmp.old_doc, expected.old_ids));
        CHECK(side(u.at("ops"), "delete") == unit_text(cmp.new_doc, expected.new_ids));
        for (const auto& op : u.at("ops")) {
            CHECK((op.at("op") == "equal" || op.at("op") == "delete" || op.at("op") == "insert"));
            CHECK(op.at("classes").is_array());
        }
    }
}

TEST_CASE("json: laid out as nlohmann::json dump(2), escapes control characters, survives bad UTF-8", "[json][comparison]") {
    const std::string text = comparison_to_json(small_comparison());
    CHECK(text == nlohmann::ordered_json::parse(text).dump(2) + "\n");
    comparison c;
    alignment_unit u;
    u.kind = unit_kind::modified;
    u.ops = {{op_kind::equal, std::string("tab\t quote\" back\\ nul") + '\0' + "\x01 é \xff end", {}}};
    c.result.units.push_back(u);
    const std::string odd = comparison_to_json(c);
    const auto j = json::parse(odd);
    CHECK(j.at("alignment")[0].at("ops")[0].at("text") ==
          std::string("tab\t quote\" back\\ nul") + '\0' + "\x01 é \xEF\xBF\xBD end");
    CHECK(odd == nlohmann::ordered_json::parse(odd).dump(2) + "\n");
}

TEST_CASE("json: the direct writer gives nlohmann's dump(2) bytes, bad UTF-8 replaced the same way", "[json][document]") {
    // Every kind of ill-formed UTF-8: stray continuation, overlong, surrogate,
    // above U+10FFFF, truncated sequences (mid-string and at the end), plus
    // control characters, DEL and valid 2-, 3- and 4-byte characters.
    const std::vector<std::string> odd = {
        std::string("nul") + '\0' + "\x01\x1f\x7f \"q\" \\ / \b\f\n\r\t",
        "\x80 \xBF \xC0\xAF \xC1\xBF \xE0\x80\xAF \xED\xA0\x80 \xF4\x90\x80\x80 \xF5 \xFF",
        "\xE2\x82" "A \xF0\x9F\x98" "B \xC3",
        "\xE2\x82",
        "\xE2\x82\xAC \xF0\x9F\x98\x80 \xC3\xA9 \xEF\xBF\xBD",
    };
    for (const auto& text : odd) {
        document d;
        d.meta.title = text;
        d.source = text;
        d.warnings = {text, ""};
        paragraph p;
        p.where = part::operative;
        p.id = "OP1";
        p.number = "1";
        p.text = text;
        p.footnotes = {1, -2};
        p.lines = {3, 4};
        subparagraph s;
        s.id = "OP1(a)";
        s.text = text;
        s.children.push_back(s);
        p.subparagraphs.push_back(s);
        d.operative.push_back(p);
        p.where = part::preamble;
        p.id = "PP1";
        p.subparagraphs.clear();
        d.preamble.push_back(p);
        d.sections.push_back({"I", text, true, {1, 2}});
        d.footnotes.push_back({1, text, {5, 5}});
        CAPTURE(text);
        const std::string direct = document_to_json(d);
        const auto reread = nlohmann::ordered_json::parse(direct);   // valid JSON
        CHECK(reread.at("title").get<std::string>().find('\xFF') == std::string::npos);
        // The same values as a tree (the key order read back), dumped the old way.
        nlohmann::ordered_json tree = reread;
        tree["title"] = text;
        tree["source"] = text;
        tree["warnings"] = {text, ""};
        tree["sections"][0]["title"] = text;
        tree["footnotes"][0]["text"] = text;
        for (const char* part_name : {"preamble", "operative"}) {
            tree[part_name][0]["text"] = text;
        }
        tree["operative"][0]["subparagraphs"][0]["text"] = text;
        tree["operative"][0]["subparagraphs"][0]["subparagraphs"][0]["text"] = text;
        CHECK(direct == tree.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    }
}

TEST_CASE("json: a character to escape or replace is found at every offset", "[json][document]") {
    // The writer skips plain ASCII sixteen bytes at a time: a quote, a
    // backslash, a control character, DEL, a multi-byte character or a bad
    // byte must come out the same at any position of a block or across two.
    const auto& specials = json_special_characters();
    std::size_t checked = 0;
    for (const auto& special : specials) {
        for (std::size_t at = 0; at <= 40; ++at) {
            std::string text;
            for (std::size_t i = 0; text.size() < at; ++i) text += static_cast<char>('a' + i % 26);
            text += special;
            text += "tail of some length, 33 bytes.";
            document d;
            d.meta.title = text;
            const std::string direct = document_to_json(d);
            nlohmann::ordered_json tree = nlohmann::ordered_json::parse(direct);
            tree["title"] = text;
            CAPTURE(text);
            CHECK(direct == tree.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
            ++checked;
        }
    }
    CHECK(checked == specials.size() * 41);
}

TEST_CASE("json: output is byte-identical across runs", "[json][comparison]") {
    const std::string a = comparison_to_json(small_comparison());
    const std::string b = comparison_to_json(small_comparison());
    CHECK(a == b);
    CHECK(a.back() == '\n');
    // The streamed form writes the same bytes.
    std::ostringstream streamed;
    write_comparison_json(streamed, small_comparison());
    CHECK(streamed.str() == a);
}

TEST_CASE("json: streamed in many pieces, the bytes are those of the whole string", "[json][comparison]") {
    // Two documents of 20 KB and an edit to every preamble paragraph: over twice the writer's
    // 64 KiB buffer, so the stream is handed over in pieces and texts
    // written again by copy (a preamble intro is its text) meet the seams.
    const document a = parse_file(fixture("A-RES-65-141.txt"));
    document b = a;
    for (auto& p : b.preamble) {
        p.text.append(" as amended");
        p.intro = p.text;
    }
    const comparison c = compare(a, b);
    const std::string whole = comparison_to_json(c);
    REQUIRE(whole.size() > 2 * 65536);
    std::ostringstream streamed;
    write_comparison_json(streamed, c);
    CHECK(streamed.str() == whole);
    const json j = json::parse(whole);
    REQUIRE(!j.at("new").at("preamble").empty());
    for (const auto& p : j.at("new").at("preamble")) CHECK(p.at("intro") == p.at("text"));
}

TEST_CASE("json: compare_and_write_json gives the bytes of compare then write_comparison_json", "[json][comparison]") {
    // The documents' JSON is written on the helper thread while they are
    // compared, in pieces spliced in: the same bytes, and the same comparison.
    const std::pair<std::string, std::string> pairs[] = {
        {"golden/small-old.txt", "golden/small-new.txt"},
        {"A-RES-65-141.txt", "golden/small-new.txt"},
        {"A-RES-65-141.txt", "A-RES-65-141.txt"},
    };
    for (const auto& [from, to] : pairs) {
        const document a = parse_file(fixture(from)), b = parse_file(fixture(to));
        const comparison expected = compare(a, b);
        std::ostringstream plain, together;
        write_comparison_json(plain, expected);
        const comparison got = compare_and_write_json(together, a, b);
        CHECK(together.str() == plain.str());
        CHECK(got.identical() == expected.identical());
        CHECK(got.result.citations.new_cited == expected.result.citations.new_cited);
        CHECK(comparison_to_json(got) == plain.str());
    }
}

TEST_CASE("json: compare_and_write_json streams an old document longer than the writer's buffer",
          "[json][comparison]") {
    // The old document's JSON goes out while the documents are compared, in
    // pieces of the writer's 64 KiB (every paragraph four times as long:
    // about 200 KB of JSON); the new one is held and written after it.
    document a = parse_file(fixture("A-RES-65-141.txt"));
    for (auto* list : {&a.preamble, &a.operative}) {
        for (auto& p : *list) p.text = p.text + " " + p.text + " " + p.text + " " + p.text;
    }
    document b = a;
    for (auto& p : b.operative) p.text.append(" as amended");
    const comparison expected = compare(a, b);
    std::ostringstream plain, together;
    write_comparison_json(plain, expected);
    REQUIRE(plain.str().size() > 4 * 65536);
    const comparison got = compare_and_write_json(together, a, b);
    CHECK(together.str() == plain.str());
    CHECK(got.identical() == expected.identical());
    if (detail::thread_slots() < 2) return;
    // With the helper busy elsewhere throughout, this thread writes both
    // documents itself, the new one first and held until the old one is out.
    std::atomic<bool> started{false}, done{false};
    detail::background_task busy([&] {
        started = true;
        while (!done) std::this_thread::yield();
    });
    while (!started) std::this_thread::yield();
    std::ostringstream alone;
    const comparison again = compare_and_write_json(alone, a, b);
    done = true;
    busy.wait();
    CHECK(alone.str() == plain.str());
}

TEST_CASE("json: a long alignment written in two halves reads as one, in order", "[json][comparison]") {
    // From 64 units on (and up to 1 MB of their text) the second half of the
    // alignment array is written on the helper and spliced in after the first.
    std::string old_text = "The General Assembly,\n";
    std::string new_text = old_text;
    for (int i = 1; i <= 90; ++i) {
        const std::string n = std::to_string(i);
        old_text +=
            "Recalling its resolution " + n + "/1" + n + " on the matter number " + n + " of the agenda,\n";
        new_text += "Recalling also its resolution " + n + "/2" + n + " on the matter number " + n +
                    " of the agenda,\n";
    }
    const comparison c = compare(parse_text(old_text), parse_text(new_text));
    REQUIRE(c.result.units.size() >= 64);
    const std::string whole = comparison_to_json(c);
    std::ostringstream streamed;
    write_comparison_json(streamed, c);
    CHECK(streamed.str() == whole);
    const json j = json::parse(whole);
    const auto& units = j.at("alignment");
    REQUIRE(units.size() == c.result.units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto& u = c.result.units[i];
        CAPTURE(i);
        CHECK(units[i].at("old").get<std::vector<std::string>>() == u.old_ids);
        CHECK(units[i].at("new").get<std::vector<std::string>>() == u.new_ids);
        std::string ops;
        for (const auto& op : units[i].at("ops"))
            ops += op.at("op").get<std::string>() + ":" + op.at("text").get<std::string>() + "|";
        std::string expected;
        for (const auto& op : u.ops) {
            expected += std::string(op.op == op_kind::equal ? "equal"
                                    : op.op == op_kind::del ? "delete"
                                                            : "insert") +
                        ":" + op.text + "|";
        }
        CHECK(ops == expected);
    }
}

TEST_CASE("json: lead, qualifier, children and footnotes are written", "[json][comparison]") {
    comparison c;
    alignment_unit u;
    u.kind = unit_kind::modified;
    u.old_ids = {"OP1"};
    u.new_ids = {"OP1"};
    u.text_changed = true;
    u.similarity = 0.123456;
    u.classes = {change_class::lead, change_class::qualifier};
    u.lead = {"Encourages", "Urges", direction::strengthened};
    u.qualifier_dir = direction::hardened;
    u.ops = {{op_kind::del, "Encourages", {change_class::lead}}, {op_kind::ins, "Urges", {change_class::lead}},
             {op_kind::equal, " all \"States\"\n", {}}};
    alignment_unit child;
    child.kind = unit_kind::added;
    child.new_ids = {"OP1(b)"};
    child.ops = {{op_kind::ins, "new item;", {change_class::substantive}}};
    u.children.push_back(child);
    c.result.units.push_back(u);
    footnote_unit f;
    f.kind = unit_kind::added;
    f.new_number = 4;
    f.ops = {{op_kind::ins, "A/80/1.", {}}};
    c.result.footnotes.push_back(f);
    c.result.notes.push_back("a note");
    c.totals = summarize(c.result);
    const auto j = json::parse(comparison_to_json(c));
    const auto& ju = j.at("alignment").at(0);
    CHECK(ju.at("lead") == json{{"old", "Encourages"}, {"new", "Urges"}, {"direction", "strengthened"}});
    CHECK(ju.at("qualifier") == "hardened");
    CHECK(ju.at("similarity") == 0.1235);
    CHECK(ju.at("classes") == json{"lead", "qualifier"});
    CHECK(ju.at("ops").at(0).at("classes") == json{"lead"});
    CHECK(ju.at("ops").at(2).at("text") == " all \"States\"\n");
    CHECK(ju.at("children").at(0).at("kind") == "added");
    CHECK(ju.at("children").at(0).at("old") == json::array());
    CHECK(j.at("footnotes").at(0) ==
          json{{"kind", "added"}, {"old", nullptr}, {"new", 4}, {"classes", json::array()}, {"ops", json{{{"op", "insert"}, {"text", "A/80/1."}, {"classes", json::array()}}}}});
    CHECK(j.at("notes") == json{"a note"});
    CHECK(j.at("summary").at("classes").at("lead") == 1);
}

TEST_CASE("cli diff: exit codes 0 same, 1 different, 2 trouble", "[cli][diff]") {
    const std::string a = fixture("golden/small-old.txt").string();
    const std::string b = fixture("golden/small-new.txt").string();
    CHECK(cli_run({a, a}).rc == 0);
    CHECK(cli_run({"diff", a, a, "--format", "json"}).rc == 0);
    CHECK(cli_run({a, b}).rc == 1);
    CHECK(cli_run({"diff", a, b, "--format", "json"}).rc == 1);
    const cli_run missing({a, "/nonexistent/new.txt"});
    CHECK(missing.rc == 2);
    CHECK(missing.err.find("/nonexistent/new.txt") != std::string::npos);
    CHECK(cli_run({a, b, "--color", "sometimes"}).rc == 2);
    CHECK(cli_run({a, b, "--ignore", "nothing"}).rc == 2);
    CHECK(cli_run({a, b, "--width", "-3"}).rc == 2);
    CHECK(cli_run({a, b, "--format", "yaml"}).rc == 2);
}

TEST_CASE("cli diff: OLD and NEW are reported in order, OLD's error alone and first", "[cli][diff]") {
    // What reaches stderr names each file, OLD before NEW, and stops at the first error.
    const auto dir = scratch_dir("load-order");
    const std::string old_path = (dir / "old.txt").string(), new_path = (dir / "new.txt").string();
    std::ofstream(old_path, std::ios::binary) << "The General Assembly,\n1. Decides caf\xe9.\n";
    std::ofstream(new_path, std::ios::binary) << "The General Assembly,\n1. Decides na\xefve.\n";
    const cli_run both({"-v", old_path, new_path});
    CHECK(both.rc == 1);
    CHECK(both.err == "resdiff: " + old_path + ": read as Windows-1252, 2 lines\n" +
                          "resdiff: " + old_path + ": warning: invalid UTF-8, read as Windows-1252\n" +
                          "resdiff: " + new_path + ": read as Windows-1252, 2 lines\n" +
                          "resdiff: " + new_path + ": warning: invalid UTF-8, read as Windows-1252\n");
    const std::string missing_old = (dir / "missing-old.txt").string();
    const std::string missing_new = (dir / "missing-new.txt").string();
    const cli_run neither({missing_old, missing_new});
    CHECK(neither.rc == 2);
    CHECK(neither.err == "resdiff: " + missing_old + ": no such file\n");
    const cli_run no_new({"-v", old_path, missing_new});
    CHECK(no_new.rc == 2);
    CHECK(no_new.err == "resdiff: " + old_path + ": read as Windows-1252, 2 lines\n" +
                            "resdiff: " + old_path + ": warning: invalid UTF-8, read as Windows-1252\n" +
                            "resdiff: " + missing_new + ": no such file\n");
    std::filesystem::remove_all(dir);
}

TEST_CASE("cli diff: white space and line breaks alone are no difference", "[cli][diff]") {
    const auto dir = scratch_dir("diff-ws");
    const auto a = (dir / "a.txt").string();
    const auto b = (dir / "b.txt").string();
    std::ofstream(a) << "The General Assembly,\n\nRecalling its resolution 1/1,\n\n1. Decides to act.\n";
    std::ofstream(b) << "The General Assembly,\n\nRecalling  its resolution\t1/1,\n\n1.  Decides to act.   \n";
    const cli_run r({a, b});
    CHECK(r.rc == 0);
    CHECK(r.out.find("No differences") != std::string::npos);
}

TEST_CASE("cli diff: colour only when asked or on a terminal, NO_COLOR respected", "[cli][diff]") {
    const std::string a = fixture("golden/small-old.txt").string();
    const std::string b = fixture("golden/small-new.txt").string();
    const cli_run piped({a, b});
    CHECK(piped.out.find('\x1b') == std::string::npos);
    CHECK(piped.out.find("[-") != std::string::npos);
    const cli_run tty({a, b}, true);
    CHECK(tty.out.find("\x1b[31;9m") != std::string::npos);
    const cli_run forced({a, b, "--color", "always"});
    CHECK(forced.out.find("\x1b[32;4m") != std::string::npos);
    const cli_run never({a, b, "--color", "never"}, true);
    CHECK(never.out.find('\x1b') == std::string::npos);
    // NO_COLOR (the io flag main() sets from the environment) turns auto off, not always.
    const cli_run no_color({a, b}, true, true);
    CHECK(no_color.rc == 1);
    CHECK(no_color.out.find('\x1b') == std::string::npos);
    CHECK(no_color.out.find("{+") != std::string::npos);
    const cli_run no_color_forced({a, b, "--color", "always"}, true, true);
    CHECK(no_color_forced.out.find("\x1b[32;4m") != std::string::npos);
    // JSON never carries colour.
    const cli_run js({a, b, "--format", "json", "--color", "always"}, true);
    CHECK(js.out.find('\x1b') == std::string::npos);
    CHECK_NOTHROW(json::parse(js.out));
}

TEST_CASE("cli diff: the report goes to a file in the format of its extension", "[cli][diff]") {
    const auto dir = scratch_dir("diff-out");
    const std::string a = fixture("golden/small-old.txt").string();
    const std::string b = fixture("golden/small-new.txt").string();
    const auto out = (dir / "report.json").string();
    const cli_run r({a, b, "-o", out});
    CHECK(r.rc == 1);
    CHECK(r.out.empty());
    CHECK_NOTHROW(json::parse(read_file(out)));
}

TEST_CASE("cli diff: --ignore routine accepts lists", "[cli][diff]") {
    const std::string a = fixture("golden/small-old.txt").string();
    const std::string b = fixture("golden/small-new.txt").string();
    CHECK(cli_run({a, b, "--ignore", "routine,citation"}).rc == 1);
    CHECK(cli_run({a, b, "--ignore", "routine", "--ignore", "lead"}).rc == 1);
    CHECK(cli_run({a, b, "--ignore", "routine,,bogus"}).rc == 2);
}

TEST_CASE("cli diff: the coarse word diff is announced in the report and the JSON", "[cli][diff][fallback]") {
    const auto dir = scratch_dir("diff-coarse");
    const auto a = (dir / "a.txt").string();
    const auto b = (dir / "b.txt").string();
    std::string long_old = "The General Assembly,\n\n1. Decides";
    std::string long_new = long_old;
    for (int i = 0; i < 400; ++i) {
        long_old.append(" alpha").append(std::to_string(i));
        long_new.append(i % 5 == 0 ? " beta" : " alpha").append(std::to_string(i));
    }
    std::ofstream(a) << long_old << ".\n";
    std::ofstream(b) << long_new << ".\n";
    const cli_run precise({a, b, "--format", "json"});
    CHECK(json::parse(precise.out).at("notes").empty());
    const cli_run coarse({a, b, "--format", "json", "--max-tokens", "100"});
    CHECK(coarse.rc == 1);
    const auto notes = json::parse(coarse.out).at("notes");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].get<std::string>().find("coarse") != std::string::npos);
    const cli_run text({a, b, "--max-tokens", "100", "--width", "0"});
    CHECK(text.out.find("Note: word diff: coarse fallback") != std::string::npos);
}

TEST_CASE("cli diff: the cited sets of both versions and their difference reach the JSON and the terminal", "[cli][json][citation]") {
    const auto old_path = fixture("A-RES-65-141.txt").string();
    const auto new_path = fixture("example-draft-66.txt").string();
    cli_run json({"--format", "json", old_path, new_path});
    REQUIRE(json.rc == 1);
    const auto j = nlohmann::json::parse(json.out);
    const auto& c = j.at("citations");
    const auto has = [](const nlohmann::json& list, const std::string& item) {
        return std::find(list.begin(), list.end(), item) != list.end();
    };
    // Footnote 8 cites the report of the next session instead.
    CHECK(has(c.at("added"), "A/66/64-E/2011/77"));
    CHECK(has(c.at("dropped"), "A/65/64-E/2010/12"));
    CHECK(has(c.at("old"), "A/65/64-E/2010/12"));
    CHECK(has(c.at("new"), "A/66/64-E/2011/77"));
    CHECK_FALSE(has(c.at("new"), "A/65/64-E/2010/12"));
    for (const auto& f : j.at("footnotes")) CHECK(f.contains("classes"));
    cli_run text({"--color=never", old_path, new_path});
    CHECK(text.out.find("Citations added: ") != std::string::npos);
    CHECK(text.out.find("Citations dropped: A/65/64-E/2010/12") != std::string::npos);
    cli_run md({"--format", "markdown", old_path, new_path});
    CHECK(md.out.find("**Citations dropped** (1): A/65/64-E/2010/12") != std::string::npos);
    cli_run html({"--format", "html", old_path, new_path});
    CHECK(html.out.find("<div>dropped: <span class=\"cite\">A/65/64-E/2010/12</span></div>") != std::string::npos);
}
