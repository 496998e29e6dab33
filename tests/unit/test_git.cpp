// git integration: the subprocess runner, the library functions and the
// documented setups (docs/git.md), each in a temporary repository.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "git_support.hpp"
#include "resdiff/git.hpp"

namespace fs = std::filesystem;
using resdiff::git::run_process;

TEST_CASE("git: run_process passes arguments without a shell and captures both outputs", "[git]") {
    const auto r = run_process({"printf", "%s|%s", "a; echo injected", "$HOME `id`"});
    CHECK(r.status == 0);
    CHECK(r.out == "a; echo injected|$HOME `id`");
    CHECK(r.err.empty());
    const auto e = run_process({"sh", "-c", "echo out; echo err >&2; exit 3"});
    CHECK(e.status == 3);
    CHECK(e.out == "out\n");
    CHECK(e.err == "err\n");
    // Both pipes drained at once: no deadlock on output larger than a pipe buffer.
    const auto big = run_process({"sh", "-c", "head -c 300000 /dev/zero; head -c 300000 /dev/zero >&2"});
    CHECK(big.out.size() == 300000);
    CHECK(big.err.size() == 300000);
    CHECK_THROWS_WITH(run_process({"head", "-c", "100000", "/dev/zero"}, {}, 1000), Catch::Contains("larger than 1000 bytes"));
    CHECK_THROWS_WITH(run_process({"/nonexistent/program"}), Catch::Contains("cannot run /nonexistent/program"));
    const fs::path dir = scratch_dir("git-cwd");
    CHECK(run_process({"pwd"}, dir).out == fs::canonical(dir).string() + "\n");
}

TEST_CASE("git: clear errors outside a repository", "[git]") {
    const fs::path dir = scratch_dir("git-outside");
    CHECK_THROWS_WITH(resdiff::git::toplevel(dir), Catch::StartsWith("not inside a git repository: "));
    CHECK_THROWS_WITH(resdiff::git::file_history("a.txt", dir), Catch::StartsWith("not inside a git repository"));
    CHECK_THROWS_WITH(resdiff::git::changed_files("HEAD", "", {}, dir), Catch::StartsWith("not inside a git repository"));
    temp_repo outside("outside-cli");
    fs::remove_all(outside.dir / ".git");
    const auto r = outside.run({"resdiff", "git"});
    CHECK(r.status == 2);
    CHECK(r.err == "resdiff: not inside a git repository: " + outside.dir.string() + "\n");
    const auto h = outside.run({"resdiff", "git", "--help"});
    CHECK(h.status == 0);
}

TEST_CASE("git: revisions, changed files and file contents", "[git]") {
    temp_repo repo("lib");
    repo.write("drafts/ict.txt", draft_v1);
    repo.write("notes.md", "notes\n");
    repo.commit("first");
    repo.write("drafts/ict.txt", draft_v2);
    repo.write("drafts/new.txt", draft_v1);
    repo.commit("second");
    const auto top = resdiff::git::toplevel(repo.dir / "drafts");
    CHECK(fs::equivalent(top, repo.dir));
    CHECK(resdiff::git::is_commit("HEAD~1", repo.dir));
    CHECK_FALSE(resdiff::git::is_commit("drafts/ict.txt", repo.dir));
    CHECK_FALSE(resdiff::git::is_commit("--output=/tmp/x", repo.dir));
    CHECK(resdiff::git::resolve("HEAD", repo.dir).size() == 40);
    CHECK_THROWS_WITH(resdiff::git::resolve("no-such-branch", repo.dir), "unknown revision 'no-such-branch'");
    CHECK(resdiff::git::show("HEAD~1", "drafts/ict.txt", repo.dir) == draft_v1);
    CHECK_THROWS_WITH(resdiff::git::show("HEAD~1", "drafts/new.txt", repo.dir), Catch::StartsWith("drafts/new.txt does not exist at HEAD~1"));
    const auto changed = resdiff::git::changed_files("HEAD~1", "HEAD", {}, repo.dir);
    REQUIRE(changed.size() == 2);
    CHECK(changed[0].path == "drafts/ict.txt");
    CHECK(changed[0].status == 'M');
    CHECK(changed[1].path == "drafts/new.txt");
    CHECK(changed[1].status == 'A');
    // Working tree against HEAD, limited by a pathspec relative to a subfolder.
    repo.write("drafts/ict.txt", draft_v3);
    repo.write("notes.md", "more notes\n");
    const auto wt = resdiff::git::changed_files("HEAD", "", {"ict.txt"}, repo.dir / "drafts");
    REQUIRE(wt.size() == 1);
    CHECK(wt[0].path == "drafts/ict.txt");
}

