// PDF input: text layer to one paragraph per line, page furniture dropped,
// footnotes after the body; scanned, encrypted and damaged files refused.
#include <catch2/catch.hpp>

#include <elf.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "modules.hpp"
#include "resdiff/ingest.hpp"
#include "support.hpp"

namespace {

// A word placed on a page: baseline `y` measured from the top, like a reader.
struct item {
    int page = 0;
    double x = 0, y = 0, size = 10;
    char font = 'R';   // R roman, I italic, B bold
    std::string text;
};

std::string pdf_string(const std::string& s) {
    std::string out = "(";
    for (const char c : s) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out + ")";
}

// A minimal, valid PDF (standard Times fonts, correct cross-reference table).
std::string make_pdf(const std::vector<item>& items, int pages, bool image_only = false) {
    std::vector<std::string> objects;   // object n is objects[n - 1]
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (int p = 0; p < pages; ++p) kids += std::to_string(6 + 2 * p) + " 0 R ";
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic /Encoding /WinAnsiEncoding >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>");
    for (int p = 0; p < pages; ++p) {
        std::string content;
        if (image_only) {
            // a grey box drawn as an inline image: what a scan looks like to a text extractor
            content = "q 400 0 0 500 100 150 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x80\x40\x40\x80 EI Q\n";
        }
        for (const auto& it : items) {
            if (it.page != p) continue;
            const char* f = it.font == 'I' ? "/F2" : it.font == 'B' ? "/F3" : "/F1";
            char pos[64];
            std::snprintf(pos, sizeof pos, " %.2f Tf %.2f %.2f Td ", it.size, it.x, 792.0 - it.y);
            content += std::string("BT ") + f + pos + pdf_string(it.text) + " Tj ET\n";
        }
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R "
                          "/F3 5 0 R >> >> /Contents " + std::to_string(7 + 2 * p) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    }
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto off : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
        out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) +
           "\n%%EOF\n";
    return out;
}

// Words of a line laid out left to right with a normal space between them.
void words(std::vector<item>& out, int page, double x, double y, const std::string& text, char font = 'R', double size = 10) {
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string w = text.substr(start, end - start);
        out.push_back({page, x, y, size, font, w});
        x += static_cast<double>(w.size()) * size * 0.5 + size * 0.3;
        start = end + 1;
    }
}

std::vector<item> sample() {
    std::vector<item> v;
    // page 1: masthead, opening, two preambular paragraphs, footnote, footer
    words(v, 0, 480, 60, "A/RES/99/1", 'B', 10);
    words(v, 0, 120, 60, "United Nations", 'R', 14);
    words(v, 0, 120, 140, "The General Assembly,", 'I');
    words(v, 0, 145, 160, "Recalling", 'I');
    words(v, 0, 190, 160, "its resolution 70/1 on development and");
    words(v, 0, 120, 172, "cooperation,");
    v.push_back({0, 175, 168, 6.5, 'R', "1"});   // superscript footnote marker
    words(v, 0, 183, 172, "and the need for");
    // "seeking" set as two boxes with a thin justification gap ("see" is 12.77pt wide in Times 10)
    v.push_back({0, 263, 172, 10, 'R', "see"});
    v.push_back({0, 276.8, 172, 10, 'R', "king"});
    words(v, 0, 302, 172, "peace,");
    words(v, 0, 145, 190, "Noting", 'I');
    words(v, 0, 178, 190, "the follow-");
    words(v, 0, 120, 202, "up report,");
    words(v, 0, 100, 640, "_______________", 'R', 9);
    v.push_back({0, 117, 655, 5.5, 'R', "1"});
    words(v, 0, 123, 658, "See A/70/1.", 'R', 8.5);
    words(v, 0, 60, 750, "99-12345 (E)");
    words(v, 0, 60, 765, "*9912345*");
    // page 2: running header, operative part, page number
    words(v, 1, 60, 55, "A/RES/99/1", 'B', 8.5);
    words(v, 1, 400, 55, "Development and cooperation", 'B', 8.5);
    words(v, 1, 145, 90, "1.", 'R');
    words(v, 1, 165, 90, "Welcomes", 'I');
    words(v, 1, 210, 90, "the report of the Secretary-General and");
    words(v, 1, 120, 102, "its recommendations;");
    words(v, 1, 145, 120, "2. Decides to remain seized of the matter.");
    words(v, 1, 60, 750, "2/2", 'B', 8.5);
    return v;
}

