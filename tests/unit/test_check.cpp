// resdiff check: rules files and rule evaluation on comparisons built in code.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "resdiff/check.hpp"
#include "resdiff/compare.hpp"
#include "resdiff/parse.hpp"
#include "support.hpp"

using namespace resdiff;

namespace {

paragraph para(const std::string& id, const std::string& text, int line, const std::string& lead = {}) {
    paragraph p;
    p.id = id;
    p.where = id.rfind("OP", 0) == 0 ? part::operative : part::preamble;
    if (p.where == part::operative) p.number = id.substr(2);
    p.text = p.intro = text;
    p.lead = lead;
    p.lines = {line, line};
    return p;
}

alignment_unit unit(unit_kind kind, std::vector<std::string> old_ids, std::vector<std::string> new_ids,
                    std::vector<change_class> classes = {}) {
    alignment_unit u;
    u.kind = kind;
    u.old_ids = std::move(old_ids);
    u.new_ids = std::move(new_ids);
    u.text_changed = kind == unit_kind::modified || kind == unit_kind::split || kind == unit_kind::merged;
    u.classes = std::move(classes);
    return u;
}

// OLD: PP1 PP2 OP1 OP2 OP3 OP4; NEW: PP1 PP2 OP1 OP2 OP3 (OP3 of OLD removed, OP4 now OP3).
//  PP1 unchanged (agreed language), PP2 routine rollover, OP1 weakened lead,
//  OP2 softened by a qualifier, OP3 removed, OP4 renumbered to OP3.
comparison sample() {
    comparison c;
    c.old_doc.source = "old.txt";
    c.new_doc.source = "new.txt";
    c.old_doc.preamble = {para("PP1", "Reaffirming the Charter of the United Nations,", 3),
                          para("PP2", "Recalling its resolution 79/194 of 19 December 2024,", 5)};
    c.old_doc.operative = {para("OP1", "Urges States to act.", 7, "Urges"),
                           para("OP2", "Calls upon States to report.", 9, "Calls upon"),
                           para("OP3", "Requests the Secretary-General to report.", 11, "Requests"),
                           para("OP4", "Decides to remain seized of the matter.", 13, "Decides")};
    c.new_doc.preamble = {para("PP1", "Reaffirming the Charter of the United Nations,", 2),
                          para("PP2", "Recalling its resolution 80/118 of 15 December 2025,", 4)};
    c.new_doc.operative = {para("OP1", "Encourages States to act.", 6, "Encourages"),
                           para("OP2", "Calls upon States to report, as appropriate.", 8, "Calls upon"),
                           para("OP3", "Decides to remain seized of the matter.", 10, "Decides")};
    auto& units = c.result.units;
    units.push_back(unit(unit_kind::unchanged, {"PP1"}, {"PP1"}));
    units.back().ops = {{op_kind::equal, "Reaffirming the Charter of the United Nations,", {}}};
    units.push_back(unit(unit_kind::modified, {"PP2"}, {"PP2"}, {change_class::routine}));
    units.back().ops = {{op_kind::equal, "Recalling its resolution ", {}},
                        {op_kind::del, "79/194", {change_class::routine}},
                        {op_kind::ins, "80/118", {change_class::routine}},
                        {op_kind::equal, " of ", {}},
                        {op_kind::del, "19 December 2024", {change_class::routine}},
                        {op_kind::ins, "15 December 2025", {change_class::routine}},
                        {op_kind::equal, ",", {}}};
    units.push_back(unit(unit_kind::modified, {"OP1"}, {"OP1"}, {change_class::lead}));
    units.back().lead = {"Urges", "Encourages", direction::weakened};
    units.back().ops = {{op_kind::del, "Urges", {change_class::lead}},
                        {op_kind::ins, "Encourages", {change_class::lead}},
                        {op_kind::equal, " States to act.", {}}};
    units.push_back(unit(unit_kind::modified, {"OP2"}, {"OP2"}, {change_class::qualifier}));
    units.back().qualifier_dir = direction::softened;
    units.back().ops = {{op_kind::equal, "Calls upon States to report", {}},
                        {op_kind::ins, ", as appropriate", {change_class::qualifier}},
                        {op_kind::equal, ".", {}}};
    units.push_back(unit(unit_kind::removed, {"OP3"}, {}, {change_class::substantive}));
    units.back().ops = {{op_kind::del, "Requests the Secretary-General to report.", {change_class::substantive}}};
    units.push_back(unit(unit_kind::renumbered, {"OP4"}, {"OP3"}));
    units.back().ops = {{op_kind::equal, "Decides to remain seized of the matter.", {}}};
    c.totals = summarize(c.result);
    return c;
}

rule make(rule_kind kind) {
    rule r;
    r.kind = kind;
    r.name = to_string(kind);
    if (kind == rule_kind::no_removal || kind == rule_kind::no_weakening) r.scope = rule_scope::operative;
    if (kind == rule_kind::max_changes) r.classes = {change_class::substantive};
    return r;
}

}  // namespace

