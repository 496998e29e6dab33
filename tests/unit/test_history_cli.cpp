// `resdiff history`: command line, formats, order, leaving out, colours, and
// the HTML page (escaping, self-containment; headless Chromium when present).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli/cli.hpp"
#include "resdiff/history.hpp"
#include "resdiff/parse.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

// Three versions of a small resolution, named like corpus files so the order
// comes from the file names; written in the usual resolution layout.
struct series {
    fs::path dir;
    fs::path v70, v71, v72, other;
    explicit series(const std::string& name) : dir(scratch_dir(name)) {
        v70 = dir / "A-RES-70-10.txt";
        v71 = dir / "A-RES-71-20.txt";
        v72 = dir / "A-RES-72-30.txt";
        other = dir / "A-RES-72-99.txt";
        write(v70,
              "The General Assembly,\n\n"
              "Recalling its resolution 65/141 of 20 December 2010 on information and communications technologies for development,\n\n"
              "Recognizing that information and communications technologies can help to close the digital divide,\n\n"
              "1. Requests the Secretary-General to submit a report on the implementation of the present resolution;\n\n"
              "2. Decides to include in the provisional agenda of its seventy-first session the item entitled \"Information and "
              "communications technologies for development\".\n");
        write(v71,
              "The General Assembly,\n\n"
              "Recalling its resolution 65/141 of 20 December 2010 on information and communications technologies for development,\n\n"
              "Recognizing that information and communications technologies can help to close the digital divide between countries,\n\n"
              "1. Requests the Secretary-General to submit a report on the implementation of the present resolution;\n\n"
              "2. Calls upon Member States to <script>alert(1)</script> & strengthen cooperation;\n\n"
              "3. Decides to include in the provisional agenda of its seventy-second session the item entitled \"Information and "
              "communications technologies for development\".\n");
        write(v72,
              "The General Assembly,\n\n"
              "Recalling its resolution 65/141 of 20 December 2010 on information and communications technologies for development,\n\n"
              "Recognizing that information and communications technologies can help to close the digital divide between and within countries,\n\n"
              "1. Requests the Secretary-General to submit a report on the implementation of the present resolution;\n\n"
              "2. Calls upon Member States to <script>alert(1)</script> & strengthen cooperation;\n\n"
              "3. Decides to include in the provisional agenda of its seventy-third session the item entitled \"Information and "
              "communications technologies for development\".\n");
        write(other,
              "The General Assembly,\n\n"
              "Deeply concerned about the situation of refugees in the region of the Great Lakes,\n\n"
              "1. Appeals to donors to fund humanitarian operations for displaced persons;\n");
    }
};

}  // namespace

TEST_CASE("history cli: orders the versions by session and says so", "[history][cli]") {
    series s("history-order");
    cli_run r({"history", s.v72.string(), s.v70.string(), s.v71.string()});
    INFO(r.err);
    CHECK(r.rc == 0);
    CHECK(r.out.find("ordered by session and date") != std::string::npos);
    const auto table = r.out.find(" #  Version");
    REQUIRE(table != std::string::npos);
    const auto p70 = r.out.find("A/RES/70/10", table), p71 = r.out.find("A/RES/71/20", table), p72 = r.out.find("A/RES/72/30", table);
    REQUIRE(p70 != std::string::npos);
    REQUIRE(p71 != std::string::npos);
    REQUIRE(p72 != std::string::npos);
    CHECK(p70 < p71);
    CHECK(p71 < p72);
    CHECK(r.out.find("Newest text (A/RES/72/30)") != std::string::npos);
    // No colour into a pipe.
    CHECK(r.out.find('\x1b') == std::string::npos);

    cli_run kept({"history", "--keep-order", s.v72.string(), s.v70.string(), s.v71.string()});
    CHECK(kept.rc == 0);
    CHECK(kept.out.find("in the order given (--keep-order)") != std::string::npos);
    CHECK(kept.out.find("Newest text (A/RES/71/20)") != std::string::npos);
}

TEST_CASE("history cli: JSON holds versions, lineage and blame that spells the newest text", "[history][cli][json]") {
    series s("history-json");
    cli_run r({"history", "--format", "json", s.v70.string(), s.v71.string(), s.v72.string()});
    INFO(r.err);
    REQUIRE(r.rc == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["resdiff_history"] == 1);
    CHECK(j["order"] == "chronological");
    REQUIRE(j["versions"].size() == 3);
    CHECK(j["versions"][0]["symbol"] == "A/RES/70/10");
    CHECK(j["versions"][2]["session"] == 72);
    REQUIRE(j["lineage"].size() == 3);
    CHECK(j["lineage"][0]["paragraphs"].size() == j["versions"][0]["stats"]["paragraphs"]);
    // The blame of the newest version spells its paragraphs; the words of
    // "Requests the Secretary-General" come from the first version.
    const resdiff::document newest = resdiff::parse_file(s.v72);
    std::vector<std::string> texts;
    for (const auto* list : {&newest.preamble, &newest.operative}) {
        for (const auto& p : *list) texts.push_back(p.text);
    }
    REQUIRE(j["blame"].size() == texts.size());
    bool found_old_request = false;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        std::string spelled;
        for (const auto& run : j["blame"][i]["runs"]) {
            spelled += run["text"].get<std::string>();
            if (run["text"].get<std::string>().find("Requests the Secretary-General") != std::string::npos && run["version"] == 0) {
                found_old_request = true;
            }
        }
        CHECK(spelled == texts[i]);
    }
    CHECK(found_old_request);
    CHECK(j["excluded"].empty());
}

