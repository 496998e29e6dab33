// Stage 1, ingest: bytes to normalized UTF-8 lines.
//
// Order of work: size and emptiness checks, content sniffing (PDF and DOCX go
// to their readers in ingest_pdf.cpp / ingest_docx.cpp, binary data is
// refused), encoding detection and decoding to UTF-8, line splitting (LF,
// CRLF, CR; a form feed starts a new page), then normalize_text per line.
// Everything is linear in the input size.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <system_error>

#include "block_scan.hpp"
#include "ingest_formats.hpp"
#include "ingest_lines.hpp"
#include "modules.hpp"
#include "resdiff/ingest.hpp"

namespace resdiff {

namespace {

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Length of the ASCII run at the start of s[from..].
std::size_t ascii_run(std::string_view s, std::size_t from) {
    std::size_t i = from;
#if defined(__SSE2__)
    // Sixteen bytes at a time: movemask gathers their top bits.
    for (; i + 16 <= s.size(); i += 16) {
        if (_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i))) != 0) break;
    }
#endif
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    return i - from;
}

// How many bytes of s have the property. Counted in blocks of 255 bytes
// into a byte-wide counter, which the compiler turns into vector code that
// tests 16 or 32 bytes at once (a std::size_t counter per byte is 3 times
// slower: its vector code widens every flag to 64 bits).
template <class Pred>
std::size_t count_bytes(std::string_view s, Pred pred) {
    std::size_t total = 0;
    for (std::size_t from = 0; from < s.size(); from += 255) {
        const std::size_t to = std::min(s.size(), from + 255);
        std::uint8_t block = 0;
        for (std::size_t i = from; i < to; ++i) block += pred(static_cast<unsigned char>(s[i])) ? 1 : 0;
        total += block;
    }
    return total;
}

bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    std::size_t i = 0;
    while (i < s.size()) {
        if (p[i] < 0x80) {
            i += ascii_run(s, i);
            continue;
        }
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) return false;
        i += static_cast<std::size_t>(n);
    }
    return true;
}

// Windows-1252 bytes 0x80..0x9F; 0 where the code page leaves a hole.
constexpr char32_t cp1252_high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string decode_cp1252(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            out.push_back(c);
        } else if (b < 0xA0) {
            const char32_t cp = cp1252_high[b - 0x80];
            append_utf8(out, cp ? cp : 0xFFFD);
        } else {
            append_utf8(out, b);
        }
    }
    return out;
}