TEST_CASE("git: file_history yields each version, oldest first, following renames", "[git]") {
    temp_repo repo("history");
    repo.write("drafts/ict.txt", draft_v1);
    repo.commit("v1");
    repo.write("other.txt", "unrelated\n");
    repo.commit("unrelated change");
    repo.write("drafts/ict.txt", draft_v2);
    repo.commit("v2: verbs");
    repo.must({"git", "mv", "drafts/ict.txt", "drafts/ict-80.txt"});
    repo.commit("rename");
    repo.write("drafts/ict-80.txt", draft_v3);
    repo.commit("v3: qualifier");
    const auto versions = resdiff::git::file_history("drafts/ict-80.txt", repo.dir);
    REQUIRE(versions.size() == 4);
    CHECK(versions[0].text == draft_v1);
    CHECK(versions[0].path == "drafts/ict.txt");
    CHECK(versions[0].subject == "v1");
    CHECK(versions[0].date == "2025-10-01T12:00:00+00:00");
    CHECK(versions[0].label() == versions[0].short_commit + " 2025-10-01");
    CHECK(versions[0].commit.rfind(versions[0].short_commit, 0) == 0);
    CHECK(versions[1].text == draft_v2);
    CHECK(versions[1].date.substr(0, 10) == "2025-10-03");
    CHECK(versions[2].subject == "rename");
    CHECK(versions[2].path == "drafts/ict-80.txt");
    CHECK(versions[2].text == draft_v2);
    CHECK(versions[3].text == draft_v3);
    CHECK(versions[3].commit == resdiff::git::resolve("HEAD", repo.dir));
    const auto last_two = resdiff::git::file_history("drafts/ict-80.txt", repo.dir, 2);
    REQUIRE(last_two.size() == 2);
    CHECK(last_two[1].text == draft_v3);
    // From a subfolder, with a path relative to it.
    CHECK(resdiff::git::file_history("ict-80.txt", repo.dir / "drafts").size() == 4);
    CHECK_THROWS_WITH(resdiff::git::file_history("drafts/none.txt", repo.dir), Catch::Contains("no version in the history"));
}

