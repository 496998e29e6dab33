// The Markdown report through a real GitHub-flavoured Markdown renderer
// (Debian's cmark-gfm, GitHub's own fork of cmark), when it is installed:
// hostile document text must not change the structure of what renders.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "resdiff/render.hpp"
#include "support.hpp"
#include "test_render_html_sample.hpp"

using namespace resdiff;
using render_sample::count_of;

namespace {

const char* const cmark = "/usr/bin/cmark-gfm";

// Renders Markdown to HTML as GitHub parses it (raw HTML kept, tables on).
std::string gfm(const std::string& markdown) {
    const auto dir = scratch_dir("gfm");
    {
        std::ofstream(dir / "in.md", std::ios::binary) << markdown;
    }
    const std::string cmd = std::string(cmark) + " --unsafe -e table -e strikethrough -e autolink '" +
                            (dir / "in.md").string() + "' > '" + (dir / "out.html").string() + "'";
    const int rc = std::system(cmd.c_str());
    REQUIRE(rc != -1);
    REQUIRE(WIFEXITED(rc));
    REQUIRE(WEXITSTATUS(rc) == 0);
    return read_file(dir / "out.html");
}

}  // namespace

TEST_CASE("markdown: hostile text keeps the rendered structure (cmark-gfm)", "[render][markdown][security]") {
    if (!std::filesystem::exists(cmark)) {
        WARN("cmark-gfm is not installed: Markdown rendering check left out");
        return;
    }
    auto clean = render_sample::sample();
    clean.result.notes = {"A note."};
    auto evil = render_sample::sample();
    const std::string payload = "# H | c ` * _ > [l](http://x) ~~s~~ <b>bold</b> " + render_sample::xss_script +
                                " " + render_sample::xss_img + "\n\n> quote\n\n- item\n\n---\n";
    evil.old_doc.meta.title = payload;
    evil.new_doc.meta.title = payload;
    evil.new_doc.meta.symbol = "> " + payload;
    evil.result.units[3].new_ids = {payload};
    evil.result.units[4].ops = {render_sample::ins(payload)};
    evil.result.units[5].lead = {payload, payload, direction::changed};
    evil.result.notes = {payload};
    const std::string a = gfm(render_markdown(clean));
    const std::string b = gfm(render_markdown(evil));
    // Same skeleton: headings, tables, rows, paragraphs of unit text, lists.
    for (const char* tag : {"<h2", "<h3", "<h4", "<table", "<tr", "<p><del", "<p><ins", "<details", "<ul", "<li"}) {
        INFO(tag);
        CHECK(count_of(a, tag) == count_of(b, tag));
    }
    CHECK(count_of(b, "<h1") == 0);
    CHECK(count_of(b, "<blockquote") == 0);
    CHECK(count_of(b, "<hr") == 0);
    CHECK(count_of(b, "<script") == 0);
    CHECK(count_of(b, "<img") == 0);
    CHECK(count_of(b, "<b>bold") == 0);
    CHECK(count_of(b, "<a href") == 0);
    // The text is there to read.
    CHECK(b.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(b.find("&lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
}
