// The HTML report, on a comparison built in code.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "resdiff/render.hpp"
#include "test_render_html_sample.hpp"

using namespace resdiff;
using render_sample::count_of;

namespace {

// The part of the report after the summary: the paragraphs and footnotes.
std::string units_part(const std::string& html) {
    const auto at = html.find("<section class=\"units\"");
    REQUIRE(at != std::string::npos);
    const auto end = html.find("<script nonce=");
    return html.substr(at, end - at);
}

std::vector<std::string> ids_in(const std::string& html) {
    std::vector<std::string> ids;
    static const std::regex id_re(" id=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_re); it != std::sregex_iterator(); ++it) {
        ids.push_back((*it)[1].str());
    }
    return ids;
}

// Every tag in the report is one the renderer writes, and none has an event
// handler attribute: no document text became markup.
void check_markup_is_ours(const std::string& html) {
    static const std::set<std::string> ours = {
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "span", "div",
        "p", "main", "section", "ul", "li", "b", "strong", "a", "details", "summary", "del", "ins", "nav",
        "button", "label", "input", "footer", "kbd", "code", "script"};
    static const std::regex tag_re("<(/?)([!A-Za-z][A-Za-z0-9]*)([^>]*)>");
    std::size_t tags = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), tag_re); it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[2].str();
        INFO((*it)[0].str());
        CHECK(ours.count(name) == 1);
        static const std::regex handler_re("\\son[a-z]+\\s*=");
        static const std::regex quoted_re("\"[^\"]*\"");
        CHECK_FALSE(std::regex_search(std::regex_replace((*it)[3].str(), quoted_re, "\"\""), handler_re));
        ++tags;
    }
    CHECK(tags > 100);
}

}  // namespace