TEST_CASE("git: resdiff git compares the working tree, commits and paths", "[git][cli]") {
    temp_repo repo("cli");
    repo.write("drafts/ict.txt", draft_v1);
    repo.write("src/main.c", "int main() {}\n");
    repo.commit("v1");
    repo.write("drafts/ict.txt", draft_v2);
    repo.write("src/main.c", "int main() { return 0; }\n");

    // Default: working tree against HEAD, documents only.
    auto r = repo.run({"resdiff", "git"});
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::StartsWith("resdiff HEAD:drafts/ict.txt -> drafts/ict.txt\n"));
    CHECK_THAT(r.out, Catch::Contains("79/194"));
    CHECK(r.out.find("main.c") == std::string::npos);
    repo.commit("v2");
    r = repo.run({"resdiff", "git"});
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("no changed document"));

    // Two revisions, a path after --, JSON.
    r = repo.run({"resdiff", "git", "HEAD~1", "HEAD", "--format", "json", "--", "drafts/ict.txt"});
    CHECK(r.status == 1);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.size() == 1);
    CHECK(j[0]["path"] == "drafts/ict.txt");
    CHECK(j[0]["old"] == "HEAD~1:drafts/ict.txt");
    CHECK(j[0]["new"] == "HEAD:drafts/ict.txt");
    CHECK(j[0]["comparison"].is_object());
    // A path named without --, from a subfolder; a non-document asked for by name.
    r = repo.run({"resdiff", "git", "HEAD~1", "src/main.c"});
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("HEAD~1:src/main.c -> src/main.c"));
    // One revision: the working tree against it.
    repo.write("drafts/ict.txt", draft_v3);
    r = repo.run({"resdiff", "git", "HEAD~1", "--", "drafts"});
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::StartsWith("resdiff HEAD~1:drafts/ict.txt -> drafts/ict.txt\n"));
    // Added and deleted documents.
    repo.write("drafts/added.txt", draft_v1);
    repo.must({"git", "rm", "-q", "--cached", "drafts/ict.txt"});
    repo.commit("add and delete");
    r = repo.run({"resdiff", "git", "HEAD~1", "HEAD"});
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("resdiff HEAD~1:drafts/added.txt -> HEAD:drafts/added.txt"));
    CHECK_THAT(r.out, Catch::Contains("resdiff HEAD~1:drafts/ict.txt -> HEAD:drafts/ict.txt"));
    // Errors.
    r = repo.run({"resdiff", "git", "nosuch", "HEAD"});
    CHECK(r.status == 2);
    CHECK(r.err == "resdiff: unknown revision 'nosuch'\n");
    r = repo.run({"resdiff", "git", "nosuch"});
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("'nosuch' is neither a revision nor a file"));
    r = repo.run({"resdiff", "git", "HEAD", "HEAD", "HEAD"});
    CHECK(r.status == 2);
    r = repo.run({"resdiff", "git", "--junit", "x.xml"});
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("--junit needs --rules"));
}

TEST_CASE("git: resdiff git --rules checks every changed document", "[git][check][cli]") {
    temp_repo repo("check");
    repo.write("drafts/ict.txt", draft_v1);
    repo.write("drafts/other.txt", draft_v1);
    repo.write("rules.toml", "[[rule]]\nname = \"keep\"\nkind = \"no-removal\"\n");
    repo.commit("v1");
    repo.write("drafts/ict.txt", draft_v2);
    repo.write("drafts/other.txt", std::string(draft_v1) + "\n3. Decides to remain seized of the matter.\n");
    repo.commit("v2");
    const auto r = repo.run({"resdiff", "git", "HEAD~1", "HEAD", "--rules", "rules.toml", "--annotations", "github", "--junit",
                             "junit.xml", "--report", "report.md"});
    INFO("stderr: " << r.err);
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("::error file=drafts/ict.txt,line=5,title=resdiff keep::Paragraph removed: OP2 removed"));
    CHECK(r.out.find("file=drafts/other.txt") == std::string::npos);
    CHECK_THAT(r.out, Catch::Contains("resdiff check: HEAD~1:drafts/ict.txt -> HEAD:drafts/ict.txt"));
    CHECK_THAT(r.out, Catch::Contains("resdiff check: HEAD~1:drafts/other.txt -> HEAD:drafts/other.txt"));
    const std::string junit = read_file(repo.dir / "junit.xml");
    CHECK_THAT(junit, Catch::Contains("<testsuites name=\"resdiff check\" tests=\"2\" failures=\"1\">"));
    CHECK_THAT(read_file(repo.dir / "report.md"), Catch::Contains("## resdiff check: failed"));
    const auto only_other = repo.run({"resdiff", "git", "HEAD~1", "HEAD", "--rules", "rules.toml", "--", "drafts/other.txt"});
    CHECK(only_other.status == 0);
}

