// Terminal report: labels, markers, colour, wrapping, elision, filters, and
// golden files of whole reports (RESDIFF_UPDATE_GOLDEN=1 rewrites them).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "resdiff/compare.hpp"
#include "resdiff/render.hpp"
#include "support.hpp"

using namespace resdiff;

namespace {

paragraph para(const std::string& id, const std::string& text, const std::string& lead = {}) {
    paragraph p;
    p.id = id;
    p.where = id.rfind("OP", 0) == 0 ? part::operative : part::preamble;
    p.text = text;
    p.intro = text;
    p.lead = lead;
    return p;
}

alignment_unit unit(unit_kind kind, std::vector<std::string> old_ids, std::vector<std::string> new_ids,
                    std::vector<word_op> ops, std::vector<change_class> classes = {change_class::substantive}) {
    alignment_unit u;
    u.kind = kind;
    u.old_ids = std::move(old_ids);
    u.new_ids = std::move(new_ids);
    u.ops = std::move(ops);
    u.classes = kind == unit_kind::unchanged ? std::vector<change_class>{} : std::move(classes);
    u.text_changed = kind != unit_kind::unchanged && kind != unit_kind::renumbered;
    return u;
}

// A small comparison built by hand, independent of the parser and aligner.
comparison sample() {
    comparison c;
    c.old_doc.meta.symbol = "A/RES/79/999";
    c.old_doc.meta.title = "Rural connectivity";
    c.old_doc.meta.adoption_date = "19 December 2024";
    c.new_doc.meta.symbol = "A/C.2/80/L.99";
    c.new_doc.meta.title = "Rural connectivity";
    c.new_doc.meta.distribution_date = "14 October 2025";
    c.old_doc.preamble = {para("PP1", "Recalling its resolution 78/999,", "Recalling"),
                          para("PP2", "Noting the work done,", "Noting")};
    c.old_doc.operative = {para("OP1", "Encourages States to act;", "Encourages"),
                           para("OP2", "Invites all to share;", "Invites"), para("OP3", "Decides to stay seized.", "Decides")};
    c.new_doc.preamble = {para("PP1", "Recalling its resolution 79/999,", "Recalling"),
                          para("PP2", "Noting the work done,", "Noting")};
    c.new_doc.operative = {para("OP1", "Welcomes the report;", "Welcomes"),
                           para("OP2", "Urges States to act now;", "Urges"), para("OP3", "Invites all to share;", "Invites"),
                           para("OP4", "Decides to stay seized.", "Decides")};
    auto routine = unit(unit_kind::modified, {"PP1"}, {"PP1"},
                        {{op_kind::equal, "Recalling its resolution ", {}},
                         {op_kind::del, "78/999", {change_class::routine}},
                         {op_kind::ins, "79/999", {change_class::routine}},
                         {op_kind::equal, ",", {}}},
                        {change_class::routine});
    auto same = unit(unit_kind::unchanged, {"PP2"}, {"PP2"}, {{op_kind::equal, "Noting the work done,", {}}});
    auto added = unit(unit_kind::added, {}, {"OP1"}, {{op_kind::ins, "Welcomes the report;", {}}});
    auto moved = unit(unit_kind::moved, {"OP1"}, {"OP2"},
                      {{op_kind::del, "Encourages", {change_class::lead}},
                       {op_kind::ins, "Urges", {change_class::lead}},
                       {op_kind::equal, " States to act", {}},
                       {op_kind::ins, " now", {}},
                       {op_kind::equal, ";", {}}},
                      {change_class::lead, change_class::substantive});
    moved.moved = true;
    moved.lead = {"Encourages", "Urges", direction::strengthened};
    auto renum1 = unit(unit_kind::renumbered, {"OP2"}, {"OP3"}, {{op_kind::equal, "Invites all to share;", {}}}, {});
    auto renum2 = unit(unit_kind::renumbered, {"OP3"}, {"OP4"}, {{op_kind::equal, "Decides to stay seized.", {}}}, {});
    c.result.units = {routine, same, added, moved, renum1, renum2};
    c.totals = summarize(c.result);
    return c;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
    return n;
}

// Compares with tests/golden/NAME, or rewrites it when RESDIFF_UPDATE_GOLDEN is set.
// The fixtures folder is written as "fixtures/" so the files do not depend on
// where the checkout lives.
// The report without colour or wrapping, of `c` with its totals counted again.
std::string plain_report(comparison& c) {
    c.totals = summarize(c.result);
    render_options o;
    o.width = 0;
    return render_terminal(c, o);
}

void check_golden(const std::string& name, std::string actual) {
    const std::string dir = std::string(RESDIFF_FIXTURES_DIR) + "/";
    for (auto p = actual.find(dir); p != std::string::npos; p = actual.find(dir, p)) actual.replace(p, dir.size(), "fixtures/");
    const std::filesystem::path path = std::filesystem::path(RESDIFF_SOURCE_DIR) / "tests" / "golden" / name;
    const char* update = std::getenv("RESDIFF_UPDATE_GOLDEN");
    if (update != nullptr && *update != '\0' && std::string(update) != "0") {
        std::ofstream(path, std::ios::binary) << actual;
        WARN("rewrote " << path.string());
        return;
    }
    REQUIRE(std::filesystem::exists(path));
    const std::string expected = read_file(path);
    if (expected != actual) {
        // Show where they part, then fail.
        std::size_t i = 0;
        while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) ++i;
        INFO("golden " << name << " differs at byte " << i << "; expected: "
                       << expected.substr(i > 80 ? i - 80 : 0, 160) << "\n---- actual: "
                       << actual.substr(i > 80 ? i - 80 : 0, 160)
                       << "\n(RESDIFF_UPDATE_GOLDEN=1 rewrites the golden files)");
        CHECK(expected == actual);
    }
}

}  // namespace

