// Shared by `resdiff check` and `resdiff git --rules`: check options, and the
// outputs collected over one or more checked files.
#pragma once

#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "resdiff/check.hpp"

namespace resdiff::cli {

struct check_settings {
    std::string rules_file;
    std::string format;        // terminal (default), json, markdown
    std::string output;        // -o FILE
    std::string annotations;   // "" or "github"
    std::string junit;         // --junit FILE
    std::string report;        // --report FILE: Markdown check results and comparison
    std::string color = "auto";
};

// Adds --rules, --format, --output, --annotations, --junit, --report, --color.
// `git`: worded for `resdiff git`, where --rules is optional and --format also names report formats.
void add_check_options(boost::program_options::options_description& desc, check_settings& s, bool git = false);

class check_session {
public:
    // Validates the settings and reads the rules (throws rules_error, usage_error).
    check_session(check_settings settings, io& io);
    // Checks one comparison; `file` names NEW in annotations.
    void add(const comparison& cmp, const std::string& file);
    // Writes every output; returns 0 when every error rule passed, else 1.
    int finish();
    const rule_set& rules() const { return rules_; }

private:
    check_settings s_;
    io& io_;
    rule_set rules_;
    bool color_ = false;
    std::vector<check_report> reports_;
    std::vector<std::string> json_;
    std::string text_;
    std::string report_md_;
};

}  // namespace resdiff::cli
