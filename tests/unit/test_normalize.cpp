// normalize_text: the same wording always compares equal.
#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "ingest_lines.hpp"
#include "resdiff/ingest.hpp"

using resdiff::normalize_text;

TEST_CASE("normalize: typographic quotes become ASCII quotes", "[normalize]") {
    CHECK(normalize_text("\xE2\x80\x9CTransforming our world\xE2\x80\x9D") == "\"Transforming our world\"");
    CHECK(normalize_text("the Agency\xE2\x80\x99s work") == "the Agency's work");
    CHECK(normalize_text("\xE2\x80\x98quoted\xE2\x80\x99") == "'quoted'");
    CHECK(normalize_text("\xE2\x80\x9E" "low\xE2\x80\x9F") == "\"low\"");
}

TEST_CASE("normalize: dashes fold to one en dash, hyphens to ASCII", "[normalize]") {
    const std::string en = "\xE2\x80\x93";
    CHECK(normalize_text("2024\xE2\x80\x94" "2034") == "2024" + en + "2034");  // em dash
    CHECK(normalize_text("a \xE2\x88\x92 b") == "a " + en + " b");            // minus sign
    CHECK(normalize_text("x\xE2\x80\x92y") == "x" + en + "y");                 // figure dash
    CHECK(normalize_text("2024\xE2\x80\x93" "2034") == "2024" + en + "2034");  // en dash unchanged
    CHECK(normalize_text("follow\xE2\x80\x91up") == "follow-up");              // non-breaking hyphen
    CHECK(normalize_text("follow\xE2\x80\x90up") == "follow-up");              // hyphen
}

TEST_CASE("normalize: spaces, soft hyphens, zero-width and control characters", "[normalize]") {
    CHECK(normalize_text("United\xC2\xA0Nations") == "United Nations");            // no-break space
    CHECK(normalize_text("10\xE2\x80\xAF" "000") == "10 000");                      // narrow no-break space
    CHECK(normalize_text("a\xE2\x80\x89" "b\xE2\x80\x83" "c") == "a b c");          // thin, em space
    CHECK(normalize_text("de\xC2\xAD" "velopment") == "development");               // soft hyphen
    CHECK(normalize_text("zero\xE2\x80\x8Bwidth\xEF\xBB\xBF") == "zerowidth");      // ZWSP, BOM
    CHECK(normalize_text("bell\x07 and\x01 nul") == "bell and nul");
    CHECK(normalize_text("tab\there") == "tab here");
    CHECK(normalize_text("many     spaces") == "many spaces");
    // Leading and trailing white space is kept (collapsed), callers trim.
    CHECK(normalize_text("\tRecalling ") == " Recalling ");
}

TEST_CASE("normalize: ligatures expand, NFC composes", "[normalize]") {
    CHECK(normalize_text("e\xEF\xAC\x80" "ective of\xEF\xAC\x81" "cials \xEF\xAC\x82ow") == "effective officials flow");
    // "e" + combining acute -> U+00E9
    CHECK(normalize_text("Jo\x61\xCC\x83o Pessoa") == "Jo\xC3\xA3o Pessoa");
    CHECK(normalize_text("caf\x65\xCC\x81") == "caf\xC3\xA9");
    CHECK(normalize_text("caf\xC3\xA9") == normalize_text("caf\x65\xCC\x81"));
}

TEST_CASE("normalize: invalid UTF-8 bytes become U+FFFD, never a crash", "[normalize]") {
    CHECK(normalize_text("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(normalize_text("\xC3") == "\xEF\xBF\xBD");
    CHECK(normalize_text("") == "");
    CHECK(normalize_text("plain ASCII, unchanged.") == "plain ASCII, unchanged.");
}

TEST_CASE("normalize: ASCII at every offset against a plain reference", "[normalize]") {
    // normalize_text scans plain ASCII eight bytes at a time: a space pair,
    // a control character or DEL at any position of a word, or across two
    // words, must come out as the byte-by-byte rule says: white space to one
    // space, other control characters and DEL dropped.
    const auto reference = [](const std::string& s) {
        std::string out;
        for (const char c : s) {
            const auto b = static_cast<unsigned char>(c);
            const bool white = b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0B || b == 0x0C;
            if (white) {
                if (out.empty() || out.back() != ' ') out += ' ';
            } else if (b >= 0x20 && b < 0x7F) {
                out += c;
            }
        }
        return out;
    };
    const std::string specials[] = {" ", "  ", "   ", "\t", "\x7F", "\x01", " \x01 ", "\x1F", "~", "\n "};
    std::size_t checked = 0;
    for (const auto& special : specials) {
        for (std::size_t at = 0; at <= 40; ++at) {
            for (std::size_t length : {at, at + 1, at + 9, std::size_t{48}}) {
                std::string s;
                for (std::size_t i = 0; s.size() < length; ++i) s += static_cast<char>('a' + i % 26);
                const std::string text = s.substr(0, at) + special + s.substr(std::min(at, s.size()));
                INFO("text: " << text);
                CHECK(normalize_text(text) == reference(text));
                ++checked;
            }
        }
    }
    CHECK(checked == 10 * 41 * 4);
}

TEST_CASE("normalize: idempotent", "[normalize]") {
    const std::string samples[] = {"\xE2\x80\x9C" "A\xE2\x80\x9D \xE2\x80\x94 b\xC2\xA0" "c", "x\xEF\xAC\x81" "y  z",
                                   "caf\x65\xCC\x81"};
    for (const auto& s : samples) CHECK(normalize_text(normalize_text(s)) == normalize_text(s));
}

TEST_CASE("normalize: the code points that skip NFC are ones NFC never changes", "[normalize]") {
    // normalize_text leaves out NFC when every code point is "inert": of
    // combining class 0 and composing with no neighbour. Checked here on
    // every inert code point alone and on every pair of them.
    std::vector<std::string> inert;
    for (char32_t cp = 1; cp < 0x110000; ++cp) {
        if (!resdiff::detail::nfc_inert(cp)) continue;
        REQUIRE(utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class == 0);
        utf8proc_uint8_t buf[4];
        const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
        inert.emplace_back(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
    }
    REQUIRE(inert.size() > 900);
    const auto nfc = [](const std::string& s) {
        utf8proc_uint8_t* out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
        std::string r(reinterpret_cast<const char*>(out));
        std::free(out);
        return r;
    };
    std::size_t changed = 0;
    for (const auto& a : inert) {
        for (const auto& b : inert) {
            const std::string pair = a + b;
            if (nfc(pair) != pair) ++changed;
        }
    }
    CHECK(changed == 0);
    // And a non-inert code point still goes through NFC.
    CHECK_FALSE(resdiff::detail::nfc_inert(0x0301));
    CHECK(normalize_text("\xC3\xA9\xE2\x80\x94" "e\xCC\x81") == "\xC3\xA9\xE2\x80\x93\xC3\xA9");
}
