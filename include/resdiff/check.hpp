// CI gates: rules a revision must satisfy, checked on a comparison.
//
// Rules are read from TOML (docs/rules.md) into plain values, evaluated on a
// `comparison` (compare.hpp) into plain results, and rendered for people
// (terminal, Markdown) and tools (JSON, JUnit XML, GitHub Actions workflow
// commands). Evaluation is pure and deterministic.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "resdiff/compare.hpp"

namespace resdiff {

enum class severity { error, warning };

enum class rule_kind {
    protect,          // named paragraphs (ids, or phrases they contain) must not change
    no_removal,       // no paragraph of the given part may be removed
    no_weakening,     // no lead (operative verb, preambular opener) may be weakened
    no_softening,     // no qualifier change may soften a paragraph
    require_phrase,   // each phrase must be present in NEW
    max_changes,      // at most `max` units carrying one of `classes`
};

// Which part(s) of a resolution a rule looks at.
enum class rule_scope { operative, preamble, all };

struct rule {
    std::string name;                   // unique within the rules file ("agreed-language")
    rule_kind kind = rule_kind::protect;
    severity level = severity::error;
    std::string message;                // shown with every failure; a default per kind when empty
    // protect: paragraph or sub-paragraph ids of OLD ("OP3", "PP2", "OP9(a)").
    std::vector<std::string> ids;
    // protect: paragraphs of OLD containing any of these; require_phrase: the
    // phrases NEW must contain. Compared after normalize_text (ingest.hpp).
    std::vector<std::string> phrases;
    rule_scope scope = rule_scope::all;
    bool ignore_case = false;           // phrases: ASCII case-insensitive matching
    bool allow_routine = true;          // protect: routine-only edits (rollovers) pass
    bool allow_move = true;             // protect: moved or renumbered but unchanged text passes
    bool subparagraphs = false;         // no_removal: removed sub-paragraphs count too
    bool include_changed = false;       // no_weakening: a lead changed across unrelated verbs fails too
    std::size_t max = 0;                // max_changes
    std::vector<change_class> classes;  // max_changes: classes counted (default substantive)
    int line = 0;                       // where the rule starts in the rules file (1-based), 0 when built in code
    friend bool operator==(const rule&, const rule&) = default;
};

struct rule_set {
    std::vector<rule> rules;
    std::string source;   // the rules file's name
    friend bool operator==(const rule_set&, const rule_set&) = default;
};

// A rules file that cannot be used: malformed TOML, unknown keys, wrong types,
// hostile content. what() is "FILE:LINE:COLUMN: problem" (line and column
// 1-based; left out when unknown).
class rules_error : public std::runtime_error {
public:
    rules_error(std::string file, int line, int column, const std::string& problem);
    const std::string& file() const noexcept { return file_; }
    int line() const noexcept { return line_; }
    int column() const noexcept { return column_; }
    const std::string& problem() const noexcept { return problem_; }

private:
    std::string file_;
    int line_;
    int column_;
    std::string problem_;
};

// Largest rules file accepted, and most rules in one file.
inline constexpr std::size_t max_rules_bytes = 1024 * 1024;
inline constexpr std::size_t max_rules_count = 1000;

// Parses rules from TOML text. Throws rules_error.
rule_set parse_rules(std::string_view toml, const std::string& source = "rules");
// Reads and parses a rules file. Throws rules_error (unreadable, too large, malformed).
rule_set load_rules(const std::filesystem::path& path);

// One place where a rule failed.
struct violation {
    std::string what;                    // one line: "OP7 removed", "OP5 weakened: \"Urges\" -> \"Encourages\""
    std::vector<std::string> old_ids;
    std::vector<std::string> new_ids;
    int line = 0;       // line of NEW where the offending paragraph starts (or where it stood); 0 unknown
    int old_line = 0;   // line of OLD where it started; 0 unknown
    friend bool operator==(const violation&, const violation&) = default;
};

struct rule_result {
    rule r;
    bool passed = true;
    std::string detail;                  // one line: what was checked and found
    std::vector<violation> violations;   // empty when passed
    friend bool operator==(const rule_result&, const rule_result&) = default;
};

struct check_report {
    std::string old_source;
    std::string new_source;
    std::vector<rule_result> results;    // in the order of the rules
    std::size_t failed_errors() const;   // failed rules with severity error
    std::size_t failed_warnings() const;
    bool passed() const { return failed_errors() == 0; }   // warnings do not fail a check
    friend bool operator==(const check_report&, const check_report&) = default;
};

check_report check(const comparison& cmp, const rule_set& rules);
rule_result check_rule(const comparison& cmp, const rule& r);

// Renderers. `color`: ANSI colours on the terminal.
std::string render_check_terminal(const check_report& report, bool color = false);
std::string render_check_markdown(const check_report& report);
std::string check_to_json(const check_report& report);
// JUnit XML: one testsuite per report, one testcase per rule; failed error
// rules are <failure>, failed warning rules pass with the findings in <system-out>.
std::string check_to_junit(const std::vector<check_report>& reports);
// GitHub Actions workflow commands, one per violation:
// "::error file=FILE,line=N,title=TITLE::MESSAGE". `file` names NEW as the
// repository knows it.
std::string check_to_github(const check_report& report, const std::string& file);

const char* to_string(severity s);
const char* to_string(rule_kind k);
const char* to_string(rule_scope s);

}  // namespace resdiff