TEST_CASE("git: external diff driver through GIT_EXTERNAL_DIFF and .gitattributes", "[git][cli]") {
    temp_repo repo("driver");
    repo.write("drafts/ict.txt", draft_v1);
    repo.write("README.md", "readme\n");
    repo.commit("v1");
    repo.write("drafts/ict.txt", draft_v2);
    repo.write("drafts/added.txt", draft_v3);
    repo.write("README.md", "readme, changed\n");
    repo.commit("v2");

    SECTION("GIT_EXTERNAL_DIFF") {
        const auto r = repo.run({"git", "diff", "HEAD~1", "HEAD", "--", "drafts/ict.txt"}, {"GIT_EXTERNAL_DIFF=resdiff extdiff"});
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::StartsWith("resdiff a/drafts/ict.txt b/drafts/ict.txt\n"));
        CHECK_THAT(r.out, Catch::Contains("Requests the Secretary-General"));
    }
    SECTION("diff driver for *.txt in .gitattributes; other files keep git's diff") {
        repo.write(".gitattributes", "*.txt diff=resdiff\n");
        repo.must({"git", "config", "diff.resdiff.command", "resdiff extdiff"});
        const auto r = repo.run({"git", "diff", "HEAD~1", "HEAD"});
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("resdiff a/drafts/ict.txt b/drafts/ict.txt\n"));
        CHECK_THAT(r.out, Catch::Contains("resdiff a/drafts/added.txt b/drafts/added.txt\n"));   // old side is /dev/null
        CHECK_THAT(r.out, Catch::Contains("diff --git a/README.md b/README.md"));
        CHECK_THAT(r.out, Catch::Contains("+readme, changed"));
        CHECK(r.err.empty());
        // git log -p uses it too (--ext-diff).
        const auto log = repo.run({"git", "log", "-p", "--ext-diff", "-1", "--", "drafts/ict.txt"});
        CHECK(log.status == 0);
        CHECK_THAT(log.out, Catch::Contains("resdiff a/drafts/ict.txt b/drafts/ict.txt"));
    }
    SECTION("the driver's argument count is checked") {
        const auto r = repo.run({"resdiff", "extdiff", "a", "b"});
        CHECK(r.status == 2);
        CHECK_THAT(r.err, Catch::Contains("git passes 7 or 9 arguments"));
    }
}

TEST_CASE("git: resdiff as git difftool", "[git][cli]") {
    temp_repo repo("difftool");
    repo.write("drafts/ict.txt", draft_v1);
    repo.commit("v1");
    repo.write("drafts/ict.txt", draft_v2);
    repo.commit("v2");
    repo.must({"git", "config", "difftool.resdiff.cmd", "resdiff \"$LOCAL\" \"$REMOTE\""});
    const auto r = repo.run({"git", "difftool", "--no-prompt", "-t", "resdiff", "HEAD~1", "HEAD", "--", "drafts/ict.txt"});
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("Requests the Secretary-General"));
    CHECK_THAT(r.out, Catch::Contains("80/118"));
    // --trust-exit-code: git stops at the first document that differs (resdiff exits 1) and fails.
    const auto trust = repo.run({"git", "difftool", "--no-prompt", "--trust-exit-code", "-t", "resdiff", "HEAD~1", "HEAD"});
    CHECK(trust.status != 0);
    const auto same = repo.run({"git", "difftool", "--no-prompt", "--trust-exit-code", "-t", "resdiff", "HEAD", "HEAD"});
    CHECK(same.status == 0);
}

TEST_CASE("git: textconv shows a document's text in git diff", "[git][cli]") {
    temp_repo repo("textconv");
    repo.write(".gitattributes", "*.txt diff=resdiff-text\n");
    repo.must({"git", "config", "diff.resdiff-text.textconv", "resdiff textconv"});
    repo.write("drafts/ict.txt", draft_v1);
    repo.commit("v1");
    repo.write("drafts/ict.txt", draft_v2);
    const auto r = repo.run({"git", "diff"});
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("-2. Requests the Secretary-General to submit a report."));
    CHECK_THAT(r.out, Catch::Contains("+1. Encourages Member States to close the digital divide;"));
    // The conversion itself: one paragraph per line, operative numbers kept.
    const auto t = repo.run({"resdiff", "textconv", "drafts/ict.txt"});
    CHECK(t.status == 0);
    CHECK_THAT(t.out, Catch::Contains("\n1. Encourages Member States to close the digital divide;\n"));
    const auto lines = repo.run({"resdiff", "textconv", "--lines", "drafts/ict.txt"});
    CHECK(lines.out == draft_v2);
    const auto missing = repo.run({"resdiff", "textconv", "drafts/none.txt"});
    CHECK(missing.status == 2);
    CHECK_THAT(missing.err, Catch::Contains("drafts/none.txt"));
}

