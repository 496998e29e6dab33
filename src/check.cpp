// resdiff check, part 1: reading rules files (TOML, with toml++ in header-only mode).
#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 1
#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "resdiff/check.hpp"
#include "resdiff/ingest.hpp"

namespace resdiff {

namespace {

std::string locate(const std::string& file, int line, int column) {
    std::string s = file;
    if (line > 0) {
        s.append(":").append(std::to_string(line));
        if (column > 0) s.append(":").append(std::to_string(column));
    }
    return s;
}

struct kind_name {
    rule_kind kind;
    const char* name;
};
constexpr kind_name kind_names[] = {
    {rule_kind::protect, "protect"},           {rule_kind::no_removal, "no-removal"},
    {rule_kind::no_weakening, "no-weakening"}, {rule_kind::no_softening, "no-softening"},
    {rule_kind::require_phrase, "require-phrase"}, {rule_kind::max_changes, "max-changes"},
};

std::string kind_list() {
    std::string s;
    for (const auto& k : kind_names) {
        if (!s.empty()) s.append(", ");
        s.append(k.name);
    }
    return s;
}

// Keys a rule of each kind accepts besides name, kind, severity and message.
std::set<std::string> kind_keys(rule_kind k) {
    switch (k) {
        case rule_kind::protect: return {"ids", "phrases", "ignore_case", "allow_routine", "allow_move"};
        case rule_kind::no_removal: return {"part", "subparagraphs"};
        case rule_kind::no_weakening: return {"part", "include_changed"};
        case rule_kind::no_softening: return {"part"};
        case rule_kind::require_phrase: return {"phrases", "part", "ignore_case"};
        case rule_kind::max_changes: return {"max", "classes"};
    }
    return {};
}

const char* type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::none: break;
    }
    return "nothing";
}

class reader {
public:
    explicit reader(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void fail(const toml::source_region& where, const std::string& problem) const {
        throw rules_error(source_, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), problem);
    }

    std::string get_string(const toml::node& n, const std::string& key, bool allow_empty = false) const {
        const auto* s = n.as_string();
        if (!s) fail(n.source(), "'" + key + "' must be a string, not " + type_name(n));
        std::string v = s->get();
        if (!allow_empty && v.empty()) fail(n.source(), "'" + key + "' must not be empty");
        return v;
    }

    bool get_bool(const toml::node& n, const std::string& key) const {
        const auto* b = n.as_boolean();
        if (!b) fail(n.source(), "'" + key + "' must be true or false, not " + type_name(n));
        return b->get();
    }

    std::vector<std::string> get_strings(const toml::node& n, const std::string& key) const {
        std::vector<std::string> out;
        if (n.is_string()) {   // a single string is a list of one
            out.push_back(get_string(n, key));
            return out;
        }
        const auto* a = n.as_array();
        if (!a) fail(n.source(), "'" + key + "' must be an array of strings, not " + type_name(n));
        if (a->empty()) fail(n.source(), "'" + key + "' must not be empty");
        for (const auto& e : *a) out.push_back(get_string(e, key + "[]"));
        return out;
    }

    rule_scope get_scope(const toml::node& n) const {
        const std::string v = get_string(n, "part");
        if (v == "operative") return rule_scope::operative;
        if (v == "preamble") return rule_scope::preamble;
        if (v == "all") return rule_scope::all;
        fail(n.source(), "'part' takes operative, preamble or all, not '" + v + "'");
    }

