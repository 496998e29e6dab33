// Private to the JSON writers (json_document.cpp, json_comparison.cpp): JSON
// written straight to a string, no object tree. The layout and escaping are
// those of nlohmann::json's dump(2, ' ', false, error_handler_t::replace), so
// the text is byte for byte what the tree-based writer gave:
//   - 2-space indentation, "key": value, empty containers as [] and {};
//   - '"', '\\', \b \f \n \r \t escaped, other control characters as \u00xx
//     (lower-case hex), everything else (DEL, valid UTF-8) passed through;
//   - invalid UTF-8 replaced by U+FFFD, one per maximal ill-formed prefix (the
//     Unicode practice nlohmann's decoder follows).
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "resdiff/document.hpp"

namespace resdiff::detail {

// The UTF-8 sequence starting at s[i]: its length and whether it is valid. An
// invalid one's length is its longest well-formed prefix (at least 1 byte),
// which becomes one U+FFFD.
inline std::pair<std::size_t, bool> utf8_sequence(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return {1, true};
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte (Unicode table 3-7)
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return {1, false};
    }
    std::size_t k = 1;
    for (; k < n && i + k < s.size(); ++k) {
        const auto d = static_cast<unsigned char>(s[i + k]);
        if (d < lo || d > hi) return {k, false};
        lo = 0x80, hi = 0xBF;
    }
    return {k, k == n};
}

// Whether one of the 8 bytes in x needs a look in json_writer::string(): a
// control character, '"', '\\' or a byte of a multi-byte UTF-8 sequence.
// (Each test is the classic "has a zero byte" bit trick, exact as a yes/no.)
constexpr bool any_special(std::uint64_t x) {
    constexpr std::uint64_t ones = 0x0101010101010101, high = 0x8080808080808080;
    const auto has_zero = [](std::uint64_t v) { return (v - ones) & ~v & high; };
    const std::uint64_t below_space = (x - ones * 0x20) & ~x & high;
    return (below_space | has_zero(x ^ (ones * '"')) | has_zero(x ^ (ones * '\\')) | (x & high)) != 0;
}

class json_writer {
public:
    std::string out;
    std::ostream* sink = nullptr;  // when set, `out` is a buffer handed to it in large pieces

    // Hands what is buffered to the sink (between values, at any point).
    void drain(bool force = false) {
        if (sink != nullptr && (force || out.size() >= (std::size_t{1} << 20))) {
            sink->write(out.data(), static_cast<std::streamsize>(out.size()));
            out.clear();
        }
    }

    void string(std::string_view s) {
        out += '"';
        std::size_t plain_from = 0;
        const auto flush = [&](std::size_t to) { out.append(s.data() + plain_from, to - plain_from); };
        for (std::size_t i = 0; i < s.size();) {
            // Runs of plain ASCII are skipped eight bytes at a time.
            for (std::uint64_t word = 0; i + 8 <= s.size(); i += 8) {
                std::memcpy(&word, s.data() + i, 8);
                if (any_special(word)) break;
            }
            if (i == s.size()) break;
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
                ++i;
                continue;
            }
            if (c >= 0x80) {
                const auto [n, valid] = utf8_sequence(s, i);
                if (!valid) {
                    flush(i);
                    out += "\xEF\xBF\xBD";
                    plain_from = i + n;
                }
                i += n;
                continue;
            }
            flush(i);
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default: {
                    static constexpr char hex[] = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                }
            }
            plain_from = ++i;
        }
        flush(s.size());
        out += '"';
    }

    template <class Int>
    void integer(Int n) {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, n);
        out.append(buf, static_cast<std::size_t>(r.ptr - buf));
    }
    void number(std::size_t n) { integer(n); }
    void number(int n) { integer(n); }
    void number(double x) {
        char buf[64];
        const auto r = std::to_chars(buf, buf + sizeof buf, x);
        const std::string_view v(buf, static_cast<std::size_t>(r.ptr - buf));
        out += v;
        if (v.find_first_of(".eE") == std::string_view::npos) out += ".0";
    }
    void boolean(bool b) { out += b ? "true" : "false"; }
    void null() { out += "null"; }

    // Containers: open, then key(...) or item() before each member, then close.
    void open(char bracket) {
        out += bracket;
        first_.push_back(true);
    }
    void close(char bracket) {
        const bool empty = first_.back();
        first_.pop_back();
        if (!empty) newline();
        out += bracket;
    }
    // k is a name from this code: plain ASCII, nothing to escape.
    void key(std::string_view k) {
        item();
        out += '"';
        out += k;
        out += "\": ";
    }
    void item() {
        drain();
        if (!first_.back()) out += ',';
        first_.back() = false;
        newline();
    }

    void strings(const std::vector<std::string>& items) {
        open('[');
        for (const auto& s : items) {
            item();
            string(s);
        }
        close(']');
    }
    void integers(const std::vector<int>& items) {
        open('[');
        for (const int n : items) {
            item();
            number(n);
        }
        close(']');
    }

private:
    void newline() {
        out += '\n';
        out.append(2 * first_.size(), ' ');
    }
    std::vector<bool> first_;  // per open container: no member yet
};

// The document as document_to_json gives it, at the writer's current depth
// (json_document.cpp).
void write_document(json_writer& w, const document& doc);

}  // namespace resdiff::detail