TEST_CASE("check: rules file with every kind parses into plain values", "[check]") {
    const rule_set set = parse_rules(R"(
# comment
[[rule]]
name = "agreed-language"
kind = "protect"
ids = ["OP1", "PP2"]
phrases = ["Charter of the  United Nations"]
allow_routine = false
allow_move = false
message = "Agreed language must not change"

[[rule]]
kind = "no-removal"
part = "all"
subparagraphs = true
severity = "warning"

[[rule]]
kind = "no-weakening"
include_changed = true

[[rule]]
kind = "no-softening"
part = "operative"

[[rule]]
kind = "require-phrase"
phrases = "sustainable development"
ignore_case = true

[[rule]]
kind = "max-changes"
max = 5
classes = ["substantive", "lead"]
)", "rules.toml");
    REQUIRE(set.rules.size() == 6);
    CHECK(set.source == "rules.toml");
    const rule& p = set.rules[0];
    CHECK(p.name == "agreed-language");
    CHECK(p.kind == rule_kind::protect);
    CHECK(p.level == severity::error);
    CHECK(p.ids == std::vector<std::string>{"OP1", "PP2"});
    CHECK(p.phrases == std::vector<std::string>{"Charter of the United Nations"});   // white space normalized
    CHECK_FALSE(p.allow_routine);
    CHECK_FALSE(p.allow_move);
    CHECK(p.line == 3);
    CHECK(set.rules[1].name == "no-removal-2");
    CHECK(set.rules[1].level == severity::warning);
    CHECK(set.rules[1].scope == rule_scope::all);
    CHECK(set.rules[1].subparagraphs);
    CHECK(set.rules[2].scope == rule_scope::operative);   // the default for no-weakening
    CHECK(set.rules[2].include_changed);
    CHECK(set.rules[3].scope == rule_scope::operative);
    CHECK(set.rules[4].phrases == std::vector<std::string>{"sustainable development"});
    CHECK(set.rules[4].ignore_case);
    CHECK(set.rules[5].max == 5);
    CHECK(set.rules[5].classes == std::vector<change_class>{change_class::substantive, change_class::lead});
    CHECK(parse_rules("", "empty.toml").rules.empty());
}