    rule read_rule(const toml::table& t, std::size_t index) const {
        rule r;
        r.line = static_cast<int>(t.source().begin.line);
        const toml::node* kind = t.get("kind");
        if (!kind) fail(t.source(), "rule " + std::to_string(index + 1) + " has no 'kind' (one of " + kind_list() + ")");
        const std::string kind_str = get_string(*kind, "kind");
        const auto* found = std::find_if(std::begin(kind_names), std::end(kind_names),
                                         [&](const kind_name& k) { return kind_str == k.name; });
        if (found == std::end(kind_names)) fail(kind->source(), "unknown rule kind '" + kind_str + "' (one of " + kind_list() + ")");
        r.kind = found->kind;
        switch (r.kind) {
            case rule_kind::no_removal:
            case rule_kind::no_weakening: r.scope = rule_scope::operative; break;
            default: r.scope = rule_scope::all; break;
        }
        r.name = std::string(found->name) + "-" + std::to_string(index + 1);
        const auto allowed = kind_keys(r.kind);
        for (const auto& [key, value] : t) {
            const std::string k(key.str());
            if (k == "kind") continue;
            if (k == "name") {
                r.name = get_string(value, k);
            } else if (k == "severity") {
                const std::string s = get_string(value, k);
                if (s == "error") r.level = severity::error;
                else if (s == "warning") r.level = severity::warning;
                else fail(value.source(), "'severity' takes error or warning, not '" + s + "'");
            } else if (k == "message") {
                r.message = get_string(value, k);
            } else if (!allowed.count(k)) {
                fail(key.source(), "unknown key '" + k + "' in a rule of kind '" + kind_str + "'");
            } else if (k == "ids") {
                r.ids = get_strings(value, k);
            } else if (k == "phrases") {
                for (const auto& p : get_strings(value, k)) {
                    // As document text is held: normalized, one space between words.
                    std::string norm;
                    for (const char ch : normalize_text(p)) {
                        const bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
                        if (space && (norm.empty() || norm.back() == ' ')) continue;
                        norm.push_back(space ? ' ' : ch);
                    }
                    while (!norm.empty() && norm.back() == ' ') norm.pop_back();
                    if (norm.empty()) fail(value.source(), "'phrases' holds a blank phrase");
                    r.phrases.push_back(norm);
                }
            } else if (k == "part") {
                r.scope = get_scope(value);
            } else if (k == "ignore_case") {
                r.ignore_case = get_bool(value, k);
            } else if (k == "allow_routine") {
                r.allow_routine = get_bool(value, k);
            } else if (k == "allow_move") {
                r.allow_move = get_bool(value, k);
            } else if (k == "subparagraphs") {
                r.subparagraphs = get_bool(value, k);
            } else if (k == "include_changed") {
                r.include_changed = get_bool(value, k);
            } else if (k == "max") {
                const auto* i = value.as_integer();
                if (!i) fail(value.source(), "'max' must be an integer, not " + std::string(type_name(value)));
                if (i->get() < 0) fail(value.source(), "'max' must not be negative");
                r.max = static_cast<std::size_t>(i->get());
            } else if (k == "classes") {
                for (const auto& c : get_strings(value, k)) {
                    change_class cls{};
                    if (c == "substantive") cls = change_class::substantive;
                    else if (c == "lead") cls = change_class::lead;
                    else if (c == "qualifier") cls = change_class::qualifier;
                    else if (c == "citation") cls = change_class::citation;
                    else if (c == "routine") cls = change_class::routine;
                    else fail(value.source(), "'classes' takes substantive, lead, qualifier, citation or routine, not '" + c + "'");
                    if (std::find(r.classes.begin(), r.classes.end(), cls) == r.classes.end()) r.classes.push_back(cls);
                }
            }
        }
        if (r.kind == rule_kind::protect && r.ids.empty() && r.phrases.empty()) {
            fail(t.source(), "rule '" + r.name + "' of kind protect needs 'ids' or 'phrases'");
        }
        if (r.kind == rule_kind::require_phrase && r.phrases.empty()) {
            fail(t.source(), "rule '" + r.name + "' of kind require-phrase needs 'phrases'");
        }
        if (r.kind == rule_kind::max_changes) {
            if (!t.get("max")) fail(t.source(), "rule '" + r.name + "' of kind max-changes needs 'max'");
            if (r.classes.empty()) r.classes.push_back(change_class::substantive);
        }
        return r;
    }