std::string decode_utf16(std::string_view s, bool little_endian) {
    std::string out;
    out.reserve(s.size());
    const auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(s[i]);
        const auto b = static_cast<unsigned char>(s[i + 1]);
        return little_endian ? static_cast<char32_t>(a | (b << 8)) : static_cast<char32_t>((a << 8) | b);
    };
    std::size_t i = 0;
    while (i + 1 < s.size()) {
        char32_t u = unit(i);
        i += 2;
        if (u >= 0xD800 && u < 0xDC00) {
            if (i + 1 < s.size()) {
                const char32_t low = unit(i);
                if (low >= 0xDC00 && low < 0xE000) {
                    i += 2;
                    append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                    continue;
                }
            }
            u = 0xFFFD;
        } else if (u >= 0xDC00 && u < 0xE000) {
            u = 0xFFFD;
        }
        append_utf8(out, u);
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string with_limit_message(std::size_t size, std::size_t limit) {
    std::string m = "input of ";
    m.append(std::to_string(size));
    m.append(" bytes is over the limit of ");
    m.append(std::to_string(limit));
    m.append(" bytes (see --max-input)");
    return m;
}

// Maps one code point per the rules of normalize_text and hands the result
// (nothing when the code point is dropped, several for a ligature) to `put`.
template <class Put>
void map_code_point(char32_t cp, Put&& put) {
    switch (cp) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
            put(U'\'');
            return;
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
            put(U'"');
            return;
        case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xFE58: case 0xFE63:
            put(0x2013);
            return;
        case 0x2010: case 0x2011:
            put(U'-');
            return;
        case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
            return;
        case 0xFB00: put(U'f'); put(U'f'); return;
        case 0xFB01: put(U'f'); put(U'i'); return;
        case 0xFB02: put(U'f'); put(U'l'); return;
        case 0xFB03: put(U'f'); put(U'f'); put(U'i'); return;
        case 0xFB04: put(U'f'); put(U'f'); put(U'l'); return;
        case 0xFB05: case 0xFB06: put(U's'); put(U't'); return;
        default: break;
    }
    if (cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == 0x0B || cp == 0x0C || cp == 0x00A0 || cp == 0x1680 ||
        (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
        cp == 0x3000 || cp == 0x0085) {
        put(U' ');
        return;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return;
    put(cp);
}

}  // namespace

bool detail::nfc_inert(char32_t cp) {
    // Unicode NFC_Quick_Check=Yes with combining class 0: everything below the
    // combining diacritical marks (U+0300), and general punctuation, super- and
    // subscripts and currency signs (U+2010..U+20CF; U+2000 and U+2001, which
    // NFC maps to U+2002 and U+2003, lie below and become spaces anyway).
    return cp < 0x300 || (cp >= 0x2010 && cp <= 0x20CF);
}

namespace {

// Where the run of bytes at text[from..] that normalize_text copies as they
// are ends: printable ASCII, no space right after a space (from >= 1).
std::size_t plain_run_end(std::string_view text, std::size_t from) {
    std::size_t i = from;
#if defined(__SSE2__)
    // Sixteen bytes at a time: bit k of stops(at) is set when text[at + k]
    // ends the run (at >= 1). The signed comparison with 0x20 catches control
    // characters and every byte from 0x80 up (negative as signed).
    const __m128i space = _mm_set1_epi8(' '), del = _mm_set1_epi8(0x7F);
    const auto stops = [&](std::size_t at) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
        const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at - 1));
        const __m128i unprintable = _mm_or_si128(_mm_cmplt_epi8(bytes, space), _mm_cmpeq_epi8(bytes, del));
        const __m128i doubled = _mm_and_si128(_mm_cmpeq_epi8(bytes, space), _mm_cmpeq_epi8(before, space));
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(unprintable, doubled)));
    };
    if (detail::scan_blocks(text.size(), i, 1, stops)) return i;
#endif
    const auto plain = [&](std::size_t j) {
        const auto b = static_cast<unsigned char>(text[j]);
        return b >= 0x20 && b < 0x7F && !(b == ' ' && text[j - 1] == ' ');
    };
    while (i < text.size() && plain(i)) ++i;
    return i;
}

}  // namespace

std::string normalize_text(std::string_view text) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto printable = [](utf8proc_uint8_t b) { return b >= 0x20 && b < 0x7F; };
    // Most lines are printable ASCII without a doubled space: nothing to do.
    // Otherwise their first run of it is copied as it is.
    const std::size_t first_run = !text.empty() && printable(p[0]) ? plain_run_end(text, 1) : 0;
    if (first_run == text.size()) return std::string(text);
    // One pass maps and folds white space; NFC runs only when a code point
    // NFC might change is present (a string of inert code points is in NFC).
    std::string out;
    out.reserve(text.size());
    bool needs_nfc = false;
    const auto put = [&](char32_t c) {
        if (c < 0x80) {
            if (c == U' ' && !out.empty() && out.back() == ' ') return;
            out.push_back(static_cast<char>(c));
            return;
        }
        append_utf8(out, c);
        if (!detail::nfc_inert(c)) needs_nfc = true;
    };
    out.append(text.data(), first_run);
    std::size_t i = first_run;
    while (i < text.size()) {
        const auto b = p[i];
        if (printable(b)) {
            // A run of printable ASCII is copied at once, up to a doubled space.
            if (b == ' ' && !out.empty() && out.back() == ' ') {
                ++i;
                continue;
            }
            const std::size_t j = plain_run_end(text, i + 1);
            out.append(text.data() + i, j - i);
            i = j;
            continue;
        }
        utf8proc_int32_t cp = b;
        if (b < 0x80) {
            ++i;
        } else {
            const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
            if (n <= 0) {
                cp = 0xFFFD;
                i += 1;
            } else {
                i += static_cast<std::size_t>(n);
            }
        }
        map_code_point(static_cast<char32_t>(cp), put);
    }
    if (!needs_nfc) return out;
    utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(out.c_str()));
    if (!nfc) return out;
    std::string composed(reinterpret_cast<const char*>(nfc));
    std::free(nfc);
    return composed;
}

