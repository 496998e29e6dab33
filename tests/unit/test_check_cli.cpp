// resdiff check on the command line: exit codes and outputs on fixtures/check.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::string old_txt() { return fixture("check/old.txt").string(); }
std::string new_txt() { return fixture("check/new.txt").string(); }

fs::path write_rules(const fs::path& dir, const std::string& name, const std::string& text) {
    const fs::path p = dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

std::size_t count_lines_starting(const std::string& text, const std::string& prefix) {
    std::size_t n = 0, pos = 0;
    while (pos < text.size()) {
        if (text.compare(pos, prefix.size(), prefix) == 0) ++n;
        const auto nl = text.find('\n', pos);
        if (nl == std::string::npos) break;
        pos = nl + 1;
    }
    return n;
}

}  // namespace

TEST_CASE("check cli: passing rules exit 0, a failed error rule exits 1, warnings alone exit 0", "[check][cli]") {
    const fs::path dir = scratch_dir("check-cli-exit");
    const auto pass = write_rules(dir, "pass.toml", R"(
[[rule]]
kind = "protect"
ids = ["OP1"]
phrases = ["2030 Agenda for Sustainable Development"]
[[rule]]
kind = "require-phrase"
phrases = ["Charter of the United Nations", "digital divide"]
[[rule]]
kind = "max-changes"
max = 10
)");
    cli_run ok({"check", old_txt(), new_txt(), "--rules", pass.string()});
    CHECK(ok.rc == 0);
    CHECK(ok.err.empty());
    CHECK_THAT(ok.out, Catch::Contains("passed: 3 rules: 3 passed, 0 errors, 0 warnings"));

    const auto fail = write_rules(dir, "fail.toml", R"(
[[rule]]
name = "op2-agreed"
kind = "protect"
ids = ["OP2"]
[[rule]]
name = "keep-report"
kind = "require-phrase"
phrases = ["Requests the Secretary-General to submit a report"]
)");
    cli_run bad({"check", old_txt(), new_txt(), "-r", fail.string()});
    CHECK(bad.rc == 1);
    CHECK_THAT(bad.out, Catch::Contains("FAIL  op2-agreed"));
    CHECK_THAT(bad.out, Catch::Contains("OP2 changed: "));
    CHECK_THAT(bad.out, Catch::Contains("missing \"Requests the Secretary-General to submit a report\" (was in OP4 of OLD)"));
    CHECK_THAT(bad.out, Catch::Contains("FAILED: 2 rules: 0 passed, 2 errors, 0 warnings"));

    const auto warn = write_rules(dir, "warn.toml", "[[rule]]\nkind = \"no-removal\"\nseverity = \"warning\"\n");
    cli_run w({"check", old_txt(), new_txt(), "--rules", warn.string()});
    CHECK(w.rc == 0);
    CHECK_THAT(w.out, Catch::Contains("WARN  no-removal-1"));
    CHECK_THAT(w.out, Catch::Contains(" removed: \""));
}

TEST_CASE("check cli: no-removal fails when an operative paragraph goes, passes for the preamble", "[check][cli]") {
    const fs::path dir = scratch_dir("check-cli-removal");
    cli_run op({"check", old_txt(), new_txt(), "--rules", write_rules(dir, "a.toml", "[[rule]]\nkind = \"no-removal\"\n").string()});
    CHECK(op.rc == 1);
    CHECK_THAT(op.out, Catch::Contains("1 operative paragraph removed"));
    cli_run pp({"check", old_txt(), new_txt(), "--rules",
                write_rules(dir, "b.toml", "[[rule]]\nkind = \"no-removal\"\npart = \"preamble\"\n").string()});
    CHECK(pp.rc == 0);
    cli_run same({"check", old_txt(), old_txt(), "--rules", (dir / "a.toml").string()});
    CHECK(same.rc == 0);
}

TEST_CASE("check cli: max-changes against the same pair", "[check][cli]") {
    const fs::path dir = scratch_dir("check-cli-max");
    cli_run zero({"check", old_txt(), new_txt(), "--rules", write_rules(dir, "z.toml", "[[rule]]\nkind = \"max-changes\"\nmax = 0\n").string()});
    CHECK(zero.rc == 1);
    CHECK_THAT(zero.out, Catch::Contains("with substantive changes (at most 0)"));
    cli_run same({"check", old_txt(), old_txt(), "--rules", (dir / "z.toml").string()});
    CHECK(same.rc == 0);
    CHECK_THAT(same.out, Catch::Contains("0 paragraphs with substantive changes (at most 0)"));
}

