// Ingest: encodings, line ends, page breaks, bad input.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "resdiff/ingest.hpp"
#include "resdiff/parse.hpp"
#include "support.hpp"

using namespace resdiff;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

const char* const small_resolution =
    "The General Assembly,\n"
    "Recalling its resolution 1 of 2 January 2000,\n"
    "1. Decides to remain seized of the matter.\n";

}  // namespace

TEST_CASE("ingest: UTF-8, with and without a byte-order mark", "[ingest]") {
    const auto a = ingest_bytes("caf\xC3\xA9\nline two\n", "a");
    CHECK(a.encoding == "UTF-8");
    CHECK(a.lines == std::vector<std::string>{"caf\xC3\xA9", "line two"});
    CHECK(a.warnings.empty());
    const auto b = ingest_bytes("\xEF\xBB\xBF" "caf\xC3\xA9\n", "b");
    CHECK(b.encoding == "UTF-8 (BOM)");
    CHECK(b.lines == std::vector<std::string>{"caf\xC3\xA9"});
}

TEST_CASE("ingest: UTF-16 with a byte-order mark, both byte orders", "[ingest]") {
    // "Noting\r\nA\xE9" in UTF-16LE and BE; the e-acute is U+00E9, and a
    // surrogate pair (U+1F600) decodes to four UTF-8 bytes.
    const std::string le("\xFF\xFEN\0o\0t\0i\0n\0g\0\r\0\n\0A\0\xE9\0=\xD8\0\xDE", 26);
    const auto l = ingest_bytes(le, "le");
    CHECK(l.encoding == "UTF-16LE");
    CHECK(l.lines == std::vector<std::string>{"Noting", "A\xC3\xA9\xF0\x9F\x98\x80"});
    const std::string be("\xFE\xFF\0N\0o\0t\0e\0\n\0\xE9", 14);
    const auto b = ingest_bytes(be, "be");
    CHECK(b.encoding == "UTF-16BE");
    CHECK(b.lines == std::vector<std::string>{"Note", "\xC3\xA9"});
    CHECK(detect_file_type(le) == file_type::text);
}

TEST_CASE("ingest: invalid UTF-8 falls back to Windows-1252 with a warning", "[ingest]") {
    // 0x93/0x94 are curly quotes, 0x96 an en dash, 0xE9 e-acute in Windows-1252.
    const auto t = ingest_bytes("\x93Quoted\x94 text \x96 caf\xE9\n", "w");
    CHECK(t.encoding == "Windows-1252");
    REQUIRE(t.warnings.size() == 1);
    CHECK(t.warnings[0].find("Windows-1252") != std::string::npos);
    CHECK(t.lines == std::vector<std::string>{"\"Quoted\" text \xE2\x80\x93 caf\xC3\xA9"});
}

TEST_CASE("ingest: a byte that is not UTF-8 is seen at any offset", "[ingest]") {
    // The UTF-8 check skips ASCII sixteen bytes at a time.
    for (std::size_t at = 0; at <= 40; ++at) {
        const std::string ascii(at, 'a');
        INFO("offset " << at);
        CHECK(ingest_bytes(ascii + "caf\xC3\xA9 tail of the line, long enough\n").encoding == "UTF-8");
        const ingested_text latin = ingest_bytes(ascii + "caf\xE9 tail of the line, long enough\n");
        CHECK(latin.encoding == "Windows-1252");
        CHECK(latin.lines.front() == ascii + "caf\xC3\xA9 tail of the line, long enough");
    }
}

TEST_CASE("ingest: CRLF, CR and LF line ends give the same lines", "[ingest]") {
    const auto lf = ingest_bytes("one\ntwo\n\nthree");
    const auto crlf = ingest_bytes("one\r\ntwo\r\n\r\nthree\r\n");
    const auto cr = ingest_bytes("one\rtwo\r\rthree\r");
    CHECK(lf.lines == std::vector<std::string>{"one", "two", "", "three"});
    CHECK(crlf.lines == lf.lines);
    CHECK(cr.lines == lf.lines);
    // The same resolution parses identically whatever the line ends.
    std::string text = small_resolution, crlf_text;
    for (const char c : text) {
        if (c == '\n') crlf_text += '\r';
        crlf_text += c;
    }
    const auto d1 = parse_text(text), d2 = parse_text(crlf_text);
    CHECK(d1.operative.size() == 1);
    CHECK(d1.preamble == d2.preamble);
    CHECK(d1.operative == d2.operative);
}

