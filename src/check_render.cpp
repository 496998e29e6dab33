// resdiff check, part 3: reports of a check for people and tools.
#include <nlohmann/json.hpp>

#include "resdiff/check.hpp"

namespace resdiff {

namespace {

const char* verdict(const rule_result& r) {
    if (r.passed) return "PASS";
    return r.r.level == severity::error ? "FAIL" : "WARN";
}

std::string where(const violation& v) {
    std::string s;
    if (v.line > 0) s.append("NEW line ").append(std::to_string(v.line));
    else if (v.old_line > 0) s.append("OLD line ").append(std::to_string(v.old_line));
    return s;
}

std::string totals_line(const check_report& report) {
    const std::size_t n = report.results.size();
    const std::size_t errors = report.failed_errors(), warnings = report.failed_warnings();
    std::string s = std::to_string(n);
    s.append(n == 1 ? " rule: " : " rules: ").append(std::to_string(n - errors - warnings)).append(" passed, ");
    s.append(std::to_string(errors)).append(errors == 1 ? " error, " : " errors, ");
    s.append(std::to_string(warnings)).append(warnings == 1 ? " warning" : " warnings");
    return s;
}

// XML 1.0 text: escaped, characters XML cannot hold replaced.
std::string xml_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': out.append("&amp;"); break;
            case '<': out.append("&lt;"); break;
            case '>': out.append("&gt;"); break;
            case '"': out.append("&quot;"); break;
            case '\'': out.append("&apos;"); break;
            default:
                if (c < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') out.push_back('?');
                else out.push_back(ch);
        }
    }
    return out;
}

// GitHub workflow commands: data escapes %, CR, LF; properties also ':' and ','.
std::string gh_data(const std::string& s) {
    std::string out;
    for (const char ch : s) {
        switch (ch) {
            case '%': out.append("%25"); break;
            case '\r': out.append("%0D"); break;
            case '\n': out.append("%0A"); break;
            default: out.push_back(ch);
        }
    }
    return out;
}

std::string gh_property(const std::string& s) {
    std::string out;
    for (const char ch : gh_data(s)) {
        if (ch == ':') out.append("%3A");
        else if (ch == ',') out.append("%2C");
        else out.push_back(ch);
    }
    return out;
}

std::string md_escape(const std::string& s) {
    std::string out;
    for (const char ch : s) {
        if (ch == '|' || ch == '*' || ch == '_' || ch == '`' || ch == '<' || ch == '>' || ch == '[' || ch == ']' || ch == '\\') {
            out.push_back('\\');
        }
        out.push_back(ch == '\n' ? ' ' : ch);
    }
    return out;
}

}  // namespace

std::string render_check_terminal(const check_report& report, bool color) {
    const char* red = color ? "\x1b[1;31m" : "";
    const char* yellow = color ? "\x1b[1;33m" : "";
    const char* green = color ? "\x1b[32m" : "";
    const char* dim = color ? "\x1b[2m" : "";
    const char* reset = color ? "\x1b[0m" : "";
    std::string s = "resdiff check: ";
    s.append(report.old_source).append(" -> ").append(report.new_source).append("\n");
    std::size_t name_width = 4;
    for (const auto& r : report.results) name_width = std::max(name_width, std::min<std::size_t>(r.r.name.size(), 28));
    for (const auto& r : report.results) {
        const char* c = r.passed ? green : r.r.level == severity::error ? red : yellow;
        s.append("  ").append(c).append(verdict(r)).append(reset).append("  ").append(r.r.name);
        s.append(r.r.name.size() < name_width ? std::string(name_width - r.r.name.size(), ' ') : std::string());
        s.append("  ").append(dim).append(to_string(r.r.kind)).append(reset).append(": ").append(r.detail).append("\n");
        for (const auto& v : r.violations) {
            s.append("        ").append(v.what);
            const std::string w = where(v);
            if (!w.empty()) s.append(" ").append(dim).append("[").append(w).append("]").append(reset);
            s.append("\n");
        }
        if (!r.passed) s.append("        ").append(c).append(r.r.message).append(reset).append("\n");
    }
    s.append(report.passed() ? green : red).append(report.passed() ? "passed" : "FAILED").append(reset);
    s.append(": ").append(totals_line(report)).append("\n");
    return s;
}