TEST_CASE("check cli: GitHub annotations point at NEW's lines", "[check][cli]") {
    const fs::path dir = scratch_dir("check-cli-gh");
    const auto rules = write_rules(dir, "r.toml", R"(
[[rule]]
name = "op2-agreed"
kind = "protect"
ids = ["OP2"]
message = "Agreed language must not change"
[[rule]]
name = "hedges"
kind = "require-phrase"
phrases = ["no such phrase"]
severity = "warning"
)");
    cli_run r({"check", old_txt(), new_txt(), "--rules", rules.string(), "--annotations", "github"});
    CHECK(r.rc == 1);
    const std::string expected_error = "::error file=" + new_txt() + ",line=11,title=resdiff op2-agreed::Agreed language must not change: OP2 changed: ";
    CHECK_THAT(r.out, Catch::Contains(expected_error));
    CHECK_THAT(r.out, Catch::Contains("::warning file=" + new_txt() + ",title=resdiff hedges::Required phrase missing: missing \"no such phrase\"\n"));
    CHECK(count_lines_starting(r.out, "::") == 2);
    cli_run bad({"check", old_txt(), new_txt(), "--rules", rules.string(), "--annotations", "gitlab"});
    CHECK(bad.rc == 2);
    CHECK_THAT(bad.err, Catch::Contains("--annotations takes github"));
}

TEST_CASE("check cli: --junit, --format json, --output and --report", "[check][cli]") {
    const fs::path dir = scratch_dir("check-cli-out");
    const auto rules = fixture("check/rules.toml").string();
    const fs::path junit = dir / "junit.xml", json = dir / "check.json", report = dir / "report.md";
    cli_run r({"check", old_txt(), new_txt(), "--rules", rules, "--junit", junit.string(), "--format", "json", "-o",
               json.string(), "--report", report.string()});
    CHECK(r.rc == 1);
    CHECK(r.out.empty());
    const auto j = nlohmann::json::parse(read_file(json));
    CHECK(j["passed"] == false);
    REQUIRE(j["rules"].size() == 6);
    for (const auto& rule : j["rules"]) {
        CHECK(rule.contains("name"));
        CHECK(rule["passed"].is_boolean());
        CHECK(rule["detail"].is_string());
    }
    CHECK(j["rules"][0]["name"] == "agreed-language");
    CHECK(j["rules"][0]["passed"] == true);
    CHECK(j["rules"][1]["name"] == "keep-operative-paragraphs");
    CHECK(j["rules"][1]["passed"] == false);
    CHECK(j["rules"][4]["passed"] == true);   // the Charter stays
    const std::string x = read_file(junit);
    CHECK_THAT(x, Catch::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    CHECK_THAT(x, Catch::Contains("<testcase classname=\"resdiff.check.no-removal\" name=\"keep-operative-paragraphs\""));
    CHECK_THAT(x, Catch::Contains("tests=\"6\""));
    const std::string md = read_file(report);
    CHECK_THAT(md, Catch::StartsWith("## resdiff check: failed"));
    CHECK_THAT(md, Catch::Contains("keep-operative-paragraphs"));
    // json to standard output with annotations would mix the two: refused.
    cli_run mixed({"check", old_txt(), new_txt(), "--rules", rules, "--format", "json", "--annotations", "github"});
    CHECK(mixed.rc == 2);
    // The format follows -o's extension.
    cli_run md_out({"check", old_txt(), new_txt(), "--rules", rules, "-o", (dir / "c.md").string()});
    CHECK(md_out.rc == 1);
    CHECK_THAT(read_file(dir / "c.md"), Catch::StartsWith("## resdiff check"));
}

TEST_CASE("check cli: trouble exits 2 with one clear line", "[check][cli]") {
    const fs::path dir = scratch_dir("check-cli-trouble");
    cli_run no_rules({"check", old_txt(), new_txt()});
    CHECK(no_rules.rc == 2);
    CHECK_THAT(no_rules.err, Catch::Contains("--rules FILE is required"));
    cli_run one({"check", old_txt(), "--rules", fixture("check/rules.toml").string()});
    CHECK(one.rc == 2);
    CHECK_THAT(one.err, Catch::Contains("need OLD and NEW"));
    // A malformed rules file is reported with line and column, before the documents are read.
    cli_run malformed({"check", "/nonexistent/old.txt", new_txt(), "--rules", fixture("check/malformed.toml").string()});
    CHECK(malformed.rc == 2);
    CHECK(malformed.err == "resdiff: " + fixture("check/malformed.toml").string() +
                               ":6:1: Error while parsing array: expected comma or closing ']', saw 'm'\n");
    cli_run unknown({"check", old_txt(), new_txt(), "--rules", fixture("check/unknown-key.toml").string()});
    CHECK(unknown.rc == 2);
    CHECK_THAT(unknown.err, Catch::Contains("unknown-key.toml:5:1: unknown key 'severty'"));
    std::string binary(4096, '\0');
    for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 131) % 256);
    cli_run hostile({"check", old_txt(), new_txt(), "--rules", write_rules(dir, "bin.toml", binary).string()});
    CHECK(hostile.rc == 2);
    CHECK(hostile.out.empty());
    CHECK_THAT(hostile.err, Catch::StartsWith("resdiff: " + (dir / "bin.toml").string() + ":"));
    CHECK(std::count(hostile.err.begin(), hostile.err.end(), '\n') == 1);
    cli_run missing_doc({"check", old_txt(), (dir / "nope.txt").string(), "--rules", fixture("check/rules.toml").string()});
    CHECK(missing_doc.rc == 2);
    CHECK_THAT(missing_doc.err, Catch::Contains("nope.txt"));
    cli_run help({"check", "--help"});
    CHECK(help.rc == 0);
    CHECK_THAT(help.out, Catch::Contains("--annotations"));
}

