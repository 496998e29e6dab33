// git integration on the command line:
//   resdiff git [REV1 [REV2]] [-- PATH...]     compare documents between commits
//   resdiff extdiff PATH OLD HEX MODE NEW HEX MODE   external diff driver (GIT_EXTERNAL_DIFF, diff.<driver>.command)
//   resdiff textconv FILE                      text of a document, for diff.<driver>.textconv
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/cli.hpp"
#include "cli/cmd_check.hpp"
#include "resdiff/compare.hpp"
#include "resdiff/git.hpp"
#include "resdiff/json.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"

namespace resdiff::cli {

namespace {

namespace fs = std::filesystem;

document empty_document(const std::string& label) {
    document d;
    d.source = label;
    return d;
}

document document_from_bytes(const std::string& bytes, const std::string& label, const ingest_options& in) {
    if (bytes.empty()) return empty_document(label);
    return parse_document(ingest_bytes(bytes, label, in));
}

bool is_document_path(const std::string& path) {
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return false;
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == "txt" || ext == "pdf" || ext == "docx";
}

void set_ignore(const std::vector<std::string>& names, render_options& ropt) {
    for (const auto& name : names) {
        if (name == "routine") ropt.ignore.insert(change_class::routine);
        else if (name == "citation") ropt.ignore.insert(change_class::citation);
        else if (name == "qualifier") ropt.ignore.insert(change_class::qualifier);
        else if (name == "lead") ropt.ignore.insert(change_class::lead);
        else throw usage_error("--ignore takes routine, citation, qualifier or lead, not '" + name + "'");
    }
}

}  // namespace

int run_git(const std::vector<std::string>& all_args, io& io) {
    namespace po = boost::program_options;
    // Everything after "--" is a path, as for git itself.
    std::vector<std::string> args, paths;
    bool after_dashes = false;
    for (const auto& a : all_args) {
        if (!after_dashes && a == "--") after_dashes = true;
        else (after_dashes ? paths : args).push_back(a);
    }
    po::options_description desc(
        "Usage: resdiff git [REV1 [REV2]] [-- PATH...] [options]\n"
        "Compare documents between two commits of the repository resdiff runs in:\n"
        "no revision: the working tree against HEAD; one: the working tree against REV1;\n"
        "two: REV1 against REV2. Without PATH, every changed .txt, .pdf and .docx file.\n"
        "With --rules, check each changed document against the rules instead (as 'resdiff check').\n"
        "Exit status: 0 no differences (or every error rule passed), 1 differences (or a rule\n"
        "failed), 2 trouble (outside a repository, unknown revision, unreadable file).\n\nOptions");
    std::vector<std::string> revs, ignore;
    check_settings cs;
    bool context = false;
    int width = 0;
    std::size_t max_input = ingest_options{}.max_input_bytes;
    desc.add_options()("help,h", "show this help");
    add_check_options(desc, cs, true);
    desc.add_options()
        ("context", po::bool_switch(&context), "show unchanged paragraphs too")
        ("ignore", po::value(&ignore), "hide units whose only changes are of this class (routine)")
        ("width", po::value(&width), "wrap terminal output at this column (default: terminal width, 0: no wrap)")
        ("revs", po::value(&revs), "REV1 and REV2");
    add_max_input_option(desc, max_input);
    po::positional_options_description pos;
    pos.add("revs", -1);
    const auto vm = parse_command_line(args, desc, pos, io);
    if (!vm) return exit_same;   // --help
    git::toplevel();   // clear error outside a repository
    // Like git: operands that are not revisions but existing paths are paths.
    while (!revs.empty() && !git::is_commit(revs.back())) {
        std::error_code ec;
        if (!fs::exists(revs.back(), ec)) throw usage_error("git: '" + revs.back() + "' is neither a revision nor a file (use -- before paths)");
        paths.insert(paths.begin(), revs.back());
        revs.pop_back();
    }
    if (revs.size() > 2) throw usage_error("git: at most two revisions (REV1 REV2)");
    const std::string rev1 = revs.empty() ? "HEAD" : revs[0];
    const std::string rev2 = revs.size() == 2 ? revs[1] : "";
    git::resolve(rev1);
    if (!rev2.empty()) git::resolve(rev2);
    const fs::path top = git::toplevel();

    std::vector<git::changed_file> files;
    for (auto& f : git::changed_files(rev1, rev2, paths)) {
        if (paths.empty() && !is_document_path(f.path)) continue;
        files.push_back(std::move(f));
    }

    ingest_options in;
    in.max_input_bytes = max_input;
    const auto load = [&](const git::changed_file& f, bool old_side) {
        const std::string& rev = old_side ? rev1 : rev2;
        const bool absent = old_side ? f.status == 'A' : f.status == 'D';
        const std::string label = rev.empty() ? f.path : rev + ":" + f.path;
        if (absent) return empty_document(label);
        if (rev.empty()) {
            document d = parse_file(top / f.path, in);
            d.source = label;
            return d;
        }
        return document_from_bytes(git::show(rev, f.path, top), label, in);
    };

    if (vm->count("rules")) {
        check_session session(cs, io);
        for (const auto& f : files) {
            document old_doc = load(f, true), new_doc = load(f, false);
            print_warnings(io, old_doc);
            print_warnings(io, new_doc);
            session.add(compare(std::move(old_doc), std::move(new_doc)), f.path);
        }
        if (files.empty()) io.err << "resdiff: git: no changed document to check\n";
        return session.finish();
    }

    // Report mode: the comparison of each changed document.
    output_format fmt = output_format::terminal;
    if (!cs.format.empty()) {
        const auto f = format_from_name(cs.format);
        if (!f || *f == output_format::docx) throw usage_error("git: unknown --format '" + cs.format + "'");
        fmt = *f;
    } else if (!cs.output.empty() && cs.output != "-") {
        if (const auto f = format_from_extension(cs.output)) fmt = *f;
    }
    for (const char* opt : {"annotations", "junit", "report"}) {
        if (vm->count(opt)) throw usage_error(std::string("git: --") + opt + " needs --rules");
    }
    if (fmt == output_format::html && files.size() > 1) {
        throw usage_error("git: --format html shows one document; name it after -- (" + std::to_string(files.size()) + " changed)");
    }
    render_options ropt;
    ropt.context = context;
    const bool to_stdout = cs.output.empty() || cs.output == "-";
    ropt.color = fmt == output_format::terminal && to_stdout && use_color(cs.color, io);
    ropt.width = vm->count("width") ? width : (to_stdout && io.out_is_tty ? io.columns : 0);
    set_ignore(ignore, ropt);

    std::string report;
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    bool different = false;
    for (const auto& f : files) {
        document old_doc = load(f, true), new_doc = load(f, false);
        print_warnings(io, old_doc);
        print_warnings(io, new_doc);
        const std::string old_label = old_doc.source, new_label = new_doc.source;
        const comparison cmp = compare(std::move(old_doc), std::move(new_doc));
        if (!cmp.identical()) different = true;
        switch (fmt) {
            case output_format::terminal: {
                const char* bold = ropt.color ? "\x1b[1m" : "";
                const char* reset = ropt.color ? "\x1b[0m" : "";
                report.append(report.empty() ? "" : "\n").append(bold).append("resdiff ").append(old_label).append(" -> ");
                report.append(new_label).append(reset).append("\n").append(render_terminal(cmp, ropt));
                break;
            }
            case output_format::markdown:
                report.append(report.empty() ? "" : "\n").append("# ").append(f.path).append("\n\n");
                report.append(render_markdown(cmp, ropt));
                break;
            case output_format::html: report = render_html(cmp, ropt); break;
            case output_format::json: {
                nlohmann::ordered_json j;
                j["path"] = f.path;
                j["status"] = std::string(1, f.status);
                j["old"] = old_label;
                j["new"] = new_label;
                j["comparison"] = nlohmann::ordered_json::parse(comparison_to_json(cmp));
                all.push_back(std::move(j));
                break;
            }
            case output_format::docx: break;
        }
    }
    if (fmt == output_format::json) report = all.dump(2) + "\n";
    if (files.empty() && fmt == output_format::terminal) io.err << "resdiff: git: no changed document\n";
    emit(io, cs.output, report);
    return different ? exit_different : exit_same;
}

int run_git_driver(const std::vector<std::string>& args, io& io) {
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        io.out << "Usage: resdiff extdiff PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH INFO]\n"
                  "External diff driver for git (GIT_EXTERNAL_DIFF, diff.<driver>.command): git calls it\n"
                  "with these 7 (9 for renames) arguments. Prints the clause-by-clause comparison and exits 0\n"
                  "so that git goes on to the next file (see docs/git.md).\n";
        return exit_same;
    }
    if (args.size() != 7 && args.size() != 9) {
        throw usage_error("extdiff: git passes 7 or 9 arguments (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE), got " +
                          std::to_string(args.size()));
    }
    const std::string& path = args[0];
    const std::string& new_path = args.size() == 9 ? args[7] : path;
    const auto load = [&](const std::string& file, const std::string& label) {
        if (file == "/dev/null") return empty_document(label);
        document d = parse_file(file);
        d.source = label;
        return d;
    };
    document old_doc = load(args[1], "a/" + path);
    document new_doc = load(args[4], "b/" + new_path);
    print_warnings(io, old_doc);
    print_warnings(io, new_doc);
    // git runs drivers with the pager on the other end of a pipe; it says so in GIT_PAGER_IN_USE.
    const char* pager = std::getenv("GIT_PAGER_IN_USE");
    const bool color = !io.no_color && (io.out_is_tty || (pager && std::string(pager) == "true"));
    render_options ropt;
    ropt.color = color;
    ropt.width = io.out_is_tty ? io.columns : 0;
    const comparison cmp = compare(std::move(old_doc), std::move(new_doc));
    io.out << (color ? "\x1b[1m" : "") << "resdiff a/" << path << " b/" << new_path << (color ? "\x1b[0m" : "") << '\n';
    io.out << render_terminal(cmp, ropt);
    return exit_same;
}