// The lines of a command's standard error that the command wrote (under the
// sanitizers, their reports follow).
std::string own_lines(const std::string& err) {
    std::string out;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("resdiff: ", 0) == 0) out.append(line).append("\n");
    }
    return out;
}

std::filesystem::path write(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return dir / name;
}

}  // namespace

TEST_CASE("pdf: paragraphs in reading order, furniture dropped, footnotes after the body", "[pdf]") {
    const auto bytes = make_pdf(sample(), 2);
    REQUIRE(resdiff::detect_file_type(bytes) == resdiff::file_type::pdf);
    const auto text = resdiff::ingest_bytes(bytes, "sample.pdf");
    CHECK(text.type == resdiff::file_type::pdf);
    const std::vector<std::string> want{
        "A/RES/99/1",
        "United Nations",
        "",   // the masthead stands apart from the text, as on paper
        "The General Assembly,",
        "",   // paragraphs of the body apart by an empty line
        "Recalling its resolution 70/1 on development and cooperation, 1 and the need for seeking peace,",
        "",
        "Noting the follow-up report,",
        "",
        "1. Welcomes the report of the Secretary-General and its recommendations;",
        "",
        "2. Decides to remain seized of the matter.",
        "",
        "_______________",
        "1 See A/70/1.",
    };
    CHECK(text.lines == want);
    REQUIRE(text.leads.size() == text.lines.size());
    CHECK(text.leads[5] == "Recalling");
    CHECK(text.leads[7] == "Noting");
    CHECK(text.leads[9] == "Welcomes");
    CHECK(text.leads[3].empty());
}

TEST_CASE("pdf: scanned, encrypted and damaged files give one clear line and exit code 2", "[pdf][cli]") {
    const auto dir = scratch_dir("pdf-errors");
    const auto scanned = write(dir, "scanned.pdf", make_pdf({}, 1, true));
    const auto corrupt = write(dir, "corrupt.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n% cut short here");
    const auto plain = write(dir, "plain.pdf", make_pdf(sample(), 2));

    const cli_run scan({"parse", scanned.string()});
    CHECK(scan.rc == 2);
    CHECK(scan.err.find("scanned.pdf") != std::string::npos);
    CHECK(scan.err.find("no text layer") != std::string::npos);
    CHECK(std::count(scan.err.begin(), scan.err.end(), '\n') == 1);

    const cli_run bad({"diff", corrupt.string(), plain.string()});
    CHECK(bad.rc == 2);
    CHECK(bad.err.find("corrupt.pdf") != std::string::npos);
    CHECK(bad.err.find("damaged PDF") != std::string::npos);
    CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);

    // Encrypted with a user password (qpdf, from scripts/packages.txt).
    const auto locked = dir / "locked.pdf";
    const std::string cmd = "qpdf --encrypt secret owner 256 -- '" + plain.string() + "' '" + locked.string() + "' 2>/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const cli_run enc({"parse", locked.string()});
    CHECK(enc.rc == 2);
    CHECK(enc.err.find("locked.pdf") != std::string::npos);
    CHECK(enc.err.find("encrypted PDF") != std::string::npos);
    CHECK(std::count(enc.err.begin(), enc.err.end(), '\n') == 1);

    // An owner password only (printing restricted) still reads.
    const auto restricted = dir / "restricted.pdf";
    const std::string cmd2 = "qpdf --encrypt '' owner 256 --print=none -- '" + plain.string() + "' '" + restricted.string() + "' 2>/dev/null";
    REQUIRE(std::system(cmd2.c_str()) == 0);
    CHECK(cli_run({"diff", plain.string(), restricted.string()}).rc == 0);
}

