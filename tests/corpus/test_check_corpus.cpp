// resdiff check on the real UN texts: every rule kind passing and failing on
// corpus pairs and on revisions derived from corpus documents, annotations
// pointing at the right lines, textconv of official PDFs in git.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "git_support.hpp"
#include "resdiff/check.hpp"
#include "resdiff/compare.hpp"
#include "resdiff/parse.hpp"
#include "support.hpp"

using namespace resdiff;
namespace fs = std::filesystem;

namespace {

fs::path corpus(const std::string& name) { return fs::path(RESDIFF_CORPUS_DIR) / name; }

std::vector<std::string> corpus_texts() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(RESDIFF_CORPUS_DIR)) {
        if (e.path().extension() == ".txt" && e.path().filename() != "README.txt") out.push_back(e.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

rule make(rule_kind kind, const std::string& name) {
    rule r;
    r.kind = kind;
    r.name = name;
    r.scope = kind == rule_kind::no_removal || kind == rule_kind::no_weakening ? rule_scope::operative : rule_scope::all;
    if (kind == rule_kind::max_changes) r.classes = {change_class::substantive};
    return r;
}

// Every kind, strict: passes only when nothing changed.
rule_set strict_rules(const document& doc) {
    rule_set set;
    rule protect = make(rule_kind::protect, "protect-all");
    for (const auto* list : {&doc.preamble, &doc.operative}) {
        for (const auto& p : *list) protect.ids.push_back(p.id);
    }
    protect.allow_routine = false;
    protect.allow_move = false;
    if (!protect.ids.empty()) set.rules.push_back(protect);
    rule removal = make(rule_kind::no_removal, "no-removal");
    removal.scope = rule_scope::all;
    removal.subparagraphs = true;
    set.rules.push_back(removal);
    rule weak = make(rule_kind::no_weakening, "no-weakening");
    weak.scope = rule_scope::all;
    weak.include_changed = true;
    set.rules.push_back(weak);
    set.rules.push_back(make(rule_kind::no_softening, "no-softening"));
    if (!doc.operative.empty()) {
        rule require = make(rule_kind::require_phrase, "require");
        require.phrases = {doc.operative.back().text.substr(0, 40)};
        while (!require.phrases[0].empty() && require.phrases[0].back() == ' ') require.phrases[0].pop_back();
        set.rules.push_back(require);
    }
    set.rules.push_back(make(rule_kind::max_changes, "max-0"));
    return set;
}

void replace_first(std::string& s, const std::string& from, const std::string& to) {
    const auto pos = s.find(from);
    if (pos != std::string::npos) s.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("check corpus: every rule kind passes on a document compared with itself", "[check][corpus]") {
    for (const auto& name : corpus_texts()) {
        INFO(name);
        const document doc = parse_file(corpus(name));
        const comparison cmp = compare(doc, doc);
        const rule_set rules = strict_rules(doc);
        const check_report report = check(cmp, rules);
        for (const auto& r : report.results) {
            INFO(r.r.name << ": " << r.detail);
            CHECK(r.passed);
        }
    }
}

TEST_CASE("check corpus: consecutive resolutions of a series", "[check][corpus]") {
    const comparison cmp = compare(parse_file(corpus("A-RES-79-194.txt")), parse_file(corpus("A-RES-80-118.txt")));
    REQUIRE_FALSE(cmp.identical());
    rule require = make(rule_kind::require_phrase, "require");
    require.phrases = {"information and communications technologies", "2030 Agenda for Sustainable Development"};
    CHECK(check_rule(cmp, require).passed);
    require.phrases = {"information and communications technologies", "no General Assembly text says this"};
    const auto missing = check_rule(cmp, require);
    CHECK_FALSE(missing.passed);
    REQUIRE(missing.violations.size() == 1);
    CHECK(missing.violations[0].what == "missing \"no General Assembly text says this\"");
    rule budget = make(rule_kind::max_changes, "budget");
    budget.max = 0;
    budget.classes = {change_class::substantive, change_class::routine, change_class::lead, change_class::qualifier, change_class::citation};
    const auto over = check_rule(cmp, budget);
    CHECK_FALSE(over.passed);
    CHECK_FALSE(over.violations.empty());
    budget.max = 10000;
    CHECK(check_rule(cmp, budget).passed);
    // A year later the texts differ: protecting every paragraph fails somewhere.
    const auto strict = check(cmp, strict_rules(cmp.old_doc));
    CHECK_FALSE(strict.passed());
}

TEST_CASE("check corpus: a revision dropping an operative paragraph", "[check][corpus]") {
    const document old_doc = parse_file(corpus("A-RES-80-118.txt"));
    REQUIRE(old_doc.operative.size() > 3);
    document new_doc = old_doc;
    new_doc.operative.pop_back();
    const std::string last = old_doc.operative.back().id;
    const comparison cmp = compare(old_doc, new_doc);
    const auto res = check_rule(cmp, make(rule_kind::no_removal, "keep"));
    CHECK_FALSE(res.passed);
    REQUIRE(res.violations.size() == 1);
    CHECK_THAT(res.violations[0].what, Catch::StartsWith(last + " removed: \""));
    CHECK(res.violations[0].line == new_doc.operative.back().lines.first);   // where it stood: after the new last paragraph
    rule preamble = make(rule_kind::no_removal, "keep-preamble");
    preamble.scope = rule_scope::preamble;
    CHECK(check_rule(cmp, preamble).passed);
    rule protect = make(rule_kind::protect, "protect");
    protect.ids = {old_doc.operative.front().id};
    CHECK(check_rule(cmp, protect).passed);
    protect.ids = {last};
    CHECK_FALSE(check_rule(cmp, protect).passed);
}

TEST_CASE("check corpus: a revision rewording one operative paragraph", "[check][corpus]") {
    const document old_doc = parse_file(corpus("A-RES-80-118.txt"));
    REQUIRE(old_doc.operative.size() > 3);
    document new_doc = old_doc;
    auto& p = new_doc.operative[2];
    const std::string id = p.id;
    replace_first(p.text, " the ", " the relevant ");
    replace_first(p.intro, " the ", " the relevant ");
    REQUIRE(p.text != old_doc.operative[2].text);
    const comparison cmp = compare(old_doc, new_doc);
    rule protect = make(rule_kind::protect, "protect");
    protect.ids = {old_doc.operative[1].id, old_doc.operative[3].id};
    CHECK(check_rule(cmp, protect).passed);
    protect.phrases = {old_doc.operative[2].text.substr(0, 30)};
    const auto res = check_rule(cmp, protect);
    CHECK_FALSE(res.passed);
    REQUIRE(res.violations.size() == 1);
    CHECK_THAT(res.violations[0].what, Catch::Contains(id + " (holding"));
    CHECK_THAT(res.violations[0].what, Catch::Contains("changed"));
    CHECK(res.violations[0].line == p.lines.first);
}

TEST_CASE("check corpus: a weakened verb and a softening qualifier in a real draft", "[check][corpus][semantics]") {
    const document old_doc = parse_file(corpus("A-C.2-80-L.17.txt"));
    document new_doc = old_doc;
    paragraph* urges = nullptr;
    for (auto& p : new_doc.operative) {
        if (p.text.rfind("Urges ", 0) == 0) {
            urges = &p;
            break;
        }
    }
    REQUIRE(urges != nullptr);
    const std::string weakened_id = urges->id;
    replace_first(urges->text, "Urges", "Encourages");
    replace_first(urges->intro, "Urges", "Encourages");
    replace_first(urges->lead, "Urges", "Encourages");
    paragraph* requests = nullptr;
    for (auto& p : new_doc.operative) {
        if (p.text.rfind("Requests the Secretary-General to ", 0) == 0 && &p != urges) {
            requests = &p;
            break;
        }
    }
    REQUIRE(requests != nullptr);
    const std::string softened_id = requests->id;
    replace_first(requests->text, "Requests the Secretary-General to ", "Requests the Secretary-General, as appropriate, to ");
    replace_first(requests->intro, "Requests the Secretary-General to ", "Requests the Secretary-General, as appropriate, to ");
    const comparison cmp = compare(old_doc, new_doc);
    const auto weak = check_rule(cmp, make(rule_kind::no_weakening, "weak"));
    CHECK_FALSE(weak.passed);
    REQUIRE(weak.violations.size() == 1);
    CHECK_THAT(weak.violations[0].what, Catch::StartsWith(weakened_id + " weakened: \"Urges"));
    const auto soft = check_rule(cmp, make(rule_kind::no_softening, "soft"));
    CHECK_FALSE(soft.passed);
    REQUIRE(soft.violations.size() == 1);
    CHECK_THAT(soft.violations[0].what, Catch::StartsWith(softened_id + " softened"));
    CHECK_THAT(soft.violations[0].what, Catch::Contains("as appropriate"));
    // Each passes on the unchanged draft.
    const comparison same = compare(old_doc, old_doc);
    CHECK(check_rule(same, make(rule_kind::no_weakening, "weak")).passed);
    CHECK(check_rule(same, make(rule_kind::no_softening, "soft")).passed);
}

TEST_CASE("check corpus: annotations point at the line of NEW where each paragraph starts", "[check][corpus][cli]") {
    const fs::path dir = scratch_dir("check-corpus-annotations");
    const std::string old_file = corpus("A-RES-79-194.txt").string(), new_file = corpus("A-RES-80-118.txt").string();
    const document old_doc = parse_file(old_file);
    std::string rules = "[[rule]]\nname = \"every-paragraph\"\nkind = \"protect\"\nallow_routine = false\nids = [";
    for (std::size_t i = 0; i < old_doc.operative.size(); ++i) rules.append(i ? ", \"" : "\"").append(old_doc.operative[i].id).append("\"");
    rules.append("]\n");
    std::ofstream(dir / "rules.toml") << rules;
    cli_run r({"check", old_file, new_file, "--rules", (dir / "rules.toml").string(), "--annotations", "github", "--format", "json",
               "-o", (dir / "out.json").string()});
    CHECK(r.rc == 1);
    std::vector<std::string> lines;
    {
        std::istringstream in(read_file(new_file));
        std::string l;
        while (std::getline(in, l)) lines.push_back(l);
    }
    const document new_doc = parse_file(new_file);
    const auto j = nlohmann::json::parse(read_file(dir / "out.json"));
    std::size_t checked = 0;
    for (const auto& v : j["rules"][0]["violations"]) {
        if (v["new_ids"].empty()) continue;
        const int line = v["line"];
        const paragraph* p = find_paragraph(new_doc, v["new_ids"][0].get<std::string>());
        REQUIRE(p != nullptr);
        REQUIRE(line >= 1);
        REQUIRE(static_cast<std::size_t>(line) <= lines.size());
        // The paragraph starts on that line of the file: its first word stands
        // there, or its number alone with the first word on the next line.
        const std::string first_word = p->text.substr(0, p->text.find(' '));
        const std::string& at = lines[static_cast<std::size_t>(line) - 1];
        INFO(p->id << " at line " << line << ": " << at);
        const bool number_alone = !p->number.empty() && at.find(p->number + ".") != std::string::npos &&
                                  at.find_first_not_of(" \t0123456789.") == std::string::npos;
        if (number_alone) {
            REQUIRE(static_cast<std::size_t>(line) < lines.size());
            CHECK(lines[static_cast<std::size_t>(line)].find(first_word) != std::string::npos);
        } else {
            CHECK(at.find(first_word) != std::string::npos);
        }
        const std::string annotation = "::error file=" + new_file + ",line=" + std::to_string(line) + ",";
        CHECK(r.out.find(annotation) != std::string::npos);
        ++checked;
    }
    CHECK(checked > 3);
}

TEST_CASE("check corpus: textconv shows an official PDF's text in git diff", "[git][corpus]") {
    temp_repo repo("pdf-textconv");
    repo.write(".gitattributes", "*.pdf diff=resdiff-text\n");
    repo.must({"git", "config", "diff.resdiff-text.textconv", "resdiff textconv"});
    fs::copy_file(corpus("pdf/A-RES-79-194.pdf"), repo.dir / "ict.pdf");
    repo.commit("79th session");
    fs::copy_file(corpus("pdf/A-RES-80-118.pdf"), repo.dir / "ict.pdf", fs::copy_options::overwrite_existing);
    const auto r = repo.run({"git", "diff"});
    CHECK(r.status == 0);
    CHECK(r.out.find("Binary files") == std::string::npos);
    CHECK_THAT(r.out, Catch::Contains("diff --git a/ict.pdf b/ict.pdf"));
    CHECK_THAT(r.out, Catch::Contains("\n-Recalling"));
    CHECK_THAT(r.out, Catch::Contains("\n+Recalling"));
    const auto t = repo.run({"resdiff", "textconv", "ict.pdf"});
    CHECK(t.status == 0);
    CHECK_THAT(t.out, Catch::Contains("Information and communications technologies for sustainable development"));
}