int run_textconv(const std::vector<std::string>& args, io& io) {
    namespace po = boost::program_options;
    po::options_description desc(
        "Usage: resdiff textconv FILE [--lines]\n"
        "Print the text of a resolution or draft (.txt, .pdf, .docx) for git's textconv:\n"
        "one paragraph per line (operative paragraphs with their number), then the footnotes.\n\nOptions");
    std::string file;
    bool lines = false;
    std::size_t max_input = ingest_options{}.max_input_bytes;
    desc.add_options()
        ("help,h", "show this help")
        ("lines", po::bool_switch(&lines), "print the extracted lines as they are instead of one paragraph per line")
        ("file", po::value(&file), "the document");
    add_max_input_option(desc, max_input);
    po::positional_options_description pos;
    pos.add("file", 1);
    const auto vm = parse_command_line(args, desc, pos, io);
    if (!vm) return exit_same;   // --help
    if (file.empty()) throw usage_error("textconv: missing operand FILE");
    ingest_options in;
    in.max_input_bytes = max_input;
    const ingested_text text = ingest_file(file, in);
    std::string out;
    if (lines) {
        for (const auto& l : text.lines) out.append(l).append("\n");
    } else {
        const document doc = parse_document(text);
        int section = -1;
        for (const auto* list : {&doc.preamble, &doc.operative}) {
            for (const auto& p : *list) {
                if (p.section != section && p.section >= 0 && static_cast<std::size_t>(p.section) < doc.sections.size()) {
                    const auto& s = doc.sections[static_cast<std::size_t>(p.section)];
                    out.append("\n").append(s.label);
                    if (!s.title.empty()) out.append(" ").append(s.title);
                    out.append("\n\n");
                }
                section = p.section;
                if (!p.number.empty()) out.append(p.number).append(". ");
                out.append(p.text).append("\n");
            }
        }
        if (!doc.footnotes.empty()) out.append("\n");
        for (const auto& f : doc.footnotes) out.append("[").append(std::to_string(f.number)).append("] ").append(f.text).append("\n");
    }
    io.out << out;
    return exit_same;
}

}  // namespace resdiff::cli