TEST_CASE("history cli: a different text is left out and named on stderr", "[history][cli]") {
    series s("history-other");
    cli_run r({"history", s.v70.string(), s.v71.string(), s.other.string(), s.v72.string()});
    CHECK(r.rc == 0);
    CHECK(r.err.find("A-RES-72-99.txt: left out: not the same text") != std::string::npos);
    CHECK(r.out.find("Left out: ") != std::string::npos);
    CHECK(r.out.find("3 versions") != std::string::npos);
    cli_run all({"history", "--keep-all", s.v70.string(), s.v71.string(), s.other.string(), s.v72.string()});
    CHECK(all.rc == 0);
    CHECK(all.out.find("4 versions") != std::string::npos);
    // Two files of different texts: nothing to trace.
    cli_run two({"history", s.v70.string(), s.other.string()});
    CHECK(two.rc == 2);
    CHECK(two.err.find("left out") != std::string::npos);
    CHECK(two.err.find("fewer than two versions") != std::string::npos);
}

TEST_CASE("history cli: progress on a terminal once the run is long, erased at the end", "[history][cli][progress]") {
    series s("history-progress");
    const std::vector<std::string> args{"history", "--format", "json", s.v70.string(), s.v71.string(), s.v72.string()};
    const auto run_with = [&](bool err_tty, std::chrono::milliseconds after, std::string& out) {
        std::ostringstream o, e;
        resdiff::cli::io io{o, e, false, err_tty, 80, false};
        io.progress_after = after;
        const int rc = resdiff::cli::run(args, io);
        out = o.str();
        REQUIRE(rc == 0);
        return e.str();
    };
    std::string quiet_out, shown_out;

    SECTION("a run longer than the delay shows each step on one line, then erases it") {
        // A delay of zero stands for a long run: every step is past it.
        const std::string err = run_with(true, std::chrono::milliseconds(0), shown_out);
        CHECK(err.find("\rresdiff: history: reading 1/3\x1b[K") != std::string::npos);
        CHECK(err.find("\rresdiff: history: reading 3/3\x1b[K") != std::string::npos);
        CHECK(err.find("\rresdiff: history: comparing 2/2\x1b[K") != std::string::npos);
        // The last thing written erases the line, so the report is not mixed with it.
        const std::string erase = "\r\x1b[K";
        REQUIRE(err.size() >= erase.size());
        CHECK(err.compare(err.size() - erase.size(), erase.size(), erase) == 0);
        CHECK(err.find('\n') == std::string::npos);
        // Progress goes to stderr only: the report is the same as without it.
        run_with(false, std::chrono::milliseconds(0), quiet_out);
        CHECK(shown_out == quiet_out);
    }
    SECTION("stderr not a terminal: nothing, however long the run") {
        CHECK(run_with(false, std::chrono::milliseconds(0), quiet_out).empty());
    }
    SECTION("a run shorter than the delay: nothing") {
        CHECK(run_with(true, std::chrono::hours(1), quiet_out).empty());
    }
}

TEST_CASE("history cli: usage errors and missing files", "[history][cli]") {
    series s("history-usage");
    cli_run one({"history", s.v70.string()});
    CHECK(one.rc == 2);
    CHECK(one.err.find("at least two versions") != std::string::npos);
    cli_run md({"history", "--format", "markdown", s.v70.string(), s.v71.string()});
    CHECK(md.rc == 2);
    cli_run missing({"history", s.v70.string(), (s.dir / "nope.txt").string()});
    CHECK(missing.rc == 2);
    CHECK(missing.err.find("nope.txt") != std::string::npos);
    cli_run help({"history", "--help"});
    CHECK(help.rc == 0);
    CHECK(help.out.find("--keep-order") != std::string::npos);
    cli_run top({"--help"});
    CHECK(top.out.find("history") != std::string::npos);
}

