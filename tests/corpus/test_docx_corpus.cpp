// Word input and the Word redline on the real corpus, with files written by
// resdiff itself and by a real word processor (LibreOffice, headless).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <functional>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "corpus_structure.hpp"
#include "resdiff/compare.hpp"
#include "resdiff/ingest.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using corpus_structure::first_difference;
using corpus_structure::structure;

fs::path corpus(const std::string& name) { return fs::path(RESDIFF_CORPUS_DIR) / name; }

resdiff::document read_docx_bytes(const std::string& bytes, bool original = false) {
    resdiff::ingest_options o;
    o.docx_original = original;
    return resdiff::parse_document(resdiff::ingest_bytes(bytes, "test.docx", o));
}

std::string xml(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') continue;   // not allowed in XML 1.0
        else out += c;
    }
    return out;
}

// A flat OpenDocument text of a parsed document, with real list numbering,
// italic opening phrases and real footnotes, for LibreOffice to save as .docx.
std::string to_fodt(const resdiff::document& d) {
    std::map<int, std::string> notes;
    for (const auto& f : d.footnotes) notes[f.number] = f.text;
    std::set<int> seen;
    auto note = [&](int n) {
        return "<text:note text:id=\"n" + std::to_string(n) + "\" text:note-class=\"footnote\"><text:note-citation>" +
               std::to_string(n) + "</text:note-citation><text:note-body><text:p>" + xml(notes[n]) +
               "</text:p></text:note-body></text:note>";
    };
    auto para = [&](const std::string& text, const std::string& lead, const std::vector<int>& refs) {
        std::string p = "<text:p>";
        if (!lead.empty() && text.starts_with(lead)) {
            p += "<text:span text:style-name=\"I\">" + xml(lead) + "</text:span>" + xml(text.substr(lead.size()));
        } else {
            p += xml(text);
        }
        for (const int n : refs) {
            if (seen.insert(n).second) p += note(n);   // a repeated reference has no note of its own in a word processor
        }
        return p + "</text:p>";
    };
    std::string body;
    if (!d.meta.symbol.empty()) body += para(d.meta.symbol, "", {});
    if (d.structured) body += "<text:p><text:span text:style-name=\"I\">The General Assembly,</text:span></text:p>";
    for (const auto& p : d.preamble) body += para(p.text, p.lead, p.footnotes);
    std::function<std::string(const std::vector<resdiff::subparagraph>&)> subs = [&](const auto& list) {
        if (list.empty()) return std::string();
        std::string s = "<text:list>";
        for (const auto& sp : list) s += "<text:list-item>" + para(sp.text, "", sp.footnotes) + subs(sp.children) + "</text:list-item>";
        return s + "</text:list>";
    };
    if (!d.operative.empty()) {
        body += "<text:list text:style-name=\"L1\">";
        for (const auto& p : d.operative) {
            std::set<int> in_subs;
            for (const auto* s : resdiff::flatten(p)) in_subs.insert(s->footnotes.begin(), s->footnotes.end());
            std::vector<int> own;
            for (const int n : p.footnotes) {
                if (!in_subs.count(n)) own.push_back(n);
            }
            body += "<text:list-item>" + para(p.subparagraphs.empty() ? p.text : p.intro, p.lead, own) + subs(p.subparagraphs) +
                    "</text:list-item>";
        }
        body += "</text:list>";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
           "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
           "xmlns:fo=\"urn:oasis:names:xsl-formatting-objects:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.2\" "
           "office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:automatic-styles>"
           "<style:style style:name=\"I\" style:family=\"text\"><style:text-properties fo:font-style=\"italic\"/></style:style>"
           "<text:list-style style:name=\"L1\">"
           "<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" style:num-format=\"1\"/>"
           "<text:list-level-style-number text:level=\"2\" style:num-prefix=\"(\" style:num-suffix=\")\" style:num-format=\"a\"/>"
           "<text:list-level-style-number text:level=\"3\" style:num-prefix=\"(\" style:num-suffix=\")\" style:num-format=\"i\"/>"
           "</text:list-style></office:automatic-styles><office:body><office:text>" +
           body + "</office:text></office:body></office:document>";
}

// Runs LibreOffice headless on `files`, converting them to `to` in dir/out.
void libreoffice(const fs::path& dir, const std::string& to, const std::vector<fs::path>& files) {
    std::string cmd = "HOME='" + dir.string() + "' timeout 600 libreoffice --headless -env:UserInstallation=file://" +
                      (dir / "profile").string() + " --convert-to " + to + " --outdir '" + (dir / "out").string() + "'";
    for (const auto& f : files) cmd += " '" + f.string() + "'";
    cmd += " > '" + (dir / "libreoffice.log").string() + "' 2>&1";
    INFO(cmd);
    REQUIRE(std::system(cmd.c_str()) == 0);
}

std::vector<std::string> corpus_texts() {
    std::vector<std::string> out;
    for (const auto& e : corpus_structure::manifest()) out.push_back(e.file);
    return out;
}

// A word of the old text the new text does not have, and the reverse, from the ops.
std::pair<std::string, std::string> telltale_words(const resdiff::comparison& cmp) {
    auto all_words = [](const resdiff::document& d) {
        std::set<std::string> w;
        for (const auto* list : {&d.preamble, &d.operative}) {
            for (const auto& p : *list) {
                std::istringstream in(p.text);
                std::string x;
                while (in >> x) w.insert(x);
            }
        }
        return w;
    };
    const auto old_words = all_words(cmp.old_doc), new_words = all_words(cmp.new_doc);
    std::string deleted, inserted;
    auto pick = [](const std::set<std::string>& from, const std::set<std::string>& not_in) {
        for (const auto& w : from) {
            if (w.size() >= 8 && !not_in.count(w) && std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isalpha(c); }))
                return w;
        }
        return std::string();
    };
    return {pick(old_words, new_words), pick(new_words, old_words)};
}

}  // namespace