    rule_set read(const toml::table& root) const {
        rule_set set;
        set.source = source_;
        for (const auto& [key, value] : root) {
            if (key.str() != "rule") {
                fail(key.source(), "unknown key '" + std::string(key.str()) + "' (a rules file holds [[rule]] tables)");
            }
            const auto* arr = value.as_array();
            if (!arr || !arr->is_array_of_tables()) fail(value.source(), "'rule' must be written as [[rule]] tables");
            if (arr->size() > max_rules_count) {
                fail(value.source(), "too many rules (" + std::to_string(arr->size()) + ", at most " + std::to_string(max_rules_count) + ")");
            }
            for (std::size_t i = 0; i < arr->size(); ++i) set.rules.push_back(read_rule(*arr->get(i)->as_table(), i));
        }
        std::set<std::string> names;
        for (const auto& r : set.rules) {
            if (!names.insert(r.name).second) {
                throw rules_error(source_, r.line, 0, "two rules are named '" + r.name + "'");
            }
        }
        return set;
    }

private:
    std::string source_;
};

// Position (1-based line and column) of byte `offset` in `text`.
std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else ++column;
    }
    return {line, column};
}

// Refuses what toml++ should never see: binary data, and nesting deep enough
// to make recursive teardown costly (TOML itself needs very little).
void screen(std::string_view text, const std::string& source) {
    if (text.size() > max_rules_bytes) {
        throw rules_error(source, 0, 0, "rules file too large (" + std::to_string(text.size()) + " bytes, at most " +
                                            std::to_string(max_rules_bytes) + ")");
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        const auto [l, c] = position_of(text, nul);
        throw rules_error(source, l, c, "binary data (NUL byte): not a TOML rules file");
    }
    // Every '[' and '{' opens a level, and so does each '.' of a dotted key; a
    // rules file needs a handful. Counted per line, outside strings, roughly.
    int line = 1, column = 0;
    int depth = 0;
    int dots = 0;   // dotted-key parts on this line
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        ++column;
        if (ch == '\n') {
            ++line, column = 0;
            dots = 0;
            continue;
        }
        if (quote) {
            if (ch == '\\' && quote == '"') ++i, ++column;
            else if (ch == quote) quote = 0;
            continue;
        }
        if (ch == '#') {
            while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
            continue;
        }
        if (ch == '"' || ch == '\'') quote = ch;
        else if (ch == '[' || ch == '{') ++depth;
        else if (ch == ']' || ch == '}') depth = std::max(0, depth - 1);
        else if (ch == '.') ++dots;
        if (dots > 32) throw rules_error(source, line, column, "key nested too deeply (more than 32 dotted parts)");
        if (depth > 32) throw rules_error(source, line, column, "nested too deeply (more than 32 levels of arrays and tables)");
    }
}

}  // namespace

rules_error::rules_error(std::string file, int line, int column, const std::string& problem)
    : std::runtime_error(locate(file, line, column) + ": " + problem),
      file_(std::move(file)),
      line_(line),
      column_(column),
      problem_(problem) {}

rule_set parse_rules(std::string_view text, const std::string& source) {
    screen(text, source);
    toml::table root;
    try {
        root = toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        std::string what(e.description());
        std::replace(what.begin(), what.end(), '\n', ' ');
        throw rules_error(source, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column), what);
    }
    return reader(source).read(root);
}

rule_set load_rules(const std::filesystem::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw rules_error(name, 0, 0, "is a folder, not a rules file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw rules_error(name, 0, 0, std::string("cannot open: ") + std::strerror(errno));
    std::string text;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_rules_bytes) {
            throw rules_error(name, 0, 0, "rules file too large (more than " + std::to_string(max_rules_bytes) + " bytes)");
        }
    }
    if (in.bad()) throw rules_error(name, 0, 0, "cannot read");
    return parse_rules(text, name);
}

const char* to_string(severity s) { return s == severity::error ? "error" : "warning"; }

const char* to_string(rule_kind k) {
    for (const auto& n : kind_names) {
        if (n.kind == k) return n.name;
    }
    return "protect";
}

const char* to_string(rule_scope s) {
    switch (s) {
        case rule_scope::operative: return "operative";
        case rule_scope::preamble: return "preamble";
        case rule_scope::all: break;
    }
    return "all";
}

}  // namespace resdiff