TEST_CASE("html: one self-contained file that asks no network for anything", "[render][html]") {
    const std::string html = render_html(render_sample::sample());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(count_of(html, "<style>") == 1);
    CHECK(count_of(html, "<script") == 1);
    CHECK(html.find("default-src 'none'") != std::string::npos);
    CHECK(html.find("http:") == std::string::npos);
    CHECK(html.find("https:") == std::string::npos);
    CHECK(html.find("//") == html.find("// "));   // no protocol-relative address (comments in the script only)
    CHECK(html.find(" src=\"") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    // Every link is a fragment of this file.
    static const std::regex href_re("href=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), href_re); it != std::sregex_iterator(); ++it) {
        INFO((*it)[1].str());
        CHECK((*it)[1].str().rfind('#', 0) == 0);
    }
    CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("html: payloads in the document text are shown as text and never as markup", "[render][html][security]") {
    const std::string html = render_html(render_sample::sample());
    CHECK(count_of(html, "<script") == 1);   // the report's own
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<svg") == std::string::npos);
    check_markup_is_ours(html);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(html.find("&quot;&gt;&lt;svg onload=alert(1)&gt;") != std::string::npos);
}

TEST_CASE("html: payloads in every field, ids and metadata included, stay text", "[render][html][security]") {
    auto c = render_sample::sample();
    const std::string p = render_sample::xss_svg + render_sample::xss_script + "'" + render_sample::xss_img;
    c.old_doc.meta.symbol = p;
    c.new_doc.meta.title = p;
    c.new_doc.meta.distribution_date = p;
    c.old_doc.source = p;
    c.new_doc.warnings = {p};
    c.result.notes = {p};
    c.result.units[1].new_ids = {p};
    c.result.units[2].old_ids = {p};
    c.result.units[5].lead = {p, p, direction::changed};
    c.result.units[9].children[2].new_ids = {p};
    c.new_doc.footnotes[1].text = p;
    c.result.footnotes[1].ops.clear();   // the footnote's text then comes from the document
    const std::string html = render_html(c);
    CHECK(count_of(html, "<script") == 1);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<svg") == std::string::npos);
    check_markup_is_ours(html);
    CHECK(count_of(html, "&lt;script&gt;") >= 10);
}

TEST_CASE("html: every unit has a unique, stable anchor; moved units link both ways", "[render][html]") {
    const std::string html = render_html(render_sample::sample());
    const auto ids = ids_in(html);
    const std::set<std::string> unique(ids.begin(), ids.end());
    CHECK(unique.size() == ids.size());
    for (const char* id : {"PP1", "PP2", "PP3", "PP4", "OP1", "OP2", "OP3", "OP4", "OP5", "OP6", "old-PP3", "old-OP5",
                           "old-OP4", "fn-1", "fn-2"}) {
        INFO(id);
        CHECK(unique.count(id) == 1);
    }
    // The removed paragraph is found under its old id.
    CHECK(html.find("<section class=\"u chg k-removed\" id=\"old-PP3\"") != std::string::npos);
    // The moved paragraph links to where it stood; the ghost row there links back.
    const auto moved = html.find("id=\"OP2\"");
    REQUIRE(moved != std::string::npos);
    CHECK(html.find("href=\"#old-OP5\"", moved) != std::string::npos);
    const auto ghost = html.find("<div class=\"ghost\" id=\"old-OP5\"");
    REQUIRE(ghost != std::string::npos);
    CHECK(html.find("href=\"#OP2\"", ghost) < html.find("</div>", ghost));
    // The ghost stands where old OP5 stood: after the merged unit (old OP3 + OP4), before OP6.
    CHECK(ghost > html.find("id=\"OP5\""));
    CHECK(ghost < html.find("id=\"OP6\""));
    // Same input, same output.
    CHECK(render_html(render_sample::sample()) == html);
}

TEST_CASE("html: split and merged units show their parts", "[render][html]") {
    const std::string html = render_html(render_sample::sample());
    // The split: new OP4 begins inside the inserted text, labelled and anchored.
    CHECK(html.find("<ins class=\"cs\">; <span class=\"part\" id=\"OP4\">OP4</span>Also requests a briefing</ins>") !=
          std::string::npos);
    CHECK(html.find("Split: old OP2 became <a href=\"#OP3\">OP3</a> + <a href=\"#OP4\">OP4</a>") != std::string::npos);
    // The merge: old OP4 begins inside the deleted text of the old column.
    CHECK(html.find("<del class=\"cs\">; <span class=\"part\" id=\"old-OP4\">OP4</span>Invites</del>") != std::string::npos);
    CHECK(html.find("Merged: old <a href=\"#old-OP3\">OP3</a> + <a href=\"#old-OP4\">OP4</a> became OP5") !=
          std::string::npos);
    // Sub-paragraph units are listed with their kind.
    CHECK(html.find("OP6(c) <span class=\"kindb k-added\">added</span>") != std::string::npos);
    CHECK(html.find("OP6(a) <span") == std::string::npos);   // unchanged children are not listed
}

TEST_CASE("html: deletions and insertions appear once per word op in each view's column", "[render][html]") {
    const auto c = render_sample::sample();
    const std::string part = units_part(render_html(c));
    const std::size_t dels = render_sample::count_ops(c, op_kind::del);
    const std::size_t inss = render_sample::count_ops(c, op_kind::ins);
    REQUIRE(dels == 7);
    REQUIRE(inss == 8);
    // Old column: <del> without class x; new column (inline view): <del class="x...">.
    const std::size_t hidden = count_of(part, "<del class=\"x");
    CHECK(hidden == dels);
    CHECK(count_of(part, "<del") - hidden == dels);
    CHECK(count_of(part, "<ins") == inss);
    CHECK(count_of(part, "</ins>") == inss);
    // One moved unit, tagged for the filter; the ghost is not a unit.
    CHECK(count_of(part, "data-t=\"moved\"") == 2);   // the unit and its ghost
    CHECK(count_of(part, "<section class=\"u chg k-moved\"") == 1);
}

TEST_CASE("html: classes have markers, a legend, filters, and the summary leads with substance", "[render][html]") {
    const auto c = render_sample::sample();
    const std::string html = render_html(c);
    REQUIRE(c.totals.classes.at(change_class::substantive) == 5);
    const auto headline = html.find("<p class=\"headline\">");
    REQUIRE(headline != std::string::npos);
    CHECK(html.find("&#9670;</span> 5</span> paragraphs with substantive changes", headline) != std::string::npos);
    // Class counts in order, substantive first.
    const auto s = html.find("</span> substantive <b>5</b>");
    const auto l = html.find("</span> lead <b>1</b>");
    const auto r = html.find("</span> routine <b>1</b>");
    REQUIRE(s != std::string::npos);
    CHECK(s < l);
    CHECK(l < r);
    CHECK(headline < s);
    // Legend: each class with its own marker.
    const auto legend = html.find("<div class=\"key\">");
    REQUIRE(legend != std::string::npos);
    for (const char* m : {"&#9670;</span> substantive", "&#9650;</span> lead", "&#8776;</span> qualifier",
                          "&#167;</span> citation", "&#8635;</span> routine"}) {
        INFO(m);
        CHECK(html.find(m, legend) != std::string::npos);
    }
    // Filters for present classes and kinds, none for absent ones.
    CHECK(html.find("data-f=\"substantive\"") != std::string::npos);
    CHECK(html.find("data-f=\"moved\"") != std::string::npos);
    CHECK(html.find("data-f=\"split\"") != std::string::npos);
    CHECK(html.find("data-f=\"qualifier\"") != std::string::npos);
    // Word ops carry their class, with a marker unless substantive.
    CHECK(html.find("<del class=\"cr\" title=\"routine deletion\"><span class=\"om cr\" aria-hidden=\"true\">&#8635;"
                    "</span>seventy-ninth</del>") != std::string::npos);
    CHECK(html.find("<ins class=\"cl\" title=\"lead insertion\"><span class=\"om cl\" aria-hidden=\"true\">&#9650;"
                    "</span>Urges</ins>") != std::string::npos);
    // Units are tagged with kind and classes for the filters.
    CHECK(html.find("id=\"OP1\" tabindex=\"-1\" data-t=\"modified lead qualifier\"") != std::string::npos);
    CHECK(html.find("Lead: &#8220;Encourages&#8221; &#8594; &#8220;Urges&#8221; <strong class=\"dir\">strengthened")
          != std::string::npos);
    CHECK(html.find("Qualifiers: <strong class=\"dir\">hardened") != std::string::npos);
}

TEST_CASE("html: real headings, labels in both versions, both views in the markup", "[render][html]") {
    const auto c = render_sample::sample();
    const std::string html = render_html(c);
    CHECK(count_of(html, "<h1") == 1);
    CHECK(html.find("<h2 id=\"h-summary\">Summary</h2>") != std::string::npos);
    CHECK(html.find(">Preamble</h2>") != std::string::npos);
    CHECK(html.find(">Operative part</h2>") != std::string::npos);
    CHECK(count_of(html, "<h3 class=\"uh\">") == c.totals.units_changed);
    CHECK(html.find("<span class=\"vl\">old</span> PP4</span> <span aria-label=\"became\">&#8594;</span> "
                    "<span class=\"nid\"><span class=\"vl\">new</span> PP3") != std::string::npos);
    CHECK(html.find("<html lang=\"en\" data-view=\"side\">") != std::string::npos);
    CHECK(html.find("data-view=\"inline\"") != std::string::npos);
    CHECK(html.find("html[data-view=inline] .oc{display:none}") != std::string::npos);
    CHECK(html.find("<p class=\"none\">Not in the old text.</p>") != std::string::npos);
    CHECK(html.find("<p class=\"none\">Not in the new text.</p>") != std::string::npos);
    // Unchanged paragraphs collapse.
    CHECK(html.find("<details class=\"samegrp\"><summary>1 unchanged paragraph: PP1</summary>") != std::string::npos);
    // Header: symbols, titles, dates.
    CHECK(html.find("<p class=\"sym\">A/RES/79/194</p>") != std::string::npos);
    CHECK(html.find("<p class=\"sym\">A/C.2/80/L.17</p>") != std::string::npos);
    CHECK(html.find("Adopted 19 December 2024") != std::string::npos);
    CHECK(html.find("Distributed 14 October 2025") != std::string::npos);
    CHECK(html.find("<title>resdiff: A/RES/79/194 \xE2\x86\x92 A/C.2/80/L.17</title>") != std::string::npos);
}

TEST_CASE("html: the script's nonce is in the policy, and changes with the content", "[render][html][security]") {
    auto c = render_sample::sample();
    const std::string a = render_html(c);
    static const std::regex nonce_re("nonce-([0-9a-f]{16})'");
    std::smatch m;
    REQUIRE(std::regex_search(a, m, nonce_re));
    CHECK(a.find("<script nonce=\"" + m[1].str() + "\">") != std::string::npos);
    c.new_doc.meta.title += " (revised)";
    const std::string b = render_html(c);
    std::smatch m2;
    REQUIRE(std::regex_search(b, m2, nonce_re));
    CHECK(m[1].str() != m2[1].str());
}

TEST_CASE("html: identical texts and ignored classes", "[render][html]") {
    comparison same;
    same.old_doc.meta.symbol = "A/RES/1";
    same.new_doc.meta.symbol = "A/RES/1";
    same.result.units.push_back(render_sample::unit(unit_kind::unchanged, {"PP1"}, {"PP1"}, {render_sample::eq("Text.")}));
    same.totals = summarize(same.result);
    const std::string html = render_html(same);
    CHECK(html.find("No differences.") != std::string::npos);
    CHECK(html.find("<h3") == std::string::npos);

    render_options opt;
    opt.ignore = {change_class::routine};
    const std::string ignoring = render_html(render_sample::sample(), opt);
    CHECK(count_of(ignoring, "data-ignored=\"1\"") == 1);   // PP2: routine only
    CHECK(ignoring.find("id=\"PP2\" tabindex=\"-1\" data-t=\"modified routine\" data-ignored=\"1\"") != std::string::npos);
}

TEST_CASE("html: units without word ops still show their text", "[render][html]") {
    auto c = render_sample::sample();
    c.result.units[0].ops.clear();
    c.result.footnotes[0].ops.clear();
    const std::string html = render_html(c);
    CHECK(html.find("Recalling its resolution 79/194,") != std::string::npos);
    CHECK(html.find("See A/79/100.") != std::string::npos);
    CHECK(html.find("See A/80/200.") != std::string::npos);
    // Unmarked: no deletion or insertion is claimed where the diff gave none.
    CHECK(html.find("<p class=\"tx\">See A/79/100.</p>") != std::string::npos);
    CHECK(html.find("<p class=\"tx\">See A/80/200.</p>") != std::string::npos);
    // A removed unit without ops still shows its text in the inline view.
    c.result.units[2].ops.clear();
    const std::string removed = render_html(c);
    CHECK(removed.find("<p class=\"tx ix\"><span class=\"gone\">Stressing the old concern,</span></p>") !=
          std::string::npos);
}

TEST_CASE("html: --context opens the unchanged paragraphs", "[render][html]") {
    render_options opt;
    opt.context = true;
    const std::string html = render_html(render_sample::sample(), opt);
    CHECK(html.find("<html lang=\"en\" data-view=\"side\" data-context=\"1\">") != std::string::npos);
    CHECK(html.find("<details class=\"samegrp\" open><summary>1 unchanged paragraph: PP1</summary>") != std::string::npos);
    CHECK(render_html(render_sample::sample()).find("<details class=\"samegrp\" open>") == std::string::npos);
}