TEST_CASE("docx corpus: resdiff's own Word file of every text reads back to the same structure", "[corpus][docx]") {
    std::size_t n = 0;
    for (const auto& file : corpus_texts()) {
        INFO(file);
        const auto doc = resdiff::parse_file(corpus(file));
        const auto bytes = resdiff::render_docx(resdiff::compare(doc, doc));
        CHECK(first_difference(structure(read_docx_bytes(bytes)), structure(doc)) == "");
        CHECK(first_difference(structure(read_docx_bytes(bytes, true)), structure(doc)) == "");
        ++n;
    }
    CHECK(n >= 40);
}

TEST_CASE("docx corpus: the redline of every pair of consecutive versions gives both versions back exactly",
          "[corpus][docx][redline]") {
    const auto pairs = corpus_structure::consecutive_pairs();
    REQUIRE(pairs.size() >= 25);
    for (const auto& [older, newer] : pairs) {
        INFO(older << " -> " << newer);
        const auto cmp = resdiff::compare(resdiff::parse_file(corpus(older)), resdiff::parse_file(corpus(newer)));
        const auto bytes = resdiff::render_docx(cmp);
        CHECK(first_difference(structure(read_docx_bytes(bytes)), structure(cmp.new_doc)) == "");
        CHECK(first_difference(structure(read_docx_bytes(bytes, true)), structure(cmp.old_doc)) == "");
    }
}

TEST_CASE("docx corpus: Word files written by LibreOffice read like the texts they hold", "[corpus][docx][libreoffice]") {
    const auto dir = scratch_dir("docx-libreoffice");
    const std::vector<std::string> picks{"A-RES-80-133.txt", "A-C.2-80-L.17.txt", "A-RES-65-141.txt", "A-RES-80-6.txt"};
    std::vector<fs::path> fodts;
    std::vector<resdiff::document> docs;
    for (const auto& name : picks) {
        docs.push_back(resdiff::parse_file(corpus(name)));
        const auto path = dir / (fs::path(name).stem().string() + ".fodt");
        std::ofstream(path, std::ios::binary) << to_fodt(docs.back());
        fodts.push_back(path);
    }
    // A redline made by resdiff, opened and saved again by LibreOffice: its tracked changes as LibreOffice writes them.
    const auto cmp = resdiff::compare(resdiff::parse_file(corpus("A-C.2-80-L.17.txt")), resdiff::parse_file(corpus("A-C.2-80-L.58.txt")));
    fs::create_directories(dir / "redline");
    std::ofstream(dir / "redline" / "redline.docx", std::ios::binary) << resdiff::render_docx(cmp);
    fodts.push_back(dir / "redline" / "redline.docx");
    libreoffice(dir, "docx:\"MS Word 2007 XML\"", fodts);

    for (std::size_t i = 0; i < picks.size(); ++i) {
        INFO(picks[i]);
        const auto out = dir / "out" / (fs::path(picks[i]).stem().string() + ".docx");
        REQUIRE(fs::exists(out));
        const auto bytes = read_file(out);
        CHECK(first_difference(structure(read_docx_bytes(bytes)), structure(docs[i])) == "");
        // LibreOffice wrote real automatic numbering, not typed numbers.
        CHECK(bytes.find("numbering.xml") != std::string::npos);
    }
    const auto resaved = read_file(dir / "out" / "redline.docx");
    CHECK(first_difference(structure(read_docx_bytes(resaved)), structure(cmp.new_doc)) == "");
    CHECK(first_difference(structure(read_docx_bytes(resaved, true)), structure(cmp.old_doc)) == "");
}

TEST_CASE("docx corpus: LibreOffice renders the redline with its deletions and insertions", "[corpus][docx][redline][libreoffice]") {
    const auto dir = scratch_dir("docx-redline-pdf");
    const auto cmp = resdiff::compare(resdiff::parse_file(corpus("A-C.2-80-L.17.txt")), resdiff::parse_file(corpus("A-C.2-80-L.58.txt")));
    const auto docx = dir / "redline.docx";
    std::ofstream(docx, std::ios::binary) << resdiff::render_docx(cmp);
    libreoffice(dir, "pdf", {docx});
    const auto pdf = dir / "out" / "redline.pdf";
    REQUIRE(fs::exists(pdf));
    REQUIRE(std::system(("pdftotext -layout '" + pdf.string() + "' '" + (dir / "redline.txt").string() + "'").c_str()) == 0);
    const auto text = read_file(dir / "redline.txt");
    const auto [deleted, inserted] = telltale_words(cmp);
    INFO("deleted word: " << deleted << ", inserted word: " << inserted);
    REQUIRE(!deleted.empty());
    REQUIRE(!inserted.empty());
    CHECK(text.find(deleted) != std::string::npos);
    CHECK(text.find(inserted) != std::string::npos);
}