TEST_CASE("pdf: truncated and corrupted files are refused cleanly or read, never crash", "[pdf][robust]") {
    const std::string good = make_pdf(sample(), 2);
    std::size_t refused = 0, attempts = 0;
    auto attempt = [&](const std::string& bytes) {
        ++attempts;
        try {
            const auto t = resdiff::ingest_bytes(bytes, "bad.pdf");
            CHECK(t.leads.size() == t.lines.size());
        } catch (const resdiff::input_error& e) {
            CHECK(std::string(e.what()).find('\n') == std::string::npos);
            ++refused;
        }
    };
    for (std::size_t cut = 8; cut < good.size(); cut += good.size() / 13) attempt(good.substr(0, cut));
    for (std::size_t i = 0; i < 48; ++i) {
        std::string bad = good;
        const std::size_t at = 8 + (i * 7919) % (bad.size() - 8);   // past "%PDF-1.4"
        bad[at] = static_cast<char>(bad[at] ^ 0x21);
        attempt(bad);
    }
    CHECK(attempts >= 60);
    CHECK(refused > 0);
}

// The resdiff command itself, in a child process: where it is statically
// linked (RESDIFF_STATIC_CLI) it cannot load the PDF and Word modules and
// hands such commands over to resdiff-full (src/cli/hand_over.cpp); its
// output must be what the library gives.
TEST_CASE("pdf: the resdiff command compares a PDF, from a file or standard input, as the library does",
          "[pdf][cli]") {
    const auto dir = scratch_dir("pdf-command");
    const auto pdf = write(dir, "old.pdf", make_pdf(sample(), 2));
    const auto text =
        write(dir, "new.txt",
              "A/RES/99/2\n\nThe General Assembly,\n\n\tRecalling its resolution 70/1 on development,\n\n"
              "\t1.\tWelcomes the report of the Secretary-General;\n\n\t2.\tDecides to remain seized of the "
              "matter.\n");
    const cli_run in_process({"--format", "json", pdf.string(), text.string()});
    REQUIRE(in_process.rc == 1);
    const program_run from_file({RESDIFF_BINARY, "--format", "json", pdf.string(), text.string()});
    CHECK(from_file.rc == 1);
    CHECK(own_lines(from_file.err).empty());
    CHECK(from_file.out == in_process.out);
    // Standard input, read before the need for the PDF reader was known, is
    // read again by the full program: the same comparison, under the name "-".
    const program_run from_input({RESDIFF_BINARY, "--format", "json", "-", text.string()}, pdf);
    CHECK(from_input.rc == 1);
    CHECK(own_lines(from_input.err).empty());
    std::string expected;
    const std::string& name = pdf.string();
    for (std::size_t from = 0;;) {
        const std::size_t at = in_process.out.find(name, from);
        expected.append(in_process.out, from, at == std::string::npos ? std::string::npos : at - from);
        if (at == std::string::npos) break;
        expected.append("-");
        from = at + name.size();
    }
    CHECK(from_input.out == expected);
    // What the command prints about its files, printed once (by the full
    // program, where the command goes there), in order.
    const program_run verbose({RESDIFF_BINARY, "--verbose", "--format", "json", text.string(), pdf.string()});
    CHECK(verbose.rc == 1);
    const std::string said = own_lines(verbose.err);
    CHECK(said.rfind("resdiff: " + text.string() + ": read as UTF-8, ", 0) == 0);
    CHECK(said.find("\nresdiff: " + pdf.string() + ": read as PDF, ") != std::string::npos);
    CHECK(std::count(said.begin(), said.end(), '\n') == 2);
}

TEST_CASE("pdf: the resdiff command writes a Word redline as the library does", "[pdf][cli]") {
    const auto dir = scratch_dir("docx-command");
    const auto old_text = fixture("golden/small-old.txt").string(),
               new_text = fixture("golden/small-new.txt").string();
    const cli_run in_process({old_text, new_text, "-o", (dir / "library.docx").string()});
    REQUIRE(in_process.rc == 1);
    const program_run command({RESDIFF_BINARY, old_text, new_text, "-o", (dir / "command.docx").string()});
    CHECK(command.rc == 1);
    CHECK(own_lines(command.err).empty());
    CHECK(read_file(dir / "command.docx") == read_file(dir / "library.docx"));
}

