// The HTML report in a real browser (headless Chromium): the script runs, the
// view switch and filters work from the URL fragment, the counts on the page
// equal the comparison's, document text never runs, the page is not blank.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "browser.hpp"
#include "resdiff/compare.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"
#include "spelling.hpp"
#include "test_render_html_sample.hpp"

namespace fs = std::filesystem;
using namespace resdiff;

namespace {

fs::path work_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("resdiff-browser-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

struct expected_counts {
    std::size_t deleted = 0, inserted = 0, moved = 0, changes = 0;
};

// What the comparison holds: word ops (units and footnotes) and moved units.
expected_counts counts_of(const comparison& c) {
    expected_counts e;
    e.deleted = render_sample::count_ops(c, op_kind::del);
    e.inserted = render_sample::count_ops(c, op_kind::ins);
    for (const auto& u : c.result.units) {
        e.moved += u.moved ? 1 : 0;
        e.changes += u.kind != unit_kind::unchanged ? 1 : 0;
    }
    for (const auto& f : c.result.footnotes) e.changes += f.kind != unit_kind::unchanged ? 1 : 0;
    return e;
}

// The same counts read from the CLI's JSON report (docs/json.md): word ops of
// "alignment" units and "footnotes" in stretches that change the text (more
// than white space or a compound's hyphen), and moved units.
expected_counts counts_from_json(const std::string& text) {
    const auto j = nlohmann::json::parse(text);
    expected_counts e;
    const auto add_ops = [&](const nlohmann::json& holder) {
        std::vector<std::pair<char, std::string>> pieces;
        for (const auto& op : holder.at("ops")) {
            const std::string kind = op.at("op").get<std::string>();
            pieces.emplace_back(kind == "equal"    ? '='
                                : kind == "delete" ? '-'
                                                   : '+',
                                op.at("text").get<std::string>());
        }
        e.deleted += marked_pieces(pieces, '-');
        e.inserted += marked_pieces(pieces, '+');
    };
    for (const auto& u : j.at("alignment")) {
        add_ops(u);
        if (u.at("moved").get<bool>()) ++e.moved;
        if (u.at("kind").get<std::string>() != "unchanged") ++e.changes;
    }
    for (const auto& f : j.at("footnotes")) {
        add_ops(f);
        if (f.at("kind").get<std::string>() != "unchanged") ++e.changes;
    }
    return e;
}

// Runs the real binary on a pair; checks the page's counts against the
// comparison (computed here) and the JSON report of the same pair.
void check_pair(const fs::path& old_file, const fs::path& new_file, const std::string& name) {
    INFO(old_file.string() << " -> " << new_file.string());
    const fs::path dir = work_dir(name);
    const fs::path html = dir / "report.html";
    const std::string cmd = browser::shell_quote(RESDIFF_BINARY) + " " + browser::shell_quote(old_file.string()) + " " +
                            browser::shell_quote(new_file.string()) + " -o " + browser::shell_quote(html.string()) +
                            " 2>/dev/null";
    REQUIRE(browser::run(cmd) <= 1);
    const fs::path json = dir / "report.json";
    REQUIRE(browser::run(browser::shell_quote(RESDIFF_BINARY) + " " + browser::shell_quote(old_file.string()) + " " +
                         browser::shell_quote(new_file.string()) + " -o " + browser::shell_quote(json.string()) +
                         " 2>/dev/null") <= 1);
    const auto expected = counts_of(compare(parse_file(old_file), parse_file(new_file)));

    browser::chromium chrome(dir);
    const std::string dom = chrome.dump_dom(html);
    REQUIRE(dom.find("data-ready=\"1\"") != std::string::npos);   // the script ran to its end
    const auto seen = browser::count_dom(dom);
    CHECK(seen.deleted == expected.deleted);
    CHECK(seen.inserted == expected.inserted);
    CHECK(seen.moved == expected.moved);
    CHECK(seen.changes == expected.changes);
    const auto from_json = counts_from_json(browser::slurp(json));
    CHECK(seen.deleted == from_json.deleted);
    CHECK(seen.inserted == from_json.inserted);
    CHECK(seen.moved == from_json.moved);
    CHECK(seen.changes == from_json.changes);
    CHECK(from_json.deleted + from_json.inserted > 0);   // the pairs differ
    // Size bound of the issue (largest corpus pair < 2 MB).
    CHECK(fs::file_size(html) < 2u * 1024u * 1024u);
}

}  // namespace

TEST_CASE("the fixtures pair's report shows as many changes as the comparison and JSON hold", "[browser]") {
    const fs::path old_file = fs::path(RESDIFF_FIXTURES_DIR) / "A-RES-65-141.txt";
    const fs::path new_file = fs::path(RESDIFF_FIXTURES_DIR) / "example-draft-66.txt";
    REQUIRE(fs::exists(new_file));
    check_pair(old_file, new_file, "fixtures");
}

TEST_CASE("corpus pairs' reports show as many changes as the comparison and JSON hold", "[browser][corpus]") {
    const fs::path corpus = RESDIFF_CORPUS_DIR;
    // Registered only where the corpus is (tests/browser/CMakeLists.txt).
    REQUIRE(fs::exists(corpus / "MANIFEST.tsv"));
    // The largest pair of the corpus that differs (L.58 and 80/118 differ in
    // the hyphens of three compounds only: no change), and a small one of
    // another series.
    check_pair(corpus / "A-C.2-80-L.17.txt", corpus / "A-C.2-80-L.58.txt", "corpus-ict");
    check_pair(corpus / "A-RES-78-144.txt", corpus / "A-C.2-80-L.7.txt", "corpus-agritech");
}

TEST_CASE("the fragment switches the view and filters, without reloading", "[browser]") {
    const fs::path dir = work_dir("fragment");
    const comparison c = render_sample::sample();
    const fs::path html = dir / "report.html";
    write(html, render_html(c));
    const auto expected = counts_of(c);
    REQUIRE(expected.moved == 1);
    browser::chromium chrome(dir);

    const std::string plain = chrome.dump_dom(html);
    CHECK(plain.find("<html lang=\"en\" data-view=\"side\" data-filter=\"\" data-ready=\"1\" data-ready-ms=\"") != std::string::npos);
    const auto all = browser::count_dom(plain);
    CHECK(all.changes == expected.changes);
    CHECK(all.shown == expected.changes);
    CHECK(all.moved == expected.moved);
    CHECK(all.deleted == expected.deleted);
    CHECK(all.inserted == expected.inserted);

    const std::string moved = chrome.dump_dom(html, "view=inline&filter=moved");
    CHECK(moved.find("<html lang=\"en\" data-view=\"inline\" data-filter=\"moved\" data-ready=\"1\"") != std::string::npos);
    CHECK(moved.find("data-view=\"inline\" aria-pressed=\"true\"") != std::string::npos);
    CHECK(moved.find("data-view=\"side\" aria-pressed=\"false\"") != std::string::npos);
    CHECK(moved.find("data-f=\"moved\" aria-pressed=\"true\"") != std::string::npos);
    const auto only_moved = browser::count_dom(moved, "moved");
    CHECK(only_moved.shown == expected.moved);
    CHECK(only_moved.shown_matching == expected.moved);
    CHECK(moved.find("<span id=\"status\" role=\"status\" aria-live=\"polite\">1 of " +
                     std::to_string(expected.changes) + " changes shown</span>") != std::string::npos);
    // Unchanged paragraphs are out of the way while a filter is on, and so is a part with nothing to show.
    CHECK(moved.find("<details class=\"samegrp\" hidden=\"\">") != std::string::npos);
    CHECK(moved.find("<div class=\"pgrp\" hidden=\"\">\n<h2 class=\"parth\" id=\"preamble\">") != std::string::npos);
    CHECK(moved.find("<div class=\"pgrp\">\n<h2 class=\"parth\" id=\"operative\">") != std::string::npos);

    const std::string two = chrome.dump_dom(html, "filter=substantive,lead");
    const auto subst = browser::count_dom(two);
    std::size_t expected_shown = 0;
    for (const auto& u : c.result.units) {
        const bool s = std::find(u.classes.begin(), u.classes.end(), change_class::substantive) != u.classes.end();
        const bool l = std::find(u.classes.begin(), u.classes.end(), change_class::lead) != u.classes.end();
        expected_shown += s || l ? 1 : 0;
    }
    for (const auto& f : c.result.footnotes) {
        const bool s =
            std::find(f.classes.begin(), f.classes.end(), change_class::substantive) != f.classes.end();
        const bool l = std::find(f.classes.begin(), f.classes.end(), change_class::lead) != f.classes.end();
        expected_shown += s || l ? 1 : 0;
    }
    CHECK(subst.shown == expected_shown);
    CHECK(expected_shown == 7);   // 5 substantive units, OP1 (lead), footnote 2
}

TEST_CASE("n/j and p/k go to the next and previous change", "[browser]") {
    const fs::path dir = work_dir("keys");
    const fs::path html = dir / "report.html";
    write(html, render_html(render_sample::sample()));
    browser::chromium chrome(dir);
    const auto current = [](const std::string& dom) {
        static const std::regex cur_re("<section class=\"u chg [^\"]* cur\" id=\"([^\"]+)\"");
        std::smatch m;
        return std::regex_search(dom, m, cur_re) ? m[1].str() : std::string("(none)");
    };
    const std::string two = chrome.dump_dom(html, "keys=nn");
    CHECK(current(two) == "old-PP3");   // PP2 first, then the removed old PP3
    CHECK(two.find(">Change 2 of 11</span>") != std::string::npos);
    CHECK(current(chrome.dump_dom(html, "keys=nnjkp")) == "PP2");   // 1, 2, 3, 2, 1
    // Only through the changes the filter shows: the moved one, then nothing further.
    CHECK(current(chrome.dump_dom(html, "filter=moved&keys=nnn")) == "OP2");
    // A link to a unit inside a collapsed group opens the group.
    const std::string at = chrome.dump_dom(html, "at=PP1");
    CHECK(at.find("<details class=\"samegrp\" open=\"\"><summary>1 unchanged paragraph: PP1") != std::string::npos);
}

TEST_CASE("document text with script payloads runs nothing and shows as text", "[browser][security]") {
    const fs::path dir = work_dir("xss");
    // Payloads that would leave a trace in the DOM if they ran.
    const std::string trace_script = "<script>document.documentElement.setAttribute('data-pwned','script')</script>";
    const std::string trace_img = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">";
    const std::string trace_svg = "\"><svg onload=\"document.documentElement.setAttribute('data-pwned','svg')\">";
    const fs::path old_file = dir / "old.txt";
    const fs::path new_file = dir / "new.txt";
    write(old_file, "The General Assembly,\n\nRecalling its resolution 1/1,\n\n1. Decides to act;\n");
    write(new_file, "The General Assembly,\n\nRecalling its resolution 1/1 " + render_sample::xss_script + ",\n\n"
                    "Alarmed by " + render_sample::xss_img + " and " + render_sample::xss_svg + ",\n\n"
                    "1. Decides to act " + trace_script + " " + trace_img + ";\n\n2. Requests " + trace_svg + ";\n");
    const fs::path html = dir / "report.html";
    REQUIRE(browser::run(browser::shell_quote(RESDIFF_BINARY) + " " + browser::shell_quote(old_file.string()) + " " +
                         browser::shell_quote(new_file.string()) + " -o " + browser::shell_quote(html.string()) +
                         " 2>/dev/null") == 1);
    browser::chromium chrome(dir);
    for (const std::string fragment : {"", "view=inline"}) {
        INFO("fragment: " << fragment);
        const std::string dom = chrome.dump_dom(html, fragment);
        REQUIRE(dom.find("data-ready=\"1\"") != std::string::npos);
        CHECK(dom.find("data-pwned=\"") == std::string::npos);
        CHECK(dom.find("<img") == std::string::npos);
        CHECK(dom.find("<svg") == std::string::npos);
        // One script element: the report's own.
        std::size_t scripts = 0;
        for (auto p = dom.find("<script"); p != std::string::npos; p = dom.find("<script", p + 1)) ++scripts;
        CHECK(scripts == 1);
        // The payloads are there, as text.
        CHECK(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        CHECK(dom.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
        CHECK(dom.find("\"&gt;&lt;svg onload=alert(1)&gt;") != std::string::npos);
        CHECK(dom.find("&lt;script&gt;document.documentElement.setAttribute('data-pwned','script')&lt;/script&gt;") !=
              std::string::npos);
    }
    // The sample comparison carries the payloads in every part of the report.
    const fs::path sample = dir / "sample.html";
    write(sample, render_html(render_sample::sample()));
    const std::string dom = chrome.dump_dom(sample, "view=inline");
    CHECK(dom.find("<img") == std::string::npos);
    CHECK(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("the report's screenshots are not blank and the views differ", "[browser]") {
    const fs::path dir = work_dir("shot");
    const fs::path html = dir / "report.html";
    write(html, render_html(render_sample::sample()));
    browser::chromium chrome(dir);
    const fs::path side = chrome.screenshot(html, "", 1200, 1600);
    const fs::path inl = chrome.screenshot(html, "view=inline", 1200, 1600);
    const auto s = browser::png_stats(side);
    CHECK(s.width == 1200);
    CHECK(s.height == 1600);
    CHECK(s.colours > 50);         // text, badges, red and green marks: many colours
    CHECK(s.non_white > 0.05);
    const auto i = browser::png_stats(inl);
    CHECK(i.colours > 50);
    CHECK(browser::slurp(side) != browser::slurp(inl));
}
