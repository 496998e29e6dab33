// scripts/ci-example: the GitHub Actions workflow's core command, run in a
// temporary repository with a base branch and a pull-request branch.
#include <catch2/catch.hpp>

#include <sstream>

#include "git_support.hpp"

namespace {

// The shell lines between "# resdiff-core-begin" and "# resdiff-core-end" of the workflow.
std::string core_command() {
    const std::string yml = read_file(std::filesystem::path(RESDIFF_SOURCE_DIR) / "scripts/ci-example/resdiff-check.yml");
    std::istringstream in(yml);
    std::string line, script;
    bool inside = false;
    while (std::getline(in, line)) {
        const auto text = line.substr(std::min(line.size(), line.find_first_not_of(' ')));
        if (text == "# resdiff-core-begin") inside = true;
        else if (text == "# resdiff-core-end") inside = false;
        else if (inside) script.append(text).append("\n");
    }
    return script;
}

}  // namespace

TEST_CASE("ci example: the workflow's core command", "[git][check][ci]") {
    const std::string core = core_command();
    REQUIRE_THAT(core, Catch::Contains("resdiff git \"$base\" HEAD --rules .resdiff/rules.toml"));
    temp_repo repo("ci");
    repo.write(".resdiff/rules.toml",
               "[[rule]]\nname = \"keep-operative-paragraphs\"\nkind = \"no-removal\"\n"
               "message = \"An operative paragraph was removed\"\n");
    repo.write("drafts/ict.txt", draft_v1);
    repo.write("drafts/other.txt", draft_v1);
    repo.commit("base");
    repo.must({"git", "update-ref", "refs/remotes/origin/main", "main"});
    const std::string script = "set -eu\n" + core + "echo \"status=$status\"\n";

    SECTION("a pull request dropping an operative paragraph fails, with annotations and reports") {
        repo.must({"git", "checkout", "-q", "-b", "pr"});
        repo.write("drafts/ict.txt", draft_v2);
        repo.write("README.md", "not a draft\n");
        repo.commit("pull request");
        const auto r = repo.run({"bash", "-c", script}, {"BASE_REF=main"});
        INFO("stderr: " << r.err);
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("::error file=drafts/ict.txt,line=5,title=resdiff keep-operative-paragraphs::"
                                          "An operative paragraph was removed: OP2 removed"));
        CHECK_THAT(r.out, Catch::EndsWith("status=1\n"));
        const std::string junit = read_file(repo.dir / "resdiff-junit.xml");
        CHECK_THAT(junit, Catch::Contains("<testsuite name=\"HEAD:drafts/ict.txt\" tests=\"1\" failures=\"1\""));
        const std::string report = read_file(repo.dir / "resdiff-report.md");
        CHECK_THAT(report, Catch::StartsWith("## resdiff check: failed"));
        CHECK_THAT(report, Catch::Contains("keep-operative-paragraphs"));
        CHECK(report.find("other.txt") == std::string::npos);
    }
    SECTION("a pull request adding a paragraph passes") {
        repo.must({"git", "checkout", "-q", "-b", "pr2"});
        repo.write("drafts/other.txt", std::string(draft_v1) + "\n3. Decides to remain seized of the matter.\n");
        repo.commit("pull request");
        // main moved on meanwhile: only the pull request's own changes count.
        repo.must({"git", "checkout", "-q", "main"});
        repo.write("drafts/ict.txt", draft_v2);
        repo.commit("main moves on");
        repo.must({"git", "update-ref", "refs/remotes/origin/main", "main"});
        repo.must({"git", "checkout", "-q", "pr2"});
        const auto r = repo.run({"bash", "-c", script}, {"BASE_REF=main"});
        INFO("stderr: " << r.err);
        CHECK(r.status == 0);
        CHECK(r.out.find("::error") == std::string::npos);
        CHECK_THAT(r.out, Catch::EndsWith("status=0\n"));
        CHECK_THAT(read_file(repo.dir / "resdiff-report.md"), Catch::StartsWith("## resdiff check: passed"));
    }
    SECTION("a pull request touching no draft passes") {
        repo.must({"git", "checkout", "-q", "-b", "pr3"});
        repo.write("README.md", "just a readme\n");
        repo.commit("pull request");
        const auto r = repo.run({"bash", "-c", script}, {"BASE_REF=main"});
        CHECK_THAT(r.out, Catch::EndsWith("status=0\n"));
        CHECK_THAT(read_file(repo.dir / "resdiff-report.md"), Catch::Contains("no changed document"));
    }
}
