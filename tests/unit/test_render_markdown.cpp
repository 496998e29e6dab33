// The Markdown report, on a comparison built in code.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "resdiff/render.hpp"
#include "test_render_html_sample.hpp"

using namespace resdiff;
using render_sample::count_of;

namespace {

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// Pipes that delimit table cells (not preceded by a backslash).
std::size_t cell_pipes(const std::string& line) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("markdown: summary table, then each changed unit with labels and word changes", "[render][markdown]") {
    const auto c = render_sample::sample();
    const std::string md = render_markdown(c);
    CHECK(md.rfind("## resdiff: A/RES/79/194 \xE2\x86\x92 A/C.2/80/L.17\n", 0) == 0);
    CHECK(md.find("| Symbol | A/RES/79/194 | A/C.2/80/L.17 |") != std::string::npos);
    CHECK(md.find("| Date | adopted 19 December 2024 | distributed 14 October 2025 |") != std::string::npos);
    CHECK(md.find("**&#9670; 5 with substantive changes** of 11 changed units") != std::string::npos);
    CHECK(md.find("| &#9670; substantive | 5 |") != std::string::npos);
    CHECK(md.find("| &#8635; routine | 1 (1 routine only) |") != std::string::npos);
    CHECK(md.find("| moved | 1 |") != std::string::npos);
    CHECK(md.find("| split | 1 |") != std::string::npos);
    CHECK(md.find("| footnotes changed | 2 |") != std::string::npos);
    // The substantive row comes before the other classes.
    CHECK(md.find("| &#9670; substantive") < md.find("| &#9650; lead"));
    // Units: labels in both versions, kind, classes, word changes.
    CHECK(md.find("#### PP3 (old PP4) \xE2\x80\x94 renumbered") != std::string::npos);
    CHECK(md.find("#### old PP3 \xE2\x80\x94 removed \xC2\xB7 &#9670; substantive") != std::string::npos);
    CHECK(md.find("#### OP2 (old OP5) \xE2\x80\x94 moved") != std::string::npos);
    CHECK(md.find("#### OP3 + OP4 (old OP2) \xE2\x80\x94 split") != std::string::npos);
    CHECK(md.find("<p><del title=\"lead\">&#9650;Encourages</del><ins title=\"lead\">&#9650;Urges</ins> States to act"
                  "<del title=\"qualifier\">&#8776; as appropriate</del>;</p>") != std::string::npos);
    CHECK(md.find("Lead: \xE2\x80\x9C" "Encourages\xE2\x80\x9D \xE2\x86\x92 \xE2\x80\x9CUrges\xE2\x80\x9D, **strengthened**.")
          != std::string::npos);
    CHECK(md.find("Sub-paragraphs: OP6\\(c\\) added.") != std::string::npos);
    CHECK(md.find("#### footnote 1 \xE2\x80\x94 modified \xC2\xB7 &#167; citation, &#8635; routine") != std::string::npos);
    // Unchanged units are not listed.
    CHECK(md.find("#### PP1") == std::string::npos);
    // Routine-only changes are folded.
    const auto routine = md.find("<details><summary>1 routine-only change");
    REQUIRE(routine != std::string::npos);
    CHECK(md.find("#### PP2 \xE2\x80\x94 modified", routine) != std::string::npos);
    // Deterministic.
    CHECK(render_markdown(render_sample::sample()) == md);
}

TEST_CASE("markdown: document text cannot break the Markdown structure", "[render][markdown][security]") {
    auto c = render_sample::sample();
    const std::string evil = "# Heading | cell ` code * em _ u > quote [link](http://x) ~~s~~ " +
                             render_sample::xss_script + "\n\n# new block";
    c.old_doc.meta.title = evil;
    c.new_doc.meta.symbol = "> " + evil;
    c.result.units[3].new_ids = {"#1 | x"};
    c.result.units[4].ops = {render_sample::ins(evil)};
    const std::string md = render_markdown(c);
    for (auto at = md.find("<script"); at != std::string::npos; at = md.find("<script", at + 1)) {
        CHECK(md[at - 1] == '\\');   // only as escaped text
    }
    CHECK(md.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);   // in the unit text
    CHECK(md.find("\\<script\\>alert\\(1\\)\\</script\\>") != std::string::npos);   // in the table
    for (const auto& line : lines_of(md)) {
        INFO(line);
        // No line may open a block the report did not mean to open.
        CHECK(line.rfind(">", 0) != 0);
        if (line.rfind("<p>", 0) != 0) CHECK(line.find("](http") == std::string::npos);
        if (line.rfind("#", 0) == 0) {
            const bool ours = line.rfind("## resdiff: ", 0) == 0 || line.rfind("### Changes", 0) == 0 ||
                              line.rfind("#### ", 0) == 0;
            CHECK(ours);
        }
        // Table rows keep their number of cells.
        if (line.rfind("| ", 0) == 0 && line.find("Old | New") == std::string::npos) {
            const bool two = cell_pipes(line) == 3, three = cell_pipes(line) == 4;
            CHECK((two || three));
        }
        // Unit text stays on its one-line HTML block.
        if (line.rfind("<p>", 0) == 0) CHECK(line.size() >= 7);
        if (line.rfind("<p>", 0) == 0) CHECK(line.substr(line.size() - 4) == "</p>");
    }
    CHECK(md.find("| Title | \\# Heading \\| cell \\` code \\* em \\_ u \\> quote") != std::string::npos);
    CHECK(md.find("#### \\#1 \\| x (old PP4)") != std::string::npos);
}

TEST_CASE("markdown: a long report folds each part in <details>", "[render][markdown]") {
    comparison c;
    c.old_doc.meta.symbol = "A/RES/1";
    c.new_doc.meta.symbol = "A/RES/2";
    for (int i = 1; i <= 20; ++i) {
        const std::string id = (i <= 5 ? "PP" : "OP") + std::to_string(i);
        c.result.units.push_back(render_sample::unit(
            unit_kind::modified, {id}, {id},
            {render_sample::eq("Text "), render_sample::del("old"), render_sample::ins("new")},
            {change_class::substantive}));
    }
    c.totals = summarize(c.result);
    const std::string md = render_markdown(c);
    CHECK(md.find("<details><summary><b>Preamble</b>: 5 changes (5 substantive)</summary>") != std::string::npos);
    CHECK(md.find("<details><summary><b>Operative part</b>: 15 changes (15 substantive)</summary>") !=
          std::string::npos);
    CHECK(count_of(md, "<details>") == count_of(md, "</details>"));
    CHECK(count_of(md, "<del>old</del><ins>new</ins>") == 20);
    // A short one does not.
    c.result.units.resize(3);
    c.totals = summarize(c.result);
    CHECK(render_markdown(c).find("<details>") == std::string::npos);
}

TEST_CASE("markdown: identical texts and ignored classes", "[render][markdown]") {
    comparison same;
    same.old_doc.meta.symbol = "A/RES/1";
    same.new_doc.meta.symbol = "A/RES/1";
    same.totals = summarize(same.result);
    CHECK(render_markdown(same).find("**No differences.**") != std::string::npos);

    render_options opt;
    opt.ignore = {change_class::routine};
    const std::string md = render_markdown(render_sample::sample(), opt);
    CHECK(md.find("#### PP2") == std::string::npos);
    CHECK(md.find("_1 unit with only ignored classes of change not shown._") != std::string::npos);
}

TEST_CASE("markdown: --context lists the unchanged paragraphs, folded", "[render][markdown]") {
    render_options opt;
    opt.context = true;
    const std::string md = render_markdown(render_sample::sample(), opt);
    const auto same = md.find("<details><summary>1 unchanged paragraph</summary>");
    REQUIRE(same != std::string::npos);
    CHECK(md.find("#### PP1 \xE2\x80\x94 unchanged\n\n<p>Recalling its resolution 79/194,</p>", same) != std::string::npos);
    CHECK(render_markdown(render_sample::sample()).find("unchanged paragraph") == std::string::npos);
}

TEST_CASE("markdown: long unchanged runs are shortened around the changes, kept whole with --context", "[render][markdown]") {
    comparison c;
    c.old_doc.meta.symbol = "A/RES/1";
    c.new_doc.meta.symbol = "A/RES/2";
    std::string before, middle, after;
    for (int i = 1; i <= 40; ++i) before.append("b").append(std::to_string(i)).append(" ");
    for (int i = 1; i <= 40; ++i) middle.append(" m").append(std::to_string(i));
    middle += " ";
    for (int i = 1; i <= 40; ++i) after.append(" a").append(std::to_string(i));
    c.result.units.push_back(render_sample::unit(
        unit_kind::modified, {"OP1"}, {"OP1"},
        {render_sample::eq(before), render_sample::del("old"), render_sample::eq(middle), render_sample::ins("new"),
         render_sample::eq(after)},
        {change_class::substantive}));
    c.totals = summarize(c.result);
    const std::string md = render_markdown(c);
    // Before the first change: an ellipsis, then the last 12 words.
    CHECK(md.find("<p>\xE2\x80\xA6 b29 b30") != std::string::npos);
    CHECK(md.find("b28") == std::string::npos);
    CHECK(md.find("b40 <del>old</del>") != std::string::npos);
    // Between changes: 12 words after, an ellipsis, 12 words before.
    CHECK(md.find("<del>old</del> m1 m2 m3 m4 m5 m6 m7 m8 m9 m10 m11 m12 \xE2\x80\xA6 m29 m30") != std::string::npos);
    CHECK(md.find("m20") == std::string::npos);
    CHECK(md.find("m13 ") == std::string::npos);
    CHECK(md.find("m40 <ins>new</ins>") != std::string::npos);
    // After the last change: 12 words, then an ellipsis.
    CHECK(md.find("<ins>new</ins> a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 \xE2\x80\xA6</p>") != std::string::npos);
    CHECK(md.find("a30") == std::string::npos);
    // --context keeps every word.
    render_options opt;
    opt.context = true;
    const std::string whole = render_markdown(c, opt);
    std::string full = "<p>";
    full.append(before).append("<del>old</del>").append(middle).append("<ins>new</ins>").append(after).append("</p>");
    CHECK(whole.find(full) != std::string::npos);
}

TEST_CASE("markdown: a stretch between changes is shortened only from 32 words on", "[render][markdown]") {
    const auto report = [](int words) {
        comparison c;
        c.old_doc.meta.symbol = "A/RES/1";
        c.new_doc.meta.symbol = "A/RES/2";
        std::string middle;
        for (int i = 1; i <= words; ++i) middle.append(" m").append(std::to_string(i));
        middle += " ";
        c.result.units.push_back(render_sample::unit(
            unit_kind::modified, {"OP1"}, {"OP1"},
            {render_sample::del("old"), render_sample::eq(middle), render_sample::ins("new")},
            {change_class::substantive}));
        c.totals = summarize(c.result);
        return render_markdown(c);
    };
    // Twelve words kept on each side, and at least eight to leave out.
    const std::string kept = report(31);
    CHECK(kept.find("m16 m17") != std::string::npos);
    CHECK(kept.find("\xE2\x80\xA6") == std::string::npos);
    const std::string shortened = report(32);
    CHECK(shortened.find("<del>old</del> m1 m2 m3 m4 m5 m6 m7 m8 m9 m10 m11 m12 \xE2\x80\xA6 m21 m22") !=
          std::string::npos);
    CHECK(shortened.find("m32 <ins>new</ins>") != std::string::npos);
    CHECK(shortened.find("m20") == std::string::npos);
}
