// Word (.docx) input and the Word redline output.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "docx_package.hpp"
#include "resdiff/compare.hpp"
#include "resdiff/ingest.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"
#include "support.hpp"

namespace {

const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string package(const std::string& body, const std::string& footnotes = {}) {
    const std::string doc = std::string("<?xml version=\"1.0\"?><w:document ") + kW + "><w:body>" + body + "</w:body></w:document>";
    const std::string numbering = std::string("<?xml version=\"1.0\"?><w:numbering ") + kW +
                                  "><w:abstractNum w:abstractNumId=\"3\">"
                                  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
                                  "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%2)\"/></w:lvl>"
                                  "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"(%3)\"/></w:lvl>"
                                  "</w:abstractNum><w:num w:numId=\"7\"><w:abstractNumId w:val=\"3\"/></w:num></w:numbering>";
    std::vector<std::pair<std::string, std::string>> parts{{"[Content_Types].xml", "<Types/>"},
                                                           {"word/document.xml", doc},
                                                           {"word/numbering.xml", numbering}};
    if (!footnotes.empty())
        parts.emplace_back("word/footnotes.xml", std::string("<?xml version=\"1.0\"?><w:footnotes ") + kW + ">" + footnotes + "</w:footnotes>");
    return resdiff::detail::write_zip(parts);
}

std::string p(const std::string& runs, const std::string& ppr = {}) { return "<w:p><w:pPr>" + ppr + "</w:pPr>" + runs + "</w:p>"; }
std::string r(const std::string& text, bool italic = false) {
    return std::string("<w:r>") + (italic ? "<w:rPr><w:i/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}
std::string num(int level) { return "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"7\"/></w:numPr>"; }
std::string ins(const std::string& x) { return "<w:ins w:id=\"1\" w:author=\"a\" w:date=\"2025-01-01T00:00:00Z\">" + x + "</w:ins>"; }
std::string del_text(const std::string& t) {
    return "<w:del w:id=\"2\" w:author=\"a\" w:date=\"2025-01-01T00:00:00Z\"><w:r><w:delText xml:space=\"preserve\">" + t +
           "</w:delText></w:r></w:del>";
}

// The non-empty lines (paragraphs) of a package in one view.
std::vector<std::string> lines_of(const std::string& bytes, bool original = false) {
    resdiff::ingest_options o;
    o.docx_original = original;
    std::vector<std::string> out;
    for (auto& l : resdiff::ingest_bytes(bytes, "test.docx", o).lines) {
        if (!l.empty()) out.push_back(l);
    }
    return out;
}

}  // namespace

TEST_CASE("docx: paragraphs, automatic numbering, italics and footnotes", "[docx]") {
    const std::string body =
        p(r("The General Assembly,", true)) +
        p(r("Recalling also", true) + r(" its resolution 79/1,") +
          "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"5\"/></w:r>") +
        p(r("Decides", true) + r(" to act:"), num(0)) + p(r("first;"), num(1)) + p(r("deep;"), num(2)) +
        p(r("deeper;"), num(2)) + p(r("second;"), num(1)) + p(r("Requests a report."), num(0)) + p("") ;
    const std::string notes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                              "<w:footnote w:id=\"5\"><w:p><w:r><w:footnoteRef/></w:r>" + r(" See A/79/1.") + "</w:p></w:footnote>";
    const auto bytes = package(body, notes);
    REQUIRE(resdiff::detect_file_type(bytes) == resdiff::file_type::docx);
    const auto text = resdiff::ingest_bytes(bytes, "t.docx");
    const std::vector<std::string> want{"The General Assembly,", "", "Recalling also its resolution 79/1, 1", "",
                                        "1. Decides to act:", "", "(a) first;", "", "(i) deep;", "", "(ii) deeper;", "",
                                        "(b) second;", "", "2. Requests a report.", "", "_______________", "1 See A/79/1."};
    CHECK(text.lines == want);
    REQUIRE(text.leads.size() == text.lines.size());
    CHECK(text.leads[0].empty());   // a whole italic line is not an opening phrase
    CHECK(text.leads[2] == "Recalling also");
    CHECK(text.leads[4] == "Decides");
    CHECK(text.type == resdiff::file_type::docx);
}

TEST_CASE("docx: tracked changes read as accepted or original", "[docx]") {
    const std::string deleted_mark = "<w:rPr><w:del w:id=\"3\" w:author=\"a\" w:date=\"2025-01-01T00:00:00Z\"/></w:rPr>";
    const std::string inserted_mark = "<w:rPr><w:ins w:id=\"4\" w:author=\"a\" w:date=\"2025-01-01T00:00:00Z\"/></w:rPr>";
    const std::string body =
        p(r("Welcoming the ") + del_text("old") + ins(r("new")) + r(" report,")) +
        // a paragraph deleted whole, mark included
        p(del_text("Noting a removed clause,"), deleted_mark) +
        p(r("Stresses"), num(0)) +
        // an inserted numbered paragraph: renumbers what follows in the accepted view only
        p(ins(r("Adds a clause;")), num(0) + inserted_mark) + p(r("Decides to remain seized."), num(0));
    const auto bytes = package(body);
    CHECK(lines_of(bytes) == std::vector<std::string>{"Welcoming the new report,", "1. Stresses", "2. Adds a clause;",
                                                      "3. Decides to remain seized."});
    CHECK(lines_of(bytes, true) == std::vector<std::string>{"Welcoming the old report,", "Noting a removed clause,", "1. Stresses",
                                                            "2. Decides to remain seized."});
}

TEST_CASE("docx: damaged and empty packages give a clear error", "[docx]") {
    // A ZIP signature and the part name, but no archive.
    const std::string broken = std::string("PK\x03\x04", 4) + "garbage word/document.xml garbage";
    REQUIRE(resdiff::detect_file_type(broken) == resdiff::file_type::docx);
    CHECK_THROWS_AS(resdiff::ingest_bytes(broken, "b.docx"), resdiff::input_error);
    // A well-formed package whose main part is not XML.
    const auto bad_xml = resdiff::detail::write_zip({{"word/document.xml", "<w:document><unclosed"}});
    CHECK_THROWS_WITH(resdiff::ingest_bytes(bad_xml, "x.docx"), Catch::Contains("not well-formed XML"));
    // A document with no text at all.
    CHECK_THROWS_WITH(resdiff::ingest_bytes(package(p("")), "e.docx"), Catch::Contains("no text"));

    const auto dir = scratch_dir("docx-broken");
    {
        std::ofstream out(dir / "b.docx", std::ios::binary);
        out << broken;
    }
    const cli_run run({"parse", (dir / "b.docx").string()});
    CHECK(run.rc == 2);
    CHECK(run.err.find("b.docx") != std::string::npos);
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

namespace {

const char* kOld =
    "The General Assembly,\n"
    "Recalling its resolution 70/1,\n"
    "Noting the report of the Secretary-General,\n"
    "Stressing the need for cooperation,\n"
    "1. Welcomes the work of the Commission;\n"
    "2. Requests the Secretary-General to report;\n"
    "3. Decides to remain seized of the matter.\n";
const char* kNew =
    "The General Assembly,\n"
    "Recalling its resolutions 70/1 and 79/1,\n"
    "Stressing the urgent need for international cooperation,\n"
    "Welcoming the new initiative,\n"
    "1. Welcomes the important work of the Commission;\n"
    "2. Invites Member States to contribute;\n"
    "3. Requests the Secretary-General to report at its next session;\n"
    "4. Decides to remain seized of the matter.\n";

std::vector<std::string> texts(const resdiff::document& d) {
    std::vector<std::string> out;
    for (const auto* list : {&d.preamble, &d.operative}) {
        for (const auto& x : *list) out.push_back(x.id + "|" + x.number + "|" + x.text);
    }
    return out;
}

}  // namespace

TEST_CASE("docx redline: accepted view is the new text, original view the old", "[docx][redline]") {
    const auto old_doc = resdiff::parse_text(kOld, "old.txt");
    const auto new_doc = resdiff::parse_text(kNew, "new.txt");
    const auto cmp = resdiff::compare(old_doc, new_doc);
    const std::string bytes = resdiff::render_docx(cmp);
    REQUIRE(resdiff::detect_file_type(bytes) == resdiff::file_type::docx);
    // Deterministic: the same comparison gives the same bytes.
    CHECK(resdiff::render_docx(cmp) == bytes);

    resdiff::ingest_options orig;
    orig.docx_original = true;
    const auto accepted = resdiff::parse_document(resdiff::ingest_bytes(bytes, "r.docx"));
    const auto original = resdiff::parse_document(resdiff::ingest_bytes(bytes, "r.docx", orig));
    CHECK(texts(accepted) == texts(new_doc));
    CHECK(texts(original) == texts(old_doc));

    // Real tracked changes by resdiff, and italics on the openers.
    const resdiff::detail::zip_reader zip(bytes, "r.docx", 1 << 24);
    const auto xml = zip.read("word/document.xml");
    REQUIRE(xml);
    CHECK(xml->find("<w:ins w:id=") != std::string::npos);
    CHECK(xml->find("<w:del w:id=") != std::string::npos);
    CHECK(xml->find("w:author=\"resdiff\"") != std::string::npos);
    CHECK(xml->find("<w:numPr>") != std::string::npos);
}

TEST_CASE("docx redline through the CLI, and a lone .docx compared with itself", "[docx][redline][cli]") {
    const auto dir = scratch_dir("docx-cli");
    {
        std::ofstream(dir / "old.txt") << kOld;
        std::ofstream(dir / "new.txt") << kNew;
    }
    const auto out = (dir / "redline.docx").string();
    const cli_run made({"diff", (dir / "old.txt").string(), (dir / "new.txt").string(), "-o", out});
    REQUIRE(made.rc == 1);
    REQUIRE(resdiff::detect_file_type(read_file(out)) == resdiff::file_type::docx);

    // The tracked changes alone: original against accepted, so it differs.
    const cli_run alone({"diff", out, "--format", "json"});
    CHECK(alone.rc == 1);
    CHECK(alone.err.empty());
    // Either view against its text is identical.
    CHECK(cli_run({"diff", (dir / "new.txt").string(), out}).rc == 0);
    CHECK(cli_run({"diff", (dir / "old.txt").string(), out, "--docx-view=original"}).rc == 0);
    CHECK(cli_run({"parse", out, "--docx-view", "sideways"}).rc == 2);
    // A binary report is not written to a terminal.
    CHECK(cli_run({"diff", (dir / "old.txt").string(), (dir / "new.txt").string(), "--format", "docx"}, true).rc == 2);
}
