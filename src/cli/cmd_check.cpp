// resdiff check OLD NEW --rules FILE: CI gate on a revision.
#include "cli/cmd_check.hpp"

#include <nlohmann/json.hpp>
#include <ostream>

#include "resdiff/compare.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"

namespace resdiff::cli {

void add_check_options(boost::program_options::options_description& desc, check_settings& s, bool git) {
    namespace po = boost::program_options;
    desc.add_options()
        ("rules,r", po::value(&s.rules_file),
         git ? "check each changed document against the rules in FILE (TOML, docs/rules.md) instead of reporting"
             : "the rules file (TOML, see docs/rules.md); required")
        ("format,f", po::value(&s.format),
         git ? "terminal (default), json, markdown, html (one document); with --rules: terminal, json, markdown"
             : "terminal (default), json or markdown")
        ("output,o", po::value(&s.output), "write the result to FILE (atomically) instead of standard output")
        ("annotations", po::value(&s.annotations),
         git ? "with --rules: github prints GitHub Actions workflow commands for failed rules"
             : "github: print GitHub Actions workflow commands for failed rules")
        ("junit", po::value(&s.junit), git ? "with --rules: also write JUnit XML to FILE" : "also write JUnit XML to FILE")
        ("report", po::value(&s.report),
         git ? "with --rules: also write a Markdown report to FILE (the checks and comparisons)"
             : "also write a Markdown report to FILE: the check and the clause-by-clause comparison")
        ("color", po::value(&s.color), "auto (default), always or never; NO_COLOR is respected");
}

check_session::check_session(check_settings settings, io& io) : s_(std::move(settings)), io_(io) {
    if (s_.rules_file.empty()) throw usage_error("check: --rules FILE is required");
    if (s_.format.empty()) {
        const auto guessed = s_.output.empty() || s_.output == "-" ? std::nullopt : format_from_extension(s_.output);
        s_.format = guessed == output_format::json ? "json" : guessed == output_format::markdown ? "markdown" : "terminal";
    }
    if (s_.format == "text") s_.format = "terminal";
    if (s_.format == "md") s_.format = "markdown";
    if (s_.format != "terminal" && s_.format != "json" && s_.format != "markdown") {
        throw usage_error("check: --format takes terminal, json or markdown, not '" + s_.format + "'");
    }
    if (!s_.annotations.empty() && s_.annotations != "github") {
        throw usage_error("check: --annotations takes github, not '" + s_.annotations + "'");
    }
    const bool to_stdout = s_.output.empty() || s_.output == "-";
    if (!s_.annotations.empty() && s_.format == "json" && to_stdout) {
        throw usage_error("check: --annotations with --format json needs --output FILE (both would go to standard output)");
    }
    color_ = s_.format == "terminal" && to_stdout && use_color(s_.color, io_);
    rules_ = load_rules(s_.rules_file);
}

void check_session::add(const comparison& cmp, const std::string& file) {
    check_report report = check(cmp, rules_);
    if (s_.annotations == "github") io_.out << check_to_github(report, file);
    if (s_.format == "terminal") text_.append(render_check_terminal(report, color_));
    else if (s_.format == "markdown") text_.append(text_.empty() ? "" : "\n").append(render_check_markdown(report));
    else json_.push_back(check_to_json(report));
    if (!s_.report.empty()) {
        render_options ropt;
        ropt.ignore.insert(change_class::routine);
        report_md_.append(report_md_.empty() ? "" : "\n---\n\n").append(render_check_markdown(report));
        report_md_.append("\n").append(render_markdown(cmp, ropt));
    }
    reports_.push_back(std::move(report));
}

int check_session::finish() {
    std::string result = text_;
    if (s_.format == "json") {
        if (json_.size() == 1) {
            result = json_.front();
        } else {
            nlohmann::ordered_json all = nlohmann::ordered_json::array();
            for (const auto& j : json_) all.push_back(nlohmann::ordered_json::parse(j));
            result = all.dump(2) + "\n";
        }
    }
    if (!s_.junit.empty()) write_file_atomic(s_.junit, check_to_junit(reports_));
    if (!s_.report.empty()) write_file_atomic(s_.report, reports_.empty() ? "## resdiff check: no changed document\n" : report_md_);
    emit(io_, s_.output, result);
    for (const auto& r : reports_) {
        if (!r.passed()) return exit_different;
    }
    return exit_same;
}

int run_check(const std::vector<std::string>& args, io& io) {
    namespace po = boost::program_options;
    po::options_description desc(
        "Usage: resdiff check OLD NEW --rules FILE [options]\n"
        "Check a revision against rules: protected paragraphs, removals, weakened verbs,\n"
        "softening qualifiers, required phrases, a change budget (docs/rules.md).\n"
        "Exit status: 0 every rule passed (warnings allowed), 1 a rule of severity error\n"
        "failed, 2 trouble (unreadable input, malformed rules file).\n\nOptions");
    std::vector<std::string> files;
    check_settings settings;
    std::size_t max_input = ingest_options{}.max_input_bytes;
    desc.add_options()("help,h", "show this help");
    add_check_options(desc, settings);
    desc.add_options()
        ("files", po::value(&files), "OLD and NEW");
    add_max_input_option(desc, max_input);
    po::positional_options_description pos;
    pos.add("files", -1);
    const auto vm = parse_command_line(args, desc, pos, io);
    if (!vm) return exit_same;   // --help
    if (files.size() != 2) {
        throw usage_error(files.size() < 2 ? "check: missing operand: need OLD and NEW" : "check: too many operands: need OLD and NEW");
    }
    check_session session(settings, io);   // rules first: a bad rules file fails before any parsing
    ingest_options in;
    in.max_input_bytes = max_input;
    auto [old_doc, new_doc] = load_documents(files[0], in, files[1], in, io);
    session.add(compare(std::move(old_doc), std::move(new_doc)), files[1]);
    return session.finish();
}

}  // namespace resdiff::cli