TEST_CASE("check cli: the documented example rules on the fixture pair", "[check][cli]") {
    cli_run r({"check", old_txt(), new_txt(), "--rules", fixture("check/rules.toml").string()});
    CHECK(r.rc == 1);
    CHECK_THAT(r.out, Catch::Contains("PASS  agreed-language "));
    // The aligner keeps OP5 -> OP4 (a routine rollover) and reports OLD's OP4 as removed.
    CHECK_THAT(r.out, Catch::Contains("OP4 removed: \"Requests the Secretary-General to submit a report"));
    CHECK_THAT(r.out, Catch::Contains("FAIL  verbs-keep-their-force"));
    CHECK_THAT(r.out, Catch::Contains("OP2 weakened: \"Urges\" -> \"Encourages\" [NEW line 11]"));
    CHECK_THAT(r.out, Catch::Contains("WARN  no-new-hedges"));
    CHECK_THAT(r.out, Catch::Contains("OP3 softened: added \", as appropriate,\" [NEW line 13]"));
    CHECK_THAT(r.out, Catch::Contains("PASS  charter "));
    // PP2's rollover is routine, PP3's and OP2's leads and OP3's qualifier are not substantive.
    CHECK_THAT(r.out, Catch::Contains("PASS  change-budget              max-changes: 1 paragraph with substantive changes (at most 3)"));
    CHECK_THAT(r.out, Catch::EndsWith("FAILED: 6 rules: 3 passed, 2 errors, 1 warning\n"));
    // Preambular openers have a scale too: "Expressing deep concern" -> "Noting" is weakened.
    const fs::path dir = scratch_dir("check-cli-preamble");
    cli_run pp({"check", old_txt(), new_txt(), "--rules",
                write_rules(dir, "pp.toml", "[[rule]]\nkind = \"no-weakening\"\npart = \"preamble\"\n").string()});
    CHECK(pp.rc == 1);
    CHECK_THAT(pp.out, Catch::Contains("PP3 weakened: \"Expressing deep concern"));
    cli_run same({"check", old_txt(), old_txt(), "--rules", fixture("check/rules.toml").string()});
    CHECK(same.rc == 0);
    CHECK_THAT(same.out, Catch::EndsWith("passed: 6 rules: 6 passed, 0 errors, 0 warnings\n"));
}