TEST_CASE("check: malformed rules files are reported with line and column", "[check]") {
    const auto error_of = [](const std::string& text) -> rules_error {
        try {
            parse_rules(text, "r.toml");
        } catch (const rules_error& e) {
            return e;
        }
        FAIL("no rules_error for: " << text);
        return rules_error("", 0, 0, "");
    };
    SECTION("syntax error") {
        const auto e = error_of(R"([[rule]]
kind = "protect"
ids = ["OP1"
message = "x"
)");
        CHECK(e.line() == 4);
        CHECK(e.column() > 0);
        CHECK(std::string(e.what()).rfind("r.toml:4:", 0) == 0);
    }
    SECTION("unknown key in a rule") {
        const auto e = error_of("[[rule]]\nkind = \"max-changes\"\nmax = 3\nseverty = \"warning\"\n");
        CHECK(e.line() == 4);
        CHECK(e.column() == 1);
        CHECK_THAT(e.what(), Catch::Contains("unknown key 'severty'"));
    }
    SECTION("key of another kind") {
        const auto e = error_of("[[rule]]\nkind = \"protect\"\nids = [\"OP1\"]\nmax = 3\n");
        CHECK(e.line() == 4);
        CHECK_THAT(e.what(), Catch::Contains("unknown key 'max'"));
    }
    SECTION("unknown top-level key") {
        const auto e = error_of("rules = 1\n");
        CHECK(e.line() == 1);
        CHECK_THAT(e.what(), Catch::Contains("unknown key 'rules'"));
    }
    SECTION("wrong types") {
        CHECK_THAT(error_of("[[rule]]\nkind = \"max-changes\"\nmax = \"ten\"\n").what(), Catch::Contains("r.toml:3:7: 'max' must be an integer"));
        CHECK_THAT(error_of("[[rule]]\nkind = \"max-changes\"\nmax = -1\n").what(), Catch::Contains("must not be negative"));
        CHECK_THAT(error_of("[[rule]]\nkind = \"require-phrase\"\nphrases = [1]\n").what(), Catch::Contains("must be a string"));
        CHECK_THAT(error_of("[[rule]]\nkind = 7\n").what(), Catch::Contains("'kind' must be a string"));
        CHECK_THAT(error_of("[[rule]]\nkind = \"protect\"\nids = [\"OP1\"]\nallow_move = \"yes\"\n").what(), Catch::Contains("true or false"));
        CHECK_THAT(error_of("[[rule]]\nkind = \"no-removal\"\npart = \"annex\"\n").what(), Catch::Contains("operative, preamble or all"));
        CHECK_THAT(error_of("[[rule]]\nkind = \"no-removal\"\nseverity = \"fatal\"\n").what(), Catch::Contains("error or warning"));
        CHECK_THAT(error_of("rule = 5\n").what(), Catch::Contains("[[rule]]"));
        CHECK_THAT(error_of("[rule]\nkind = \"no-removal\"\n").what(), Catch::Contains("[[rule]]"));
    }
    SECTION("incomplete rules") {
        CHECK_THAT(error_of("[[rule]]\nname = \"x\"\n").what(), Catch::Contains("has no 'kind'"));
        CHECK_THAT(error_of("[[rule]]\nkind = \"protects\"\n").what(), Catch::Contains("unknown rule kind 'protects'"));
        CHECK_THAT(error_of("[[rule]]\nkind = \"protect\"\n").what(), Catch::Contains("needs 'ids' or 'phrases'"));
        CHECK_THAT(error_of("[[rule]]\nkind = \"require-phrase\"\n").what(), Catch::Contains("needs 'phrases'"));
        CHECK_THAT(error_of("[[rule]]\nkind = \"max-changes\"\n").what(), Catch::Contains("needs 'max'"));
        CHECK_THAT(error_of("[[rule]]\nkind = \"require-phrase\"\nphrases = []\n").what(), Catch::Contains("must not be empty"));
        CHECK_THAT(error_of("[[rule]]\nkind = \"require-phrase\"\nphrases = [\"  \"]\n").what(), Catch::Contains("blank phrase"));
        CHECK_THAT(error_of("[[rule]]\nname = \"a\"\nkind = \"no-removal\"\n[[rule]]\nname = \"a\"\nkind = \"no-softening\"\n").what(),
                   Catch::Contains("two rules are named 'a'"));
    }
}

TEST_CASE("check: hostile rules files are clear errors, never crashes", "[check]") {
    const auto message = [](const std::string& text) -> std::string {
        try {
            parse_rules(text, "h.toml");
        } catch (const rules_error& e) {
            return e.what();
        }
        return "(accepted)";
    };
    std::string binary = "[[rule]]\nkind = \"no-removal\"\n";
    binary.push_back('\0');
    binary.append("\x01\x02\xff");
    CHECK_THAT(message(binary), Catch::Contains("h.toml:3:1: binary data"));
    CHECK_THAT(message("kind = \"\xff\xfe\"\n"), Catch::StartsWith("h.toml:1:"));   // invalid UTF-8
    CHECK_THAT(message("a = " + std::string(100000, '[') + std::string(100000, ']') + "\n"), Catch::Contains("nested too deeply"));
    CHECK_THAT(message("a = " + std::string(50000, '{') + "\n"), Catch::Contains("nested too deeply"));
    std::string dotted = "a";
    for (int i = 0; i < 100000; ++i) dotted.append(".a");
    CHECK_THAT(message(dotted + " = 1\n"), Catch::Contains("nested too deeply"));
    CHECK_THAT(message("x = \"" + std::string(max_rules_bytes, 'a') + "\"\n"), Catch::Contains("too large"));
    std::string many;
    for (std::size_t i = 0; i <= max_rules_count; ++i) many.append("[[rule]]\nkind = \"no-removal\"\n");
    CHECK_THAT(message(many), Catch::Contains("too many rules"));
    // Brackets and dots inside strings and comments are not structure.
    CHECK(message("# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n[[rule]]\nkind = \"require-phrase\"\nphrases = [\"" +
                  std::string(100, '[') + std::string(100, '.') + "\"]\n") == "(accepted)");
}

TEST_CASE("check: load_rules reads files and names them in errors", "[check]") {
    namespace fs = std::filesystem;
    const fs::path dir = scratch_dir("check-load");
    CHECK_THROWS_WITH(load_rules(dir / "missing.toml"), Catch::Contains("missing.toml: cannot open"));
    CHECK_THROWS_WITH(load_rules(dir), Catch::Contains("is a folder"));
    CHECK_THROWS_WITH(load_rules(fixture("check/malformed.toml")), Catch::Contains("malformed.toml:6:1:"));
    CHECK_THROWS_WITH(load_rules(fixture("check/unknown-key.toml")), Catch::Contains("unknown-key.toml:5:1: unknown key 'severty'"));
    CHECK_THROWS_WITH(load_rules(fixture("check/wrong-type.toml")), Catch::Contains("wrong-type.toml:3:"));
    {
        std::ofstream big(dir / "big.toml", std::ios::binary);
        big << "x = \"" << std::string(max_rules_bytes + 10, 'a') << "\"\n";
    }
    CHECK_THROWS_WITH(load_rules(dir / "big.toml"), Catch::Contains("too large"));
    const rule_set example = load_rules(fixture("check/rules.toml"));
    CHECK(example.rules.size() >= 6);
}

TEST_CASE("check: protect by id passes unchanged, routine-only and renumbered paragraphs", "[check]") {
    const comparison c = sample();
    rule r = make(rule_kind::protect);
    r.ids = {"PP1", "PP2", "OP4"};
    const rule_result res = check_rule(c, r);
    CHECK(res.passed);
    CHECK(res.violations.empty());
    CHECK(res.detail == "3 protected paragraphs, all unchanged");
    SECTION("routine edits fail when not allowed") {
        r.allow_routine = false;
        const auto strict = check_rule(c, r);
        REQUIRE(strict.violations.size() == 1);
        CHECK(strict.violations[0].old_ids == std::vector<std::string>{"PP2"});
        CHECK_THAT(strict.violations[0].what, Catch::StartsWith("PP2 changed: \"79/194\" -> \"80/118\""));
        CHECK(strict.violations[0].line == 4);
        CHECK(strict.violations[0].old_line == 5);
    }
    SECTION("moves fail when not allowed") {
        r.allow_move = false;
        const auto strict = check_rule(c, r);
        REQUIRE(strict.violations.size() == 1);
        CHECK(strict.violations[0].what == "OP4 renumbered as OP3");
        CHECK(strict.violations[0].line == 10);
    }
}

TEST_CASE("check: protect by id fails on changed, removed and unknown paragraphs", "[check]") {
    const comparison c = sample();
    rule r = make(rule_kind::protect);
    r.ids = {"OP1", "OP3", "OP9"};
    const rule_result res = check_rule(c, r);
    CHECK_FALSE(res.passed);
    REQUIRE(res.violations.size() == 3);
    CHECK(res.violations[0].what == "OP1 changed: \"Urges\" -> \"Encourages\"");
    CHECK(res.violations[0].line == 6);
    CHECK(res.violations[1].what == "OP3 removed");
    CHECK(res.violations[1].line == 10);   // where it stood: the next surviving paragraph
    CHECK(res.violations[1].old_line == 11);
    CHECK(res.violations[2].what == "OP9 does not exist in OLD");
    CHECK(res.violations[2].line == 0);
    CHECK(res.r.message == "Protected paragraph changed");   // the default message
}

TEST_CASE("check: protect by phrase finds the paragraphs holding it", "[check]") {
    const comparison c = sample();
    rule r = make(rule_kind::protect);
    r.phrases = {"Charter of the United Nations"};
    CHECK(check_rule(c, r).passed);
    r.phrases = {"to remain seized"};   // OP4, renumbered, unchanged
    CHECK(check_rule(c, r).passed);
    r.phrases = {"the secretary-general"};
    CHECK(check_rule(c, r).passed);   // case matters by default: found nowhere
    CHECK_THAT(check_rule(c, r).detail, Catch::Contains("1 phrase found nowhere in OLD"));
    r.ignore_case = true;
    const auto res = check_rule(c, r);
    CHECK_FALSE(res.passed);
    REQUIRE(res.violations.size() == 1);
    CHECK_THAT(res.violations[0].what, Catch::StartsWith("OP3 (holding \"the secretary-general\") removed"));
}

TEST_CASE("check: protect a sub-paragraph", "[check]") {
    comparison c = sample();
    subparagraph a, b;
    a.id = "OP2(a)";
    a.label = "(a)";
    a.text = "(a) to share data;";
    a.lines = {10, 10};
    b = a;
    b.id = "OP2(b)";
    b.text = "(b) to publish reports;";
    c.old_doc.operative[1].subparagraphs = {a, b};
    c.old_doc.operative[1].text = "Calls upon States to report. (a) to share data; (b) to publish reports;";
    c.new_doc.operative[1].text = "Calls upon States to report, as appropriate. (a) to share data; (b) to publish reports quarterly;";
    rule r = make(rule_kind::protect);
    SECTION("without sub-paragraph units: judged by the text surviving word for word") {
        r.ids = {"OP2(a)"};
        CHECK(check_rule(c, r).passed);
        r.ids = {"OP2(b)"};
        const auto res = check_rule(c, r);
        REQUIRE(res.violations.size() == 1);
        CHECK(res.violations[0].what == "OP2(b) changed or removed");
    }
    SECTION("with sub-paragraph units") {
        auto& op2 = c.result.units[3];
        op2.children.push_back(unit(unit_kind::unchanged, {"OP2(a)"}, {"OP2(a)"}));
        op2.children.push_back(unit(unit_kind::modified, {"OP2(b)"}, {"OP2(b)"}, {change_class::substantive}));
        op2.children.back().ops = {{op_kind::equal, "(b) to publish reports", {}}, {op_kind::ins, " quarterly", {change_class::substantive}}, {op_kind::equal, ";", {}}};
        r.phrases = {"to share data"};
        CHECK(check_rule(c, r).passed);
        r.phrases = {"to publish reports"};
        const auto res = check_rule(c, r);
        REQUIRE(res.violations.size() == 1);
        CHECK_THAT(res.violations[0].what, Catch::StartsWith("OP2(b) (holding \"to publish reports\") changed: added \"quarterly\""));
        CHECK(res.violations[0].line == 8);   // the paragraph's line when the sub-paragraph has none in NEW
    }
}

TEST_CASE("check: no-removal", "[check]") {
    comparison c = sample();
    rule r = make(rule_kind::no_removal);
    auto res = check_rule(c, r);
    CHECK_FALSE(res.passed);
    REQUIRE(res.violations.size() == 1);
    CHECK(res.violations[0].what == "OP3 removed: \"Requests the Secretary-General to report.\"");
    CHECK(res.violations[0].line == 10);
    CHECK(res.detail == "1 operative paragraph removed");
    r.scope = rule_scope::preamble;
    res = check_rule(c, r);
    CHECK(res.passed);
    CHECK(res.detail == "no preamble paragraph removed");
    // Removed sub-paragraphs count only when asked.
    c.result.units[4] = unit(unit_kind::modified, {"OP3"}, {"OP3"});
    c.result.units[4].children.push_back(unit(unit_kind::removed, {"OP3(c)"}, {}));
    r.scope = rule_scope::operative;
    CHECK(check_rule(c, r).passed);
    r.subparagraphs = true;
    res = check_rule(c, r);
    REQUIRE(res.violations.size() == 1);
    CHECK(res.violations[0].what == "OP3(c) removed");
}

TEST_CASE("check: no-weakening", "[check]") {
    comparison c = sample();
    rule r = make(rule_kind::no_weakening);
    auto res = check_rule(c, r);
    CHECK_FALSE(res.passed);
    REQUIRE(res.violations.size() == 1);
    CHECK(res.violations[0].what == "OP1 weakened: \"Urges\" -> \"Encourages\"");
    CHECK(res.violations[0].line == 6);
    r.scope = rule_scope::preamble;
    CHECK(check_rule(c, r).passed);
    // Strengthening passes; a change across unrelated verbs only with include_changed.
    c.result.units[2].lead = {"Encourages", "Urges", direction::strengthened};
    r.scope = rule_scope::operative;
    CHECK(check_rule(c, r).passed);
    c.result.units[2].lead = {"Urges", "Decides", direction::changed};
    CHECK(check_rule(c, r).passed);
    r.include_changed = true;
    res = check_rule(c, r);
    REQUIRE(res.violations.size() == 1);
    CHECK(res.violations[0].what == "OP1 changed: \"Urges\" -> \"Decides\"");
}

TEST_CASE("check: no-softening", "[check]") {
    comparison c = sample();
    rule r = make(rule_kind::no_softening);
    r.scope = rule_scope::all;
    auto res = check_rule(c, r);
    CHECK_FALSE(res.passed);
    REQUIRE(res.violations.size() == 1);
    CHECK(res.violations[0].what == "OP2 softened: added \", as appropriate\"");
    CHECK(res.violations[0].line == 8);
    c.result.units[3].qualifier_dir = direction::hardened;
    res = check_rule(c, r);
    CHECK(res.passed);
    CHECK(res.detail == "no qualifier softens the text");
}

TEST_CASE("check: require-phrase", "[check]") {
    const comparison c = sample();
    rule r = make(rule_kind::require_phrase);
    r.phrases = {"Charter of the United Nations", "remain seized"};
    auto res = check_rule(c, r);
    CHECK(res.passed);
    CHECK(res.detail == "2 of 2 required phrases present");
    r.phrases = {"Charter of the United Nations", "Secretary-General to report", "never there"};
    res = check_rule(c, r);
    CHECK_FALSE(res.passed);
    REQUIRE(res.violations.size() == 2);
    CHECK(res.violations[0].what == "missing \"Secretary-General to report\" (was in OP3 of OLD)");
    CHECK(res.violations[0].line == 10);
    CHECK(res.violations[0].old_line == 11);
    CHECK(res.violations[1].what == "missing \"never there\"");
    CHECK(res.violations[1].line == 0);
    CHECK(res.detail == "1 of 3 required phrases present");
    r.phrases = {"charter of the united nations"};
    CHECK_FALSE(check_rule(c, r).passed);
    r.ignore_case = true;
    CHECK(check_rule(c, r).passed);
    r.scope = rule_scope::operative;
    CHECK_FALSE(check_rule(c, r).passed);   // the Charter is only in the preamble
}

TEST_CASE("check: max-changes counts units of the given classes", "[check]") {
    comparison c = sample();
    rule r = make(rule_kind::max_changes);
    r.max = 1;
    auto res = check_rule(c, r);
    CHECK(res.passed);   // only OP3 (removed) is substantive; routine, lead and qualifier units are not
    CHECK(res.detail == "1 paragraph with substantive changes (at most 1)");
    r.max = 0;
    res = check_rule(c, r);
    CHECK_FALSE(res.passed);
    REQUIRE(res.violations.size() == 1);
    CHECK(res.violations[0].what == "OP3 removed (substantive)");
    r.max = 2;
    r.classes = {change_class::substantive, change_class::lead, change_class::qualifier};
    res = check_rule(c, r);
    CHECK_FALSE(res.passed);
    CHECK(res.violations.size() == 3);
    CHECK(res.detail == "3 paragraphs with substantive/lead/qualifier changes (at most 2)");
    // A changed unit nobody classified counts as substantive.
    c.result.units[2].classes.clear();
    r.classes = {change_class::substantive};
    r.max = 1;
    res = check_rule(c, r);
    CHECK_FALSE(res.passed);
    CHECK(res.violations.size() == 2);
}

TEST_CASE("check: report totals, severity and every output format", "[check]") {
    const comparison c = sample();
    rule_set set;
    rule protect = make(rule_kind::protect);
    protect.name = "agreed \"language\" <&>";
    protect.ids = {"PP1"};
    rule removal = make(rule_kind::no_removal);
    removal.message = "Operative paragraphs stay, 100%: ok,\nreally";
    rule weak = make(rule_kind::no_weakening);
    weak.level = severity::warning;
    set.rules = {protect, removal, weak};
    const check_report report = check(c, set);
    REQUIRE(report.results.size() == 3);
    CHECK(report.results[0].passed);
    CHECK_FALSE(report.results[1].passed);
    CHECK_FALSE(report.results[2].passed);
    CHECK(report.failed_errors() == 1);
    CHECK(report.failed_warnings() == 1);
    CHECK_FALSE(report.passed());

    SECTION("terminal") {
        const std::string t = render_check_terminal(report);
        CHECK_THAT(t, Catch::StartsWith("resdiff check: old.txt -> new.txt\n"));
        CHECK_THAT(t, Catch::Contains("PASS  agreed"));
        CHECK_THAT(t, Catch::Contains("FAIL  no-removal"));
        CHECK_THAT(t, Catch::Contains("WARN  no-weakening"));
        CHECK_THAT(t, Catch::Contains("OP3 removed: \"Requests the Secretary-General to report.\" [NEW line 10]"));
        CHECK_THAT(t, Catch::EndsWith("FAILED: 3 rules: 1 passed, 1 error, 1 warning\n"));
        CHECK(t.find('\x1b') == std::string::npos);
        CHECK(render_check_terminal(report, true).find("\x1b[1;31mFAIL") != std::string::npos);
    }
    SECTION("json") {
        const auto j = nlohmann::json::parse(check_to_json(report));
        CHECK(j["passed"] == false);
        CHECK(j["errors"] == 1);
        CHECK(j["warnings"] == 1);
        REQUIRE(j["rules"].size() == 3);
        CHECK(j["rules"][0]["passed"] == true);
        CHECK(j["rules"][0]["name"] == "agreed \"language\" <&>");
        CHECK(j["rules"][1]["kind"] == "no-removal");
        CHECK(j["rules"][1]["violations"][0]["line"] == 10);
        CHECK(j["rules"][1]["violations"][0]["old_ids"][0] == "OP3");
        CHECK(j["rules"][2]["severity"] == "warning");
    }
    SECTION("junit") {
        const std::string x = check_to_junit({report});
        CHECK_THAT(x, Catch::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"resdiff check\" tests=\"3\" failures=\"1\">"));
        CHECK_THAT(x, Catch::Contains("name=\"agreed &quot;language&quot; &lt;&amp;&gt;\""));
        CHECK_THAT(x, Catch::Contains("<failure message=\"Operative paragraphs stay, 100%: ok,\nreally: 1 operative paragraph removed\" type=\"error\">"));
        CHECK_THAT(x, Catch::Contains("<system-out>warning: Lead weakened"));
        CHECK(x.find("\"Requests") == std::string::npos);   // quotes escaped in text too
        std::size_t opened = 0, closed = 0;
        for (std::size_t p = 0; (p = x.find("<testcase", p)) != std::string::npos; ++p) ++opened;
        for (std::size_t p = 0; (p = x.find("</testcase>", p)) != std::string::npos; ++p) ++closed;
        CHECK(opened == 3);
        CHECK(closed == 2);   // the passing case is self-closing
    }
    SECTION("github") {
        const std::string g = check_to_github(report, "drafts/a,b:c.txt");
        CHECK(g ==
              "::error file=drafts/a%2Cb%3Ac.txt,line=10,title=resdiff no-removal::Operative paragraphs stay, 100%25: ok,%0Areally: "
              "OP3 removed: \"Requests the Secretary-General to report.\"\n"
              "::warning file=drafts/a%2Cb%3Ac.txt,line=6,title=resdiff no-weakening::Lead weakened: OP1 weakened: \"Urges\" -> \"Encourages\"\n");
    }
    SECTION("markdown") {
        const std::string m = render_check_markdown(report);
        CHECK_THAT(m, Catch::StartsWith("## resdiff check: failed\n"));
        CHECK_THAT(m, Catch::Contains("| ✅ pass | agreed \"language\" \\<&\\> | protect |"));
        CHECK_THAT(m, Catch::Contains("### no-removal: Operative paragraphs stay, 100%: ok, really"));
        CHECK_THAT(m, Catch::Contains("- OP3 removed: \"Requests the Secretary-General to report.\" (NEW line 10)"));
    }
}