TEST_CASE("terminal: header, summary, labels and markers without colour", "[render][terminal]") {
    const comparison c = sample();
    render_options o;
    o.width = 0;
    const std::string out = render_terminal(c, o);
    CHECK(out.rfind("--- A/RES/79/999 (19 December 2024): Rural connectivity\n"
                    "+++ A/C.2/80/L.99 (14 October 2025): Rural connectivity\n",
                    0) == 0);
    CHECK(out.find("5 of 6 paragraphs changed: 1 modified, 1 moved, 1 added, 2 renumbered") != std::string::npos);
    CHECK(out.find("2 substantive, 1 routine only") != std::string::npos);
    CHECK(out.find("OP 1 -> OP 2, moved and modified  \"Encourages\" -> \"Urges\", strengthened  [lead, substantive]") !=
          std::string::npos);
    CHECK(out.find("[-Encourages-]{+Urges+} States to act{+now+};") == std::string::npos);   // space kept outside
    CHECK(out.find("[-Encourages-]{+Urges+} States to act {+now+};") != std::string::npos);
    CHECK(out.find("OP 1, added  \"Welcomes\"") != std::string::npos);
    CHECK(out.find("{+Welcomes the report;+}") != std::string::npos);
    CHECK(out.find("Recalling its resolution [-78/999-]{+79/999+},") != std::string::npos);
    // Renumber-only changes are one line; unchanged units are hidden.
    CHECK(out.find("Renumbered only: OP 2 -> OP 3, OP 3 -> OP 4\n") != std::string::npos);
    CHECK(out.find("Invites all to share") == std::string::npos);
    CHECK(out.find("Noting the work done") == std::string::npos);
    CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("reports: a change of spelling beside a real edit is neither marked nor classed", "[render]") {
    // A/RES/78/139 -> A/C.2/80/L.21, OP9 -> OP10: the draft's text export
    // repaired "p lay", and the draft added words (own wording here).
    const comparison c =
        compare(parse_text("The General Assembly,\n1. Encourages digital finance, which can thus p lay an "
                           "important role in growth;\n"),
                parse_text("The General Assembly,\n1. Encourages digital finance, which can thus play an "
                           "important role in inclusive growth;\n"));
    REQUIRE(c.result.units.size() == 1);
    const auto& u = c.result.units[0];
    CHECK(u.kind == unit_kind::modified);
    // The unit is substantive; the spelling's ops keep their class (routine).
    CHECK(u.classes == std::vector<change_class>{change_class::substantive});
    bool respelled = false;
    for (const auto& op : u.ops) {
        if (op.op == op_kind::del && op.text.find("p lay") != std::string::npos) {
            respelled = true;
            CHECK(op.classes == std::vector<change_class>{change_class::routine});
        }
    }
    CHECK(respelled);  // the JSON keeps every op
    render_options o;
    o.width = 0;
    const std::string terminal = render_terminal(c, o);
    CHECK(terminal.find("[substantive]") != std::string::npos);
    CHECK(terminal.find("p lay") == std::string::npos);
    CHECK(terminal.find("thus play an important role in {+inclusive+} growth;") != std::string::npos);
    const std::string markdown = render_markdown(c, o);
    CHECK(markdown.find("p lay") == std::string::npos);
    CHECK(markdown.find("<ins>inclusive </ins>") != std::string::npos);
    CHECK(markdown.find("title=\"routine\"") == std::string::npos);
    // HTML: each column reads its own text, unmarked where only the spelling changed.
    const std::string html = render_html(c, o);
    CHECK(html.find("thus p lay an important") != std::string::npos);  // the old column
    CHECK(html.find("thus play an important") != std::string::npos);   // the new column
    CHECK(html.find("p lay</del>") == std::string::npos);
    CHECK(html.find("play</ins>") == std::string::npos);
}

TEST_CASE("terminal: colour as git --word-diff=color, never an open code at a line end", "[render][terminal]") {
    const comparison c = sample();
    render_options o;
    o.color = true;
    o.width = 30;
    const std::string out = render_terminal(c, o);
    CHECK(out.find("\x1b[31;9mEncourages\x1b[0m\x1b[32;4mUrges\x1b[0m") != std::string::npos);
    CHECK(out.find("[-") == std::string::npos);
    CHECK(out.find("{+") == std::string::npos);
    // Every line closes what it opens.
    std::size_t start = 0;
    while (start < out.size()) {
        const std::size_t end = out.find('\n', start);
        const std::string ln = out.substr(start, end - start);
        CHECK(count(ln, "\x1b[") == 2 * count(ln, "\x1b[0m"));
        start = end == std::string::npos ? out.size() : end + 1;
    }
}

TEST_CASE("terminal: wrapping counts visible characters only", "[render][terminal]") {
    comparison c = sample();
    std::string long_text;
    for (int i = 0; i < 40; ++i) long_text += "développement ";
    c.result.units[2].ops = {{op_kind::ins, long_text, {}}};
    for (const bool color : {false, true}) {
        render_options o;
        o.color = color;
        o.width = 40;
        const std::string out = render_terminal(c, o);
        std::size_t start = 0;
        while (start < out.size()) {
            const std::size_t end = out.find('\n', start);
            std::string ln = out.substr(start, end - start);
            // Strip escape codes, count code points.
            std::string visible;
            for (std::size_t i = 0; i < ln.size(); ++i) {
                if (ln[i] == '\x1b') {
                    while (i < ln.size() && ln[i] != 'm') ++i;
                    continue;
                }
                visible += ln[i];
            }
            std::size_t cps = 0;
            for (const char ch : visible) cps += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
            const bool is_heading = ln.rfind("OP ", 0) == 0 || ln.rfind("PP ", 0) == 0 || ln.rfind("---", 0) == 0 ||
                                    ln.rfind("+++", 0) == 0 || ln.find("\x1b[1m") == 0;
            if (!is_heading) CHECK(cps <= 40);
            start = end == std::string::npos ? out.size() : end + 1;
        }
        CHECK(count(out, "développement") == 40);
    }
}

TEST_CASE("terminal: long unchanged stretches are elided with context kept", "[render][terminal]") {
    comparison c = sample();
    std::string before, after;
    for (int i = 1; i <= 30; ++i) before.append("b").append(std::to_string(i)).append(" ");
    for (int i = 1; i <= 30; ++i) after.append(" a").append(std::to_string(i));
    c.result.units[3].ops = {{op_kind::equal, before, {}}, {op_kind::del, "old", {}}, {op_kind::ins, "new", {}},
                             {op_kind::equal, after, {}}};
    render_options o;
    o.width = 0;
    const std::string out = render_terminal(c, o);
    CHECK(out.find("b1 b2 b3 b4 b5 b6 ... b25 b26 b27 b28 b29 b30 [-old-]{+new+} a1 a2 a3 a4 a5 a6 ...") !=
          std::string::npos);
    CHECK(out.find("b7 ") == std::string::npos);
    CHECK(out.find("a7") == std::string::npos);
    // With --context nothing is hidden.
    o.context = true;
    const std::string full = render_terminal(c, o);
    CHECK(full.find("Noting the work done,") != std::string::npos);
    CHECK(full.find("PP 2, unchanged") != std::string::npos);
}

TEST_CASE("terminal: a stretch is elided only when more than four of its words would go",
          "[render][terminal]") {
    // words(1, n): "w1 w2 ... wn" with a space on each side.
    const auto words = [](int n) {
        std::string s;
        for (int i = 1; i <= n; ++i) s.append(" w").append(std::to_string(i));
        return s + " ";
    };
    const auto report = [](std::vector<word_op> ops) {
        comparison c = sample();
        c.result.units[3].ops = std::move(ops);
        render_options o;
        o.width = 0;
        return render_terminal(c, o);
    };
    // Between two changes six words are kept on each side: sixteen words
    // stay whole, seventeen lose five.
    const std::string sixteen =
        report({{op_kind::del, "x", {}}, {op_kind::equal, words(16), {}}, {op_kind::ins, "y", {}}});
    CHECK(sixteen.find("[-x-] w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 {+y+}") !=
          std::string::npos);
    const std::string seventeen =
        report({{op_kind::del, "x", {}}, {op_kind::equal, words(17), {}}, {op_kind::ins, "y", {}}});
    CHECK(seventeen.find("[-x-] w1 w2 w3 w4 w5 w6 ... w12 w13 w14 w15 w16 w17 {+y+}") != std::string::npos);
    CHECK(seventeen.find("w7") == std::string::npos);
    // At the end of a paragraph only its first six words are kept: ten stay
    // whole, eleven lose five.
    const std::string ten = report({{op_kind::del, "x", {}}, {op_kind::equal, words(10), {}}});
    CHECK(ten.find("[-x-] w1 w2 w3 w4 w5 w6 w7 w8 w9 w10\n") != std::string::npos);
    const std::string eleven = report({{op_kind::del, "x", {}}, {op_kind::equal, words(11), {}}});
    CHECK(eleven.find("[-x-] w1 w2 w3 w4 w5 w6 ...\n") != std::string::npos);
    // Multi-byte words count as words like any other.
    const std::string accented =
        report({{op_kind::del, "x", {}}, {op_kind::equal, " é ü ñ ç ø å æ œ ß ð þ ", {}}});
    CHECK(accented.find("[-x-] é ü ñ ç ø å ...\n") != std::string::npos);
}

TEST_CASE("terminal: --ignore routine hides routine-only units and says how many", "[render][terminal]") {
    const comparison c = sample();
    render_options o;
    o.width = 0;
    o.ignore = {change_class::routine};
    const std::string out = render_terminal(c, o);
    CHECK(out.find("78/999") == std::string::npos);
    CHECK(out.find("1 unit with only routine changes hidden.") != std::string::npos);
    CHECK(out.find("Urges") != std::string::npos);   // mixed units stay
}

TEST_CASE("terminal: runs of renumbered paragraphs are shortened", "[render][terminal]") {
    comparison c = sample();
    c.result.units.clear();
    for (int i = 18; i <= 28; ++i) {
        c.result.units.push_back(unit(unit_kind::renumbered, {"OP" + std::to_string(i)}, {"OP" + std::to_string(i + 1)}, {}, {}));
    }
    c.result.units.push_back(unit(unit_kind::renumbered, {"OP30"}, {"OP32"}, {}, {}));
    c.result.units.push_back(unit(unit_kind::renumbered, {"OP31"}, {"OP33"}, {}, {}));
    const std::string out = plain_report(c);
    CHECK(out.find("Renumbered only: OP 18-28 -> OP 19-29, OP 30 -> OP 32, OP 31 -> OP 33\n") != std::string::npos);
}

TEST_CASE("terminal: identical documents say so", "[render][terminal]") {
    comparison c = sample();
    c.result.units = {c.result.units[1]};
    c.totals = summarize(c.result);
    const std::string out = render_terminal(c, {});
    CHECK(out.find("No differences after normalization.") != std::string::npos);
}

TEST_CASE("terminal: notes and footnotes are reported", "[render][terminal]") {
    comparison c = sample();
    footnote_unit f;
    f.kind = unit_kind::modified;
    f.old_number = 2;
    f.new_number = 3;
    f.ops = {{op_kind::equal, "See ", {}}, {op_kind::del, "A/79/1", {}}, {op_kind::ins, "A/80/1", {}}, {op_kind::equal, ".", {}}};
    c.result.footnotes.push_back(f);
    c.result.notes.push_back("word diff: coarse fallback taken for OP1 -> OP1");
    const std::string out = plain_report(c);
    INFO(out);
    CHECK(out.find("1 footnote changed") != std::string::npos);
    CHECK(out.find("Footnote 2 -> 3, modified\n    See [-A/79/1-]{+A/80/1+}.") != std::string::npos);
    CHECK(out.find("Note: word diff: coarse fallback") != std::string::npos);
}

TEST_CASE("terminal: footnotes renumbered with their text are listed on one line", "[render][terminal]") {
    // As paragraphs are: a footnote inserted early renumbers all that follow
    // (the corpus, A/C.2/80/L.17 -> L.58: twenty footnotes).
    comparison c = sample();
    const auto footnote = [](unit_kind kind, int from, int to, std::vector<word_op> ops) {
        footnote_unit f;
        f.kind = kind;
        f.old_number = from;
        f.new_number = to;
        f.ops = std::move(ops);
        return f;
    };
    const std::vector<word_op> same = {{op_kind::equal, "Resolution 70/1.", {}}};
    c.result.footnotes = {
        footnote(unit_kind::added, 0, 1, {{op_kind::ins, "A/80/1.", {}}}),
        footnote(unit_kind::renumbered, 1, 2, same), footnote(unit_kind::renumbered, 2, 3, same),
        footnote(unit_kind::renumbered, 3, 4, same),
        footnote(unit_kind::modified, 4, 5,
                 {{op_kind::equal, "See ", {}},
                  {op_kind::del, "A/79/1", {}},
                  {op_kind::ins, "A/80/1", {}},
                  {op_kind::equal, ".", {}}}),
        footnote(unit_kind::renumbered, 6, 6 + 2, same),
        // white space alone: renumbered, on the line too
        footnote(unit_kind::renumbered, 7, 9,
                 {{op_kind::equal, "See", {}}, {op_kind::ins, " ", {}}, {op_kind::equal, ".", {}}})};
    const std::string out = plain_report(c);
    INFO(out);
    CHECK(out.find("\nFootnotes renumbered only: 1-3 -> 2-4, 6 -> 8, 7 -> 9\n") != std::string::npos);
    CHECK(out.find("Footnote 1 -> 2") == std::string::npos);
    CHECK(out.find("Footnote 7 -> 9") == std::string::npos);
    CHECK(out.find("Footnote 1, added\n    {+A/80/1.+}") != std::string::npos);
    CHECK(out.find("Footnote 4 -> 5, modified\n    See [-A/79/1-]{+A/80/1+}.") != std::string::npos);
}

TEST_CASE("terminal: golden reports of the small fixture pair", "[render][terminal][golden]") {
    const std::string a = fixture("golden/small-old.txt").string();
    const std::string b = fixture("golden/small-new.txt").string();
    const cli_run plain({"diff", a, b, "--width", "80"});
    CHECK(plain.rc == 1);
    check_golden("small-pair.txt", plain.out);
    const cli_run color({"diff", a, b, "--width", "72", "--color", "always"});
    CHECK(color.rc == 1);
    check_golden("small-pair.color.txt", color.out);
    const cli_run context({"diff", a, b, "--width", "0", "--context"});
    check_golden("small-pair.context.txt", context.out);
}

TEST_CASE("terminal: golden reports of the fixtures pair", "[render][terminal][golden]") {
    // A/RES/65/141 against the example next-session draft written from it.
    const std::string a = fixture("A-RES-65-141.txt").string();
    const std::string b = fixture("example-draft-66.txt").string();
    const cli_run plain({"diff", a, b, "--width", "100"});
    CHECK(plain.rc == 1);
    check_golden("fixtures-pair.txt", plain.out);
    const cli_run color({"diff", a, b, "--width", "80", "--color", "always"});
    check_golden("fixtures-pair.color.txt", color.out);
    const cli_run routine({"diff", a, b, "--width", "100", "--ignore", "routine"});
    check_golden("fixtures-pair.ignore-routine.txt", routine.out);
}

TEST_CASE("terminal: a long report is written whole and in order", "[render][terminal]") {
    // Over 64 KB of unit text: written in two halves at once when there is
    // a second thread. Every unit must appear once, in reading order, with
    // no colour left open where the halves meet.
    comparison c;
    c.old_doc.meta.symbol = "A/RES/1";
    c.new_doc.meta.symbol = "A/RES/2";
    std::string filler;
    for (int w = 0; w < 60; ++w) filler += " word";
    for (int i = 1; i <= 400; ++i) {
        const std::string id = "OP" + std::to_string(i);
        c.result.units.push_back(unit(unit_kind::modified, {id}, {id},
                                      {{op_kind::equal, "Paragraph " + std::to_string(i) + filler, {}},
                                       {op_kind::del, " old" + std::to_string(i), {}},
                                       {op_kind::ins, " new" + std::to_string(i), {}}}));
    }
    c.totals = summarize(c.result);
    render_options o;
    o.color = true;
    o.width = 72;
    const std::string out = render_terminal(c, o);
    std::size_t at = 0;
    for (int i = 1; i <= 400; ++i) {
        const std::string heading = "OP " + std::to_string(i) + ", modified";
        const std::size_t found = out.find(heading, at);
        REQUIRE(found != std::string::npos);
        CHECK(count(out, heading + "  ") + count(out, heading + "\n") + count(out, heading + "\x1b") == 1);
        at = found + heading.size();
        CHECK(out.find("old" + std::to_string(i) + "\x1b[0m", at) != std::string::npos);
    }
    // Every line that sets a colour ends with it closed: its last escape
    // code is the reset.
    std::size_t begin = 0;
    while (begin < out.size()) {
        const std::size_t end = out.find('\n', begin);
        const std::string line = out.substr(begin, end - begin);
        if (const std::size_t last = line.rfind("\x1b["); last != std::string::npos) {
            CHECK(line.compare(last, 4, "\x1b[0m") == 0);
        }
        if (end == std::string::npos) break;
        begin = end + 1;
    }
}

TEST_CASE("terminal: a paragraph changed in white space only is listed as renumbered, not modified",
          "[render][terminal][whitespace]") {
    // The corpus (A/C.2/80/L.17 -> L.58): "micro-," became "micro -," in a
    // paragraph that also took a new number; the report showed it as modified
    // with no word marked.
    const comparison c = compare(
        parse_text(
            "The General Assembly,\nRecalling its resolution 65/141,\n1. Requests a report;\n2. Welcomes the "
            "support of micro-, small and medium-sized enterprises;\n"),
        parse_text(
            "The General Assembly,\nRecalling its resolution 65/141,\n1. Decides to act on the report;\n2. "
            "Requests a report;\n3. Welcomes the support of micro -, small and medium-sized enterprises;\n"));
    const alignment_unit* moved_on = nullptr;
    for (const auto& u : c.result.units) {
        if (u.old_ids == std::vector<std::string>{"OP2"}) moved_on = &u;
    }
    REQUIRE(moved_on != nullptr);
    CHECK(moved_on->new_ids == std::vector<std::string>{"OP3"});
    CHECK(moved_on->kind == unit_kind::renumbered);
    CHECK_FALSE(moved_on->text_changed);
    CHECK(moved_on->classes.empty());
    CHECK(c.totals.routine_only == 0);
    CHECK(c.totals.kinds.count(unit_kind::modified) == 0);
    render_options o;
    o.width = 0;
    const std::string out = render_terminal(c, o);
    CHECK(out.find("Renumbered only: OP 1 -> OP 2, OP 2 -> OP 3\n") != std::string::npos);
    CHECK(out.find("modified") == std::string::npos);
}