#if defined(RESDIFF_STATIC_CLI)
TEST_CASE("pdf: the statically linked resdiff needs no dynamic loader", "[pdf][cli]") {
    const std::string image = read_file(RESDIFF_BINARY);
    REQUIRE(image.size() > sizeof(Elf64_Ehdr));
    Elf64_Ehdr header;
    std::memcpy(&header, image.data(), sizeof header);
    REQUIRE(std::string_view(reinterpret_cast<const char*>(header.e_ident), 4) ==
            "\x7f"
            "ELF");
    CHECK(header.e_type == ET_DYN);  // position-independent: its place still randomized
    bool interpreter = false;
    for (int i = 0; i < header.e_phnum; ++i) {
        Elf64_Phdr ph;
        REQUIRE(header.e_phoff + (i + 1) * sizeof ph <= image.size());
        std::memcpy(&ph, image.data() + header.e_phoff + i * sizeof ph, sizeof ph);
        interpreter = interpreter || ph.p_type == PT_INTERP;
    }
    CHECK_FALSE(interpreter);
}

TEST_CASE("pdf: without resdiff-full, the statically linked resdiff refuses a PDF in one line",
          "[pdf][cli]") {
    namespace fs = std::filesystem;
    if (fs::exists("/usr/local/lib/resdiff/resdiff-full")) return;  // an installed one would be found
    const auto dir = scratch_dir("pdf-alone");
    fs::copy_file(RESDIFF_BINARY, dir / "resdiff");
    const auto pdf = write(dir, "old.pdf", make_pdf(sample(), 2));
    const auto text =
        write(dir, "new.txt", "The General Assembly,\n\n\t1.\tDecides to remain seized of the matter.\n");
    const program_run refused({(dir / "resdiff").string(), pdf.string(), text.string()});
    CHECK(refused.rc == 2);
    CHECK(refused.out.empty());
    CHECK(refused.err.rfind("resdiff: " + pdf.string() +
                                ": PDF support is not installed: resdiff-full not found in " + dir.string() +
                                " ",
                            0) == 0);
    CHECK(std::count(refused.err.begin(), refused.err.end(), '\n') == 1);
    const program_run docx(
        {(dir / "resdiff").string(), text.string(), text.string(), "-o", (dir / "x.docx").string()});
    CHECK(docx.rc == 2);
    CHECK(docx.err.rfind("resdiff: Word (.docx) support is not installed: resdiff-full not found in ", 0) ==
          0);
    CHECK_FALSE(fs::exists(dir / "x.docx"));
    // Texts need no module.
    const program_run texts({(dir / "resdiff").string(), text.string(), text.string()});
    CHECK(texts.rc == 0);
    CHECK(texts.err.empty());
}

TEST_CASE("pdf: a command is handed over once, and not once its output has begun", "[pdf][cli]") {
    const auto dir = scratch_dir("pdf-twice");
    const auto pdf = write(dir, "old.pdf", make_pdf(sample(), 2));
    const program_run again({RESDIFF_BINARY, "parse", pdf.string()}, {}, {{"RESDIFF_HANDED_OVER", "1"}});
    CHECK(again.rc == 2);
    CHECK(again.out.empty());
    CHECK(again.err == "resdiff: " + pdf.string() +
                           ": PDF support is not installed: the command was handed over once already "
                           "(RESDIFF_HANDED_OVER is set) and resdiff-pdf.so could not be loaded\n");
    // In process: a command that has written to standard output stays here.
    resdiff::detail::needs_full_program need{"resdiff-pdf.so", pdf.string(), "PDF", false, {}};
    std::ostringstream err;
    std::string program = RESDIFF_BINARY;
    char* argv[] = {program.data(), nullptr};
    CHECK(resdiff::cli::hand_over(argv, need, true, false, err) == 2);
    CHECK(err.str() == "resdiff: " + pdf.string() +
                           ": PDF support is not installed: it is in resdiff-full, "
                           "and this command had begun its output\n");
}
#endif