file_type detect_file_type(std::string_view bytes) {
    if (starts_with(bytes, "%PDF-")) return file_type::pdf;
    if (starts_with(bytes, std::string_view("PK\x03\x04", 4))) {
        return bytes.find("word/document.xml") != std::string_view::npos ? file_type::docx : file_type::unknown_binary;
    }
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) return file_type::text;
    // Binary data: NUL bytes, or many control characters, in the first 64 KiB.
    const std::string_view head = bytes.substr(0, 64 * 1024);
    if (head.find('\0') != std::string_view::npos) return file_type::unknown_binary;
    // Control characters other than \t \n \v \f \r (9 to 13), as two ranges
    // the compiler tests sixteen bytes at a time.
    const std::size_t controls = count_bytes(head, [](unsigned char b) { return b < 9 || (b >= 14 && b < 0x20); });
    if (!head.empty() && controls * 20 > head.size()) return file_type::unknown_binary;
    return file_type::text;
}

namespace {

// Splits decoded UTF-8 into lines; form feeds start a new page. A form feed
// at the start of a line (pdftotext) does not add a line of its own.
void split_lines(std::string_view text, ingested_text& out) {
    out.lines.reserve(count_bytes(text, [](unsigned char b) { return b == '\n'; }) + 1);
    // Form feeds are rare (pdftotext, some exports): looked for in each line
    // only when the text has one.
    const bool form_feeds = text.find('\f') != std::string_view::npos;
    std::size_t start = 0;
    const auto push = [&](std::size_t end) {
        std::string_view raw = text.substr(start, end - start);
        if (!form_feeds) {
            out.lines.push_back(normalize_text(raw));
            return;
        }
        bool had_ff = false;
        while (!raw.empty() && raw.front() == '\f') {
            raw.remove_prefix(1);
            had_ff = true;
            if (out.page_starts.empty() || out.page_starts.back() != out.lines.size()) {
                out.page_starts.push_back(out.lines.size());
            }
        }
        if (had_ff && raw.empty() && end == text.size()) return;  // a final form feed opens no page
        // A form feed inside a line splits it.
        std::size_t ff = raw.find('\f');
        while (ff != std::string_view::npos) {
            out.lines.push_back(normalize_text(raw.substr(0, ff)));
            out.page_starts.push_back(out.lines.size());
            raw.remove_prefix(ff + 1);
            ff = raw.find('\f');
        }
        out.lines.push_back(normalize_text(raw));
    };
    if (text.find('\r') == std::string_view::npos) {
        // LF only (the usual case): memchr finds the line ends.
        for (std::size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', start)) {
            push(nl);
            start = nl + 1;
        }
    } else {
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '\n' || c == '\r') {
                push(i);
                if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
                start = i + 1;
            }
        }
    }
    if (start < text.size()) push(text.size());
    // A trailing page break after the last line opens no page.
    while (!out.page_starts.empty() && out.page_starts.back() >= out.lines.size()) out.page_starts.pop_back();
}

// The bytes of a file, read straight into their buffer (no zero-filling).
struct file_bytes {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
    std::string_view view() const { return {data.get(), size}; }
};

// Reads an open file to its end and closes it. A regular file is read with
// one call of the size the file system reports; whatever a growing or a
// special file holds beyond it is read after, the buffer doubling, up to
// max_input_bytes.
file_bytes read_all(int fd, const std::string& name, std::size_t max_input_bytes) {
    struct closer {
        int fd;
        ~closer() { ::close(fd); }
    } guard{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw input_error(name, "read error");
    if (S_ISDIR(st.st_mode)) throw input_error(name, "is a directory, not a file");
    const bool regular = S_ISREG(st.st_mode);
    const auto known = regular ? static_cast<std::size_t>(st.st_size) : 0;
    if (regular && known > max_input_bytes) {
        throw input_error(name, with_limit_message(known, max_input_bytes));
    }
    file_bytes out;
    // One byte more than the size: the end of the file is seen without a second buffer.
    std::size_t capacity = std::max<std::size_t>(known + 1, 4096);
    out.data = std::make_unique_for_overwrite<char[]>(capacity);
    for (;;) {
        if (out.size == capacity) {
            auto bigger = std::make_unique_for_overwrite<char[]>(2 * capacity);
            std::memcpy(bigger.get(), out.data.get(), out.size);
            out.data = std::move(bigger);
            capacity *= 2;
        }
        const ssize_t n = ::read(fd, out.data.get() + out.size, capacity - out.size);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw input_error(name, "read error");
        }
        if (n == 0) break;
        out.size += static_cast<std::size_t>(n);
        // A device or pipe that never ends is refused at the limit.
        if (out.size > max_input_bytes) throw input_error(name, with_limit_message(out.size, max_input_bytes));
    }
    return out;
}

}  // namespace

