// Private to the JSON writers (json_document.cpp, json_comparison.cpp): JSON
// written straight to a buffer (collected or streamed), no object tree. The layout and escaping are
// those of nlohmann::json's dump(2, ' ', false, error_handler_t::replace), so
// the text is byte for byte what the tree-based writer gave:
//   - 2-space indentation, "key": value, empty containers as [] and {};
//   - '"', '\\', \b \f \n \r \t escaped, other control characters as \u00xx
//     (lower-case hex), everything else (DEL, valid UTF-8) passed through;
//   - invalid UTF-8 replaced by U+FFFD, one per maximal ill-formed prefix (the
//     Unicode practice nlohmann's decoder follows).
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "block_scan.hpp"
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

// Length of the run at the start of s[from..] that json_writer::string()
// copies as it is: no control character, '"', '\\' or byte of a multi-byte
// UTF-8 sequence.
inline std::size_t plain_run(std::string_view s, std::size_t from) {
    std::size_t i = from;
#if defined(__SSE2__)
    // Sixteen bytes at a time: bit k of stops(in, at) is set when in[at + k] ends
    // the run. The signed comparison with 0x20 catches control characters
    // and every byte from 0x80 up (negative as signed).
    const __m128i space = _mm_set1_epi8(' '), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const auto stops = [&](std::string_view in, std::size_t at) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in.data() + at));
        const __m128i escaped = _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash));
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(bytes, space), escaped)));
    };
    if (scan_blocks(s.size(), i, 0, [&](std::size_t at) { return stops(s, at); })) return i - from;
    // A string shorter than a block (ids, names of kinds and classes):
    // checked as one block, padded with plain bytes.
    char block[16];
    std::memset(block, 'a', sizeof block);
    std::memcpy(block, s.data() + i, s.size() - i);
    const unsigned stop = stops(std::string_view(block, sizeof block), 0);
    return (stop != 0 ? i + static_cast<std::size_t>(std::countr_zero(stop)) : s.size()) - from;
#endif
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
        ++i;
    }
    return i - from;
}

class json_writer {
public:
    // Size of the pieces handed to a sink: small enough that the buffer's
    // pages are reused (every new page costs a page fault), large enough for
    // few write calls.
    static constexpr std::size_t chunk = std::size_t{64} << 10;

    // Without a sink the text is collected for take().
    json_writer() = default;
    // With a sink the text is handed to it in pieces of about `chunk` bytes,
    // between values; finish() hands over the rest. Its buffer grows as it
    // fills, up to a piece and a margin (allocated and zeroed at once, the
    // buffer of a writer handing over a few bytes cost 20 page faults).
    explicit json_writer(std::ostream& sink) : sink_(&sink) {}

    // A writer for text that `outer` splices in later at the point it has
    // reached now (just after a key or an item): the same depth and
    // indentation, so the piece reads as if `outer` had written it.
    static json_writer continuing(const json_writer& outer) {
        json_writer w;
        w.continue_from(outer);
        return w;
    }
    // The same, handing its text to `sink` as it goes: a value written
    // straight after what `outer` has handed to the same sink (`outer` is
    // drained with finish() before, and writes nothing until this one has
    // finished).
    static json_writer continuing(const json_writer& outer, std::ostream& sink) {
        json_writer w(sink);
        w.continue_from(outer);
        return w;
    }
    // Its text goes after members that another writer writes first: its
    // first member, too, is preceded by a separator.
    void after_members() { empty_ = false; }
    // Room for about `bytes` of text, allocated at once (a writer without a
    // sink, whose buffer would otherwise be copied each time it doubles).
    void expect(std::size_t bytes) {
        if (buf_.size() < bytes) buf_.resize(bytes);
    }
    // The text of a `continuing` writer, written as is. It ends after a
    // value, as this writer's own text would have: its container has a member.
    void splice(std::string_view text) {
        if (sink_ != nullptr) {
            drain(true);
            sink_->write(text.data(), static_cast<std::streamsize>(text.size()));
        } else {
            bytes(text.data(), text.size());
        }
        empty_ = false;
    }

    std::string take() {
        buf_.resize(pos_);
        pos_ = 0;
        return std::move(buf_);
    }
    void finish() { drain(true); }

    // Text written as is (a final line break).
    void raw(std::string_view text) { bytes(text.data(), text.size()); }