TEST_CASE("check: an empty rule set passes and identical texts pass every rule kind", "[check]") {
    comparison c = sample();
    CHECK(check(c, rule_set{}).passed());
    comparison same;
    same.old_doc = c.old_doc;
    same.new_doc = c.old_doc;
    for (const auto& p : c.old_doc.preamble) same.result.units.push_back(unit(unit_kind::unchanged, {p.id}, {p.id}));
    for (const auto& p : c.old_doc.operative) same.result.units.push_back(unit(unit_kind::unchanged, {p.id}, {p.id}));
    rule_set all;
    for (const auto k : {rule_kind::protect, rule_kind::no_removal, rule_kind::no_weakening, rule_kind::no_softening,
                         rule_kind::require_phrase, rule_kind::max_changes}) {
        rule r = make(k);
        r.ids = {"OP1"};
        r.phrases = {"remain seized"};
        all.rules.push_back(r);
    }
    const auto report = check(same, all);
    CHECK(report.passed());
    CHECK(report.failed_warnings() == 0);
    CHECK(report.results.size() == 6);
}

TEST_CASE("check: a protected paragraph whose text changed in white space only passes",
          "[check][whitespace]") {
    // The whole pipeline: "micro-," became "micro -," (the corpus, A/C.2/80/L.17
    // -> L.58) in the protected paragraph, which also took a new number.
    const comparison c = compare(
        parse_text(
            "The General Assembly,\nRecalling its resolution 65/141,\n1. Requests a report;\n2. Welcomes the "
            "support of micro-, small and medium-sized enterprises;\n"),
        parse_text(
            "The General Assembly,\nRecalling its resolution 65/141,\n1. Decides to act;\n2. Requests a "
            "report;\n3. Welcomes the support of micro -, small and medium-sized enterprises;\n"));
    rule r = make(rule_kind::protect);
    r.ids = {"OP2"};
    r.allow_routine = false;  // not even a routine edit
    const rule_result res = check_rule(c, r);
    CHECK(res.passed);
    CHECK(res.violations.empty());
    r.allow_move = false;  // but the new number is a change of place
    const rule_result placed = check_rule(c, r);
    REQUIRE(placed.violations.size() == 1);
    CHECK(placed.violations[0].what == "OP2 renumbered as OP3");
}