TEST_CASE("ingest: form feeds start pages without adding lines", "[ingest]") {
    const auto t = ingest_bytes("page one\n\fpage two\nmore\f\nx\fy\n\f");
    CHECK(t.lines == std::vector<std::string>{"page one", "page two", "more", "", "x", "y"});
    CHECK(t.page_starts == std::vector<std::size_t>{1, 3, 5});
}

TEST_CASE("ingest: empty, white-space only and binary input are refused", "[ingest]") {
    CHECK_THROWS_WITH(ingest_bytes("", "e.txt"), "empty file");
    CHECK_THROWS_WITH(ingest_bytes(" \n\t\n", "w.txt"), Catch::Contains("empty file"));
    const std::string binary("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16);
    CHECK(detect_file_type(binary) == file_type::unknown_binary);
    CHECK_THROWS_WITH(ingest_bytes(binary, "b.bin"), Catch::Contains("binary"));
    CHECK(detect_file_type("%PDF-1.7\n...") == file_type::pdf);
    CHECK(detect_file_type(std::string("PK\x03\x04", 4) + "....word/document.xml") == file_type::docx);
    CHECK(detect_file_type(std::string("PK\x03\x04", 4) + "....other.bin") == file_type::unknown_binary);
    try {
        ingest_bytes("", "named.txt");
        FAIL("no exception");
    } catch (const input_error& e) {
        CHECK(e.path() == "named.txt");
    }
}

TEST_CASE("ingest: text is binary from one control character in twenty on", "[ingest]") {
    // 2000 bytes with control characters spread over all of them: 100 is
    // exactly one in twenty (still text), 101 is more. White space and line
    // ends are no control characters.
    const auto sample = [](int controls) {
        std::string s;
        for (int i = 0; s.size() < 2000; ++i) {
            s += i < controls ? '\x01' : 'a';
            s += i % 4 == 0 ? "\n\t\r" : "bcdefghijklmnopqr ";
        }
        s.resize(2000);
        return s;
    };
    const std::string text = sample(100), binary = sample(101);
    REQUIRE(std::count(text.begin(), text.end(), '\x01') == 100);
    REQUIRE(std::count(binary.begin(), binary.end(), '\x01') == 101);
    CHECK(detect_file_type(text) == file_type::text);
    CHECK(detect_file_type(binary) == file_type::unknown_binary);
}

TEST_CASE("ingest: the size limit is enforced before reading", "[ingest]") {
    ingest_options small;
    small.max_input_bytes = 10;
    CHECK_THROWS_WITH(ingest_bytes("more than ten bytes", "x", small), Catch::Contains("over the limit of 10 bytes"));
    const fs::path dir = scratch_dir("ingest-limit");
    write(dir / "big.txt", std::string(100, 'a'));
    CHECK_THROWS_WITH(ingest_file(dir / "big.txt", small), Catch::Contains("over the limit"));
    // A device that never ends is read only up to the limit.
    small.max_input_bytes = 100000;
    CHECK_THROWS_WITH(ingest_file("/dev/zero", small), Catch::Contains("over the limit of 100000 bytes"));
    fs::remove_all(dir);
}

TEST_CASE("ingest: a missing file and a directory are clear errors", "[ingest]") {
    CHECK_THROWS_WITH(ingest_file("/nonexistent/resolution.txt"), "no such file");
    const fs::path dir = scratch_dir("ingest-dir");
    CHECK_THROWS_WITH(ingest_file(dir), Catch::Contains("directory"));
    fs::remove_all(dir);
}

TEST_CASE("ingest: a file whose size is not known beforehand is read to its end", "[ingest]") {
    // A named pipe reports no size: the reader grows its buffer as data comes.
    const fs::path dir = scratch_dir("ingest-fifo");
    const fs::path fifo = dir / "pipe.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string text, last;
    for (int i = 1; text.size() < 100000; ++i) {
        last = std::to_string(i) + ". Decides to remain seized of the matter.";
        text += last + '\n';
    }
    std::thread writer([&] { write(fifo, text); });
    const ingested_text in = ingest_file(fifo);
    writer.join();
    REQUIRE(!in.lines.empty());
    CHECK(in.lines.front() == "1. Decides to remain seized of the matter.");
    CHECK(in.lines.size() == static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
    CHECK(in.lines.back() == last);
    fs::remove_all(dir);
}

TEST_CASE("ingest: a file is read whole, the same as its bytes in memory", "[ingest]") {
    const fs::path dir = scratch_dir("ingest-whole");
    std::string text;
    for (int i = 1; text.size() < 70000; ++i) text += std::to_string(i) + ". Decides\xE2\x80\x94 to remain  seized.\n";
    write(dir / "r.txt", text);
    const ingested_text from_file = ingest_file(dir / "r.txt");
    const ingested_text from_memory = ingest_bytes(text, (dir / "r.txt").string());
    CHECK(from_file.lines == from_memory.lines);
    CHECK(from_file.source == from_memory.source);
    CHECK(from_file.lines.size() == static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
    fs::remove_all(dir);
}

TEST_CASE("cli parse: bad input gives one line on stderr and exit code 2", "[ingest][cli]") {
    const fs::path dir = scratch_dir("parse-bad");
    write(dir / "empty.txt", "");
    write(dir / "binary.dat", std::string("\0\1\2\3\0\xFF\xFE\0garbage\0", 14) + std::string(200, '\0'));
    for (const auto& [name, message] : {std::pair<std::string, std::string>{"empty.txt", "empty file"},
                                        {"binary.dat", "binary data"},
                                        {"missing.txt", "no such file"}}) {
        INFO(name);
        const cli_run r({"parse", (dir / name).string()});
        CHECK(r.rc == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find(message) != std::string::npos);
        CHECK(r.err.find(name) != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    // Only page furniture: nothing to parse.
    write(dir / "furniture.txt", "A/RES/99/1\n\n25-12345 (E)\n*2512345*\n2/3\n");
    const cli_run f({"parse", (dir / "furniture.txt").string()});
    CHECK(f.rc == 2);
    CHECK(f.err.find("no paragraphs found") != std::string::npos);
    // Windows-1252 text parses, with the warning on stderr and exit 0.
    write(dir / "cp1252.txt", "The General Assembly,\nRecalling its \x93" "decision\x94,\n1. Decides to act.\n");
    const cli_run w({"parse", (dir / "cp1252.txt").string()});
    CHECK(w.rc == 0);
    CHECK(w.err.find("Windows-1252") != std::string::npos);
    CHECK(w.out.find("Recalling its \"decision\",") != std::string::npos);
    // UTF-16 with a BOM parses like UTF-8.
    std::string u16 = "\xFF\xFE";
    for (const char c : std::string(small_resolution)) {
        u16 += c;
        u16 += '\0';
    }
    write(dir / "utf16.txt", u16);
    const cli_run u({"parse", "--format", "json", (dir / "utf16.txt").string()});
    CHECK(u.rc == 0);
    CHECK(u.out.find("\"lead\": \"Decides\"") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("ingest: a 50 MB file is read and parsed", "[ingest][large]") {
    // Linear time is measured with scripts/bench; here: it completes, keeps
    // every paragraph and does not crash.
    const fs::path dir = scratch_dir("parse-large");
    const fs::path file = dir / "large.txt";
    {
        std::ofstream out(file, std::ios::binary);
        out << "The General Assembly,\nRecalling its earlier resolutions on the matter,\n";
        std::size_t written = 0;
        int n = 1;
        while (written < 50u * 1000u * 1000u) {
            std::string para = std::to_string(n++);
            para.append(". Decides that the subsidiary body shall continue its work on the questions\n"
                        "before it, in accordance with its mandate and the rules of procedure;\n");
            out << para;
            written += para.size();
        }
    }
    CHECK(fs::file_size(file) > 50u * 1000u * 1000u);
    const document d = parse_file(file);
    CHECK(d.structured);
    CHECK(d.preamble.size() == 1);
    CHECK(d.operative.size() > 300000);
    CHECK(d.operative.back().number == std::to_string(d.operative.size()));
    fs::remove_all(dir);
}