    void string(std::string_view s) {
        std::size_t i = plain_run(s, 0);
        if (i == s.size()) {
            // The usual case, nothing to escape or check: one copy.
            char* to = room(s.size() + 2);
            *to = '"';
            std::memcpy(to + 1, s.data(), s.size());
            to[s.size() + 1] = '"';
            pos_ += s.size() + 2;
            return;
        }
        put('"');
        std::size_t plain_from = 0;
        const auto flush = [&](std::size_t to) { bytes(s.data() + plain_from, to - plain_from); };
        for (; i < s.size(); i += plain_run(s, i)) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x80) {
                const auto [n, valid] = utf8_sequence(s, i);
                if (!valid) {
                    flush(i);
                    raw("\xEF\xBF\xBD");
                    plain_from = i + n;
                }
                i += n;
                continue;
            }
            flush(i);
            switch (c) {
                case '"': raw("\\\""); break;
                case '\\': raw("\\\\"); break;
                case '\b': raw("\\b"); break;
                case '\f': raw("\\f"); break;
                case '\n': raw("\\n"); break;
                case '\r': raw("\\r"); break;
                case '\t': raw("\\t"); break;
                default: {
                    static constexpr char hex[] = "0123456789abcdef";
                    const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                    bytes(escaped, sizeof escaped);
                }
            }
            plain_from = ++i;
        }
        flush(s.size());
        put('"');
    }

    // Where a string was written, so that the same text can be written again
    // by copying its escaped form (a preamble paragraph's intro is its text).
    struct mark {
        std::size_t from = 0, to = 0, drains = 0;
    };
    mark marked_string(std::string_view s) {
        const std::size_t from = pos_;
        string(s);
        return {from, pos_, drains_};
    }
    // s again, equal to the string that `m` marks: copied when still in the buffer.
    void string_again(const mark& m, std::string_view s) {
        if (m.drains != drains_) return string(s);
        const std::size_t n = m.to - m.from;
        char* to = room(n);
        std::memcpy(to, buf_.data() + m.from, n);
        pos_ += n;
    }

    template <class Int>
    void integer(Int n) {
        char* to = room(24);
        pos_ += static_cast<std::size_t>(std::to_chars(to, to + 24, n).ptr - to);
    }
    void number(std::size_t n) { integer(n); }
    void number(int n) { integer(n); }
    void number(double x) {
        char buf[64];
        const auto r = std::to_chars(buf, buf + sizeof buf, x);
        const std::string_view v(buf, static_cast<std::size_t>(r.ptr - buf));
        raw(v);
        if (v.find_first_of(".eE") == std::string_view::npos) raw(".0");
    }
    void boolean(bool b) { raw(b ? "true" : "false"); }
    void null() { raw("null"); }

    // Containers: open, then key(...) or item() before each member, then close.
    // Only the innermost container's "no member yet" is needed: a container
    // is always opened as a member of its parent, so the parent has one.
    void open(char bracket) {
        put(bracket);
        ++depth_;
        if (indent_.size() < 2 * depth_ + 2) indent_.resize(2 * depth_ + 2, ' ');
        empty_ = true;
    }
    void close(char bracket) {
        --depth_;
        if (!empty_) line_break(false);
        put(bracket);
        empty_ = false;
    }
    // k is a name from this code: plain ASCII, nothing to escape. A literal's
    // length is known here, so its copy is a few moves.
    template <std::size_t N>
    void key(const char (&k)[N]) {
        item();
        char* to = room(N + 3);
        *to = '"';
        std::memcpy(to + 1, k, N - 1);
        std::memcpy(to + N, "\": ", 3);
        pos_ += N + 3;
    }
    void key(std::string_view k) {
        item();
        char* to = room(k.size() + 4);
        *to++ = '"';
        std::memcpy(to, k.data(), k.size());
        to += k.size();
        std::memcpy(to, "\": ", 3);
        pos_ += k.size() + 4;
    }
    // A separator, then a line break and the indentation of the current depth.
    void item() {
        drain();
        line_break(!empty_);
        empty_ = false;
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
    // Where `outer` is: its depth, its indentation, whether its container has a member yet.
    void continue_from(const json_writer& outer) {
        depth_ = outer.depth_;
        empty_ = outer.empty_;
        indent_ = outer.indent_;
    }
    // The text goes to buf_[0, pos_); buf_ beyond pos_ is room already
    // allocated, so that a write checks the space once and copies.
    char* room(std::size_t n) {
        if (buf_.size() - pos_ < n) [[unlikely]] grow(n);
        return buf_.data() + pos_;
    }
    [[gnu::noinline]] void grow(std::size_t n) {
        std::size_t size = std::max(2 * buf_.size(), std::size_t{256});
        if (sink_ != nullptr) size = std::min(size, chunk + chunk / 4);
        buf_.resize(std::max(size, pos_ + n));
    }
    // ",\n" (or "\n" alone) and the indentation of the current depth, from
    // indent_. Up to the usual depths a fixed-size block is copied (a few
    // moves instead of a call) and only the part needed is kept.
    void line_break(bool comma) {
        const char* from = indent_.data() + (comma ? 0 : 1);
        const std::size_t n = (comma ? 2 : 1) + 2 * depth_;
        if (n <= short_indent) {
            std::memcpy(room(short_indent), from, short_indent);
            pos_ += n;
        } else {
            bytes(from, n);
        }
    }
    void bytes(const char* p, std::size_t n) {
        std::memcpy(room(n), p, n);
        pos_ += n;
    }
    void put(char c) {
        *room(1) = c;
        ++pos_;
    }
    void drain(bool force = false) {
        if (sink_ != nullptr && (force || pos_ >= chunk)) {
            sink_->write(buf_.data(), static_cast<std::streamsize>(pos_));
            pos_ = 0;
            ++drains_;
        }
    }

    std::ostream* sink_ = nullptr;
    std::string buf_;
    std::size_t pos_ = 0;
    std::size_t drains_ = 0;  // times the buffer was handed to the sink
    std::size_t depth_ = 0;
    bool empty_ = true;
    // A comma, a line break and spaces for the deepest level so far, at
    // least short_indent bytes after the comma.
    static constexpr std::size_t short_indent = 32;
    std::string indent_ = std::string(",\n") + std::string(short_indent, ' ');
};

// The document as document_to_json gives it, at the writer's current depth
// (json_document.cpp).
void write_document(json_writer& w, const document& doc);

}  // namespace resdiff::detail