std::string render_check_markdown(const check_report& report) {
    std::string s = "## resdiff check: ";
    s.append(report.passed() ? "passed" : "failed").append("\n\n");
    s.append("`").append(report.old_source).append("` → `").append(report.new_source).append("`: ");
    s.append(totals_line(report)).append("\n\n");
    s.append("| Result | Rule | Kind | Finding |\n| --- | --- | --- | --- |\n");
    for (const auto& r : report.results) {
        const char* mark = r.passed ? "✅ pass" : r.r.level == severity::error ? "❌ error" : "⚠️ warning";
        s.append("| ").append(mark).append(" | ").append(md_escape(r.r.name)).append(" | ").append(to_string(r.r.kind));
        s.append(" | ").append(md_escape(r.detail)).append(" |\n");
    }
    for (const auto& r : report.results) {
        if (r.passed) continue;
        s.append("\n### ").append(md_escape(r.r.name)).append(": ").append(md_escape(r.r.message)).append("\n\n");
        for (const auto& v : r.violations) {
            s.append("- ").append(md_escape(v.what));
            const std::string w = where(v);
            if (!w.empty()) s.append(" (").append(w).append(")");
            s.append("\n");
        }
    }
    return s;
}

std::string check_to_json(const check_report& report) {
    using json = nlohmann::ordered_json;
    json j;
    j["old"] = report.old_source;
    j["new"] = report.new_source;
    j["passed"] = report.passed();
    j["errors"] = report.failed_errors();
    j["warnings"] = report.failed_warnings();
    json rules = json::array();
    for (const auto& r : report.results) {
        json jr;
        jr["name"] = r.r.name;
        jr["kind"] = to_string(r.r.kind);
        jr["severity"] = to_string(r.r.level);
        jr["message"] = r.r.message;
        jr["passed"] = r.passed;
        jr["detail"] = r.detail;
        json vs = json::array();
        for (const auto& v : r.violations) {
            json jv;
            jv["what"] = v.what;
            jv["old_ids"] = v.old_ids;
            jv["new_ids"] = v.new_ids;
            jv["line"] = v.line;
            jv["old_line"] = v.old_line;
            vs.push_back(std::move(jv));
        }
        jr["violations"] = std::move(vs);
        if (r.r.line > 0) jr["rules_line"] = r.r.line;
        rules.push_back(std::move(jr));
    }
    j["rules"] = std::move(rules);
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string check_to_junit(const std::vector<check_report>& reports) {
    std::size_t tests = 0, failures = 0;
    for (const auto& r : reports) {
        tests += r.results.size();
        failures += r.failed_errors();
    }
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    s.append("<testsuites name=\"resdiff check\" tests=\"").append(std::to_string(tests)).append("\" failures=\"");
    s.append(std::to_string(failures)).append("\">\n");
    for (const auto& report : reports) {
        s.append("  <testsuite name=\"").append(xml_escape(report.new_source)).append("\" tests=\"");
        s.append(std::to_string(report.results.size())).append("\" failures=\"").append(std::to_string(report.failed_errors()));
        s.append("\" errors=\"0\" skipped=\"0\">\n");
        for (const auto& r : report.results) {
            s.append("    <testcase classname=\"resdiff.check.").append(xml_escape(to_string(r.r.kind))).append("\" name=\"");
            s.append(xml_escape(r.r.name)).append("\" file=\"").append(xml_escape(report.new_source)).append("\"");
            std::string body;
            for (const auto& v : r.violations) {
                body.append(v.what);
                const std::string w = where(v);
                if (!w.empty()) body.append(" [").append(w).append("]");
                body.append("\n");
            }
            if (r.passed) {
                s.append("/>\n");
            } else if (r.r.level == severity::error) {
                s.append(">\n      <failure message=\"").append(xml_escape(r.r.message + ": " + r.detail)).append("\" type=\"error\">");
                s.append(xml_escape(body)).append("</failure>\n    </testcase>\n");
            } else {
                s.append(">\n      <system-out>warning: ").append(xml_escape(r.r.message + ": " + r.detail + "\n" + body));
                s.append("</system-out>\n    </testcase>\n");
            }
        }
        s.append("  </testsuite>\n");
    }
    s.append("</testsuites>\n");
    return s;
}

std::string check_to_github(const check_report& report, const std::string& file) {
    std::string s;
    for (const auto& r : report.results) {
        if (r.passed) continue;
        const std::string title = "resdiff " + r.r.name;
        const auto command = [&](const violation* v) {
            s.append(r.r.level == severity::error ? "::error " : "::warning ");
            s.append("file=").append(gh_property(file));
            if (v && v->line > 0) s.append(",line=").append(std::to_string(v->line));
            s.append(",title=").append(gh_property(title)).append("::").append(gh_data(r.r.message));
            if (v) s.append(": ").append(gh_data(v->what));
            else s.append(": ").append(gh_data(r.detail));
            s.append("\n");
        };
        if (r.violations.empty()) command(nullptr);
        for (const auto& v : r.violations) command(&v);
    }
    return s;
}

}  // namespace resdiff