TEST_CASE("git: resdiff history --git PATH takes each commit as a version", "[git][cli]") {
    temp_repo repo("history-cli");
    repo.write("drafts/ict.txt", draft_v1);
    repo.commit("v1");
    repo.write("drafts/ict.txt", draft_v2);
    repo.commit("v2");
    repo.write("drafts/ict.txt", draft_v3);
    repo.commit("v3");
    const auto versions = resdiff::git::file_history("drafts/ict.txt", repo.dir);
    REQUIRE(versions.size() == 3);
    const auto r = repo.run({"resdiff", "history", "--git", "drafts/ict.txt", "--format", "json"});
    CHECK(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["versions"].size() == 3);
    for (std::size_t k = 0; k < 3; ++k) CHECK(j["versions"][k]["source"] == versions[k].label());
    CHECK(j["versions"][0]["source"].get<std::string>().find("2025-10-01") != std::string::npos);
    CHECK(j["versions"][2]["source"].get<std::string>().find("2025-10-03") != std::string::npos);
    CHECK(j["order_note"] == "the commits' order, oldest first");  // not "--keep-order", never given
    const auto terminal = repo.run({"resdiff", "history", "--git", "drafts/ict.txt", "--color=never"});
    CHECK_THAT(terminal.out,
               Catch::Contains("3 versions, in the order given (the commits' order, oldest first)"));
    const auto one = repo.run({"resdiff", "history", "--git", "drafts/ict.txt", "other.txt"});
    CHECK(one.status == 2);
    fs::remove_all(repo.dir / ".git");
    const auto outside = repo.run({"resdiff", "history", "--git", "drafts/ict.txt"});
    CHECK(outside.status == 2);
    CHECK_THAT(outside.err, Catch::Contains("not inside a git repository"));
}

TEST_CASE("git: textconv and resdiff git on Word drafts", "[git][cli]") {
    temp_repo repo("docx");
    repo.write(".gitattributes", "*.docx diff=resdiff-text\n");
    repo.must({"git", "config", "diff.resdiff-text.textconv", "resdiff textconv"});
    // Word files written by resdiff itself (a redline; read with its changes accepted).
    const std::string old_txt = fixture("check/old.txt").string(), new_txt = fixture("check/new.txt").string();
    repo.run({"resdiff", old_txt, old_txt, "--format", "docx", "-o", "draft.docx"});
    REQUIRE(fs::exists(repo.dir / "draft.docx"));
    repo.commit("v1");
    repo.run({"resdiff", old_txt, new_txt, "--format", "docx", "-o", "draft.docx"});
    repo.commit("v2");
    const auto r = repo.run({"git", "diff", "HEAD~1", "HEAD", "--", "draft.docx"});
    CHECK(r.status == 0);
    CHECK(r.out.find("Binary files") == std::string::npos);
    CHECK_THAT(r.out, Catch::Contains("\n-2. Urges Member States"));
    CHECK_THAT(r.out, Catch::Contains("\n+2. Encourages Member States"));
    const auto g = repo.run({"resdiff", "git", "HEAD~1", "HEAD", "--format", "json", "--", "draft.docx"});
    CHECK(g.status == 1);
    const auto j = nlohmann::json::parse(g.out);
    REQUIRE(j.size() == 1);
    CHECK(j[0]["comparison"].dump().find("Encourages") != std::string::npos);
}