TEST_CASE("history cli: --blame colours words by age, respecting --color and NO_COLOR", "[history][cli]") {
    series s("history-blame");
    const std::vector<std::string> args = {"history", "--blame", s.v70.string(), s.v71.string(), s.v72.string()};
    {
        std::ostringstream o, e;
        resdiff::cli::io tty{o, e, true, false, 100, false};
        CHECK(resdiff::cli::run(args, tty) == 0);
        CHECK(o.str().find("\x1b[38;5;") != std::string::npos);
    }
    {
        std::ostringstream o, e;
        resdiff::cli::io tty_no_color{o, e, true, false, 100, true};
        CHECK(resdiff::cli::run(args, tty_no_color) == 0);
        CHECK(o.str().find('\x1b') == std::string::npos);
        // Without colour the runs are marked with the version number.
        CHECK(o.str().find("[1]Recalling") != std::string::npos);
    }
    {
        std::vector<std::string> always = args;
        always.push_back("--color=always");
        cli_run r(always);
        CHECK(r.out.find("\x1b[38;5;") != std::string::npos);
    }
}

TEST_CASE("history cli: --output writes the format of its extension", "[history][cli]") {
    series s("history-output");
    const fs::path html = s.dir / "history.html";
    cli_run r({"history", "-o", html.string(), s.v70.string(), s.v71.string(), s.v72.string()});
    CHECK(r.rc == 0);
    CHECK(r.out.empty());
    const std::string page = read_file(html);
    CHECK(page.rfind("<!doctype html>", 0) == 0);
    const fs::path json = s.dir / "history.json";
    CHECK(cli_run({"history", "-o", json.string(), s.v70.string(), s.v71.string()}).rc == 0);
    CHECK(nlohmann::json::parse(read_file(json))["versions"].size() == 2);
}

TEST_CASE("history html: self-contained, escaped, one row per paragraph with one cell per version", "[history][html]") {
    series s("history-html");
    cli_run r({"history", "--format", "html", s.v70.string(), s.v71.string(), s.v72.string()});
    REQUIRE(r.rc == 0);
    const std::string& page = r.out;
    // Escaped: the script in the text never becomes markup.
    CHECK(page.find("<script>alert(1)</script>") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; strengthen") != std::string::npos);
    // No network: no external URLs in src/href, a CSP forbidding fetches.
    CHECK_FALSE(std::regex_search(page, std::regex(R"((src|href)\s*=\s*["']?(https?:)?//)")));
    CHECK(page.find("default-src 'none'") != std::string::npos);
    // Timeline: three versions.
    std::size_t versions = 0;
    for (auto p = page.find("<li class=\"version\""); p != std::string::npos; p = page.find("<li class=\"version\"", p + 1)) ++versions;
    CHECK(versions == 3);
    // Rows and cells.
    const resdiff::document newest = resdiff::parse_file(s.v72);
    const std::size_t paragraphs = newest.preamble.size() + newest.operative.size();
    std::size_t rows = 0, cells = 0;
    for (auto p = page.find("<details class=\"para\""); p != std::string::npos; p = page.find("<details class=\"para\"", p + 1)) ++rows;
    for (auto p = page.find("<span class=\"cell "); p != std::string::npos; p = page.find("<span class=\"cell ", p + 1)) ++cells;
    CHECK(rows == paragraphs);
    CHECK(cells == rows * 3);
    // Blame view with a legend naming the sessions.
    CHECK(page.find("id=\"blame\"") != std::string::npos);
    CHECK(page.find("(session 70)") != std::string::npos);
    CHECK(page.find("(session 72)") != std::string::npos);
}

TEST_CASE("history html: renders in headless Chromium", "[history][html][browser]") {
    const fs::path chromium = "/usr/bin/chromium";
    if (!fs::exists(chromium)) {
        WARN("no /usr/bin/chromium: browser test skipped");
        return;
    }
    series s("history-browser");
    const fs::path html = s.dir / "history.html";
    REQUIRE(cli_run({"history", "-o", html.string(), s.v70.string(), s.v71.string(), s.v72.string()}).rc == 0);
    const fs::path profile = s.dir / "profile";
    const fs::path dom = s.dir / "dom.html";
    const std::string cmd = chromium.string() +
                            " --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
                            " --no-first-run --disable-sync --user-data-dir=" + profile.string() +
                            " --virtual-time-budget=2000 --dump-dom 'file://" + html.string() + "#OP2' > " + dom.string() + " 2>/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const std::string out = read_file(dom);
    REQUIRE_FALSE(out.empty());
    // The DOM the browser built: the escaped text stayed text (no injected
    // script element), every row is there, and the page's script ran (the
    // row named in the URL fragment was opened).
    CHECK(out.find("<script>alert(1)</script>") == std::string::npos);
    CHECK(out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    const resdiff::document newest = resdiff::parse_file(s.v72);
    std::size_t rows = 0;
    for (auto p = out.find("<details class=\"para\""); p != std::string::npos; p = out.find("<details class=\"para\"", p + 1)) ++rows;
    CHECK(rows == newest.preamble.size() + newest.operative.size());
    if (resdiff::find_paragraph(newest, "OP2")) CHECK(out.find("id=\"OP2\" style=\"--n:3\" open=\"\"") != std::string::npos);
}