ingested_text ingest_bytes(std::string_view bytes, std::string source, const ingest_options& options) {
    if (bytes.size() > options.max_input_bytes) throw input_error(source, with_limit_message(bytes.size(), options.max_input_bytes));
    if (bytes.empty()) throw input_error(source, "empty file");
    const file_type type = detect_file_type(bytes);
    if (type == file_type::unknown_binary) {
        throw input_error(source, "binary data, not a text, PDF or DOCX document");
    }
    if (type == file_type::pdf || type == file_type::docx) {
        ingested_text raw = detail::read_binary_format(type, bytes, source, options);
        for (auto& line : raw.lines) line = normalize_text(line);
        raw.type = type;
        if (raw.source.empty()) raw.source = source;
        if (raw.encoding.empty()) raw.encoding = type == file_type::pdf ? "PDF" : "DOCX";
        return raw;
    }
    ingested_text out;
    out.source = std::move(source);
    out.type = file_type::text;
    std::string decoded;
    std::string_view text = bytes;
    if (starts_with(bytes, "\xEF\xBB\xBF")) {
        out.encoding = "UTF-8 (BOM)";
        text.remove_prefix(3);
        if (!valid_utf8(text)) {
            decoded = decode_cp1252(text);
            text = decoded;
            out.encoding = "Windows-1252";
            out.warnings.push_back("invalid UTF-8 after a UTF-8 byte-order mark, read as Windows-1252");
        }
    } else if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
        const bool le = bytes[0] == '\xFF';
        out.encoding = le ? "UTF-16LE" : "UTF-16BE";
        if (bytes.size() % 2 != 0) out.warnings.push_back("odd number of bytes in UTF-16 text, last byte ignored");
        decoded = decode_utf16(bytes.substr(2), le);
        text = decoded;
    } else if (valid_utf8(bytes)) {
        out.encoding = "UTF-8";
    } else {
        out.encoding = "Windows-1252";
        out.warnings.push_back("invalid UTF-8, read as Windows-1252");
        decoded = decode_cp1252(bytes);
        text = decoded;
    }
    split_lines(text, out);
    const bool blank = std::all_of(out.lines.begin(), out.lines.end(), [](const std::string& l) {
        return l.find_first_not_of(' ') == std::string::npos;
    });
    if (blank) throw input_error(out.source, "empty file (white space only)");
    return out;
}

namespace {

// A descriptor to read `path` (`name`) from, for read_all to close: "-" is
// a copy of standard input's.
int open_input(const std::filesystem::path& path, const std::string& name) {
    if (name == "-") {
        const int in = ::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0);
        if (in < 0) throw input_error(name, "standard input is closed");
        return in;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        // Why, in the words the checks before opening would have used.
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) throw input_error(name, "is a directory, not a file");
        if (!std::filesystem::exists(path, ec)) throw input_error(name, "no such file");
        throw input_error(name, "cannot open file for reading");
    }
    return fd;
}

}  // namespace

ingested_text ingest_file(const std::filesystem::path& path, const ingest_options& options) {
    const std::string name = path.string();
    const file_bytes bytes = read_all(open_input(path, name), name, options.max_input_bytes);
    try {
        return ingest_bytes(bytes.view(), name, options);
    } catch (detail::needs_full_program& e) {
        // Read once: the full program gets the bytes to read again.
        if (name == "-") e.standard_input = true, e.input.assign(bytes.view());
        throw;
    }
}

}  // namespace resdiff
