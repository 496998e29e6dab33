// The official PDFs of the corpus read like their text renditions, and cleaner.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>

#include "corpus_structure.hpp"
#include "resdiff/parse.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus_pdfs() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(RESDIFF_CORPUS_DIR) / "pdf")) {
        if (e.path().extension() == ".pdf") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Text with white space and hyphens taken out: the text renditions split words
// ("see king") and drop hyphens at line ends ("followup"), the PDF does not.
std::string letters(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c != ' ' && c != '-' && c != '\t') out += c;
    }
    return out;
}

std::vector<std::string> tokens(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

std::string bare(std::string w) {
    while (!w.empty() && !std::isalpha(static_cast<unsigned char>(w.back()))) w.pop_back();
    while (!w.empty() && !std::isalpha(static_cast<unsigned char>(w.front()))) w.erase(w.begin());
    return w;
}

// Adjacent lower-case word pairs that together form a word of `joined`
// while one piece is no word of `pieces` ("see king": "seeking" is a word,
// "king" is not): split words.
std::size_t split_words(const resdiff::document& d, const std::set<std::string>& joined, const std::set<std::string>& pieces) {
    std::size_t n = 0;
    for (const auto* list : {&d.preamble, &d.operative}) {
        for (const auto& p : *list) {
            const auto t = tokens(p.text);
            for (std::size_t i = 0; i + 1 < t.size(); ++i) {
                const auto a = t[i], b = bare(t[i + 1]);
                if (a.empty() || b.empty() || !std::islower(static_cast<unsigned char>(b[0]))) continue;
                if (!std::isalpha(static_cast<unsigned char>(a.back()))) continue;
                const auto head = bare(a);
                if (joined.count(head + b) && (!pieces.count(head) || !pieces.count(b))) ++n;
            }
        }
    }
    return n;
}

std::set<std::string> vocabulary_of(const resdiff::document& d) {
    std::set<std::string> v;
    for (const auto* list : {&d.preamble, &d.operative}) {
        for (const auto& p : *list) {
            for (const auto& w : tokens(p.text)) v.insert(bare(w));
        }
    }
    return v;
}

}  // namespace

TEST_CASE("pdf corpus: every official PDF parses to the structure of its text rendition", "[corpus][pdf]") {
    const auto pdfs = corpus_pdfs();
    REQUIRE(pdfs.size() >= 8);
    for (const auto& pdf : pdfs) {
        const fs::path txt = fs::path(RESDIFF_CORPUS_DIR) / (pdf.stem().string() + ".txt");
        INFO(pdf.filename().string());
        REQUIRE(fs::exists(txt));
        const auto from_pdf = resdiff::parse_file(pdf);
        const auto from_txt = resdiff::parse_file(txt);
        CHECK(from_pdf.structured == from_txt.structured);
        CHECK(from_pdf.meta.symbol == from_txt.meta.symbol);
        // Same paragraphs: ids, numbers and texts (compared without spaces and hyphens).
        std::vector<std::string> a, b;
        for (const auto* d : {&from_pdf, &from_txt}) {
            auto& out = d == &from_pdf ? a : b;
            for (const auto* list : {&d->preamble, &d->operative}) {
                for (const auto& p : *list) {
                    out.push_back(p.id + " [" + p.number + "] " + letters(p.text));
                    for (const auto* s : resdiff::flatten(p)) out.push_back("  " + s->id + " " + letters(s->text));
                }
            }
            for (const auto& f : d->footnotes) out.push_back("footnote " + std::to_string(f.number) + " " + letters(f.text));
        }
        CHECK(a.size() == b.size());
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
            INFO("item " << i);
            CHECK(a[i] == b[i]);
            if (a[i] != b[i]) break;   // the first difference tells; the rest follow from it
        }
    }
}

TEST_CASE("pdf corpus: the PDF reading is at least as clean as the text rendition", "[corpus][pdf]") {
    std::size_t txt_splits_total = 0;
    for (const auto& pdf : corpus_pdfs()) {
        const fs::path txt = fs::path(RESDIFF_CORPUS_DIR) / (pdf.stem().string() + ".txt");
        INFO(pdf.filename().string());
        const auto from_pdf = resdiff::parse_file(pdf);
        const auto from_txt = resdiff::parse_file(txt);
        const auto pdf_words = vocabulary_of(from_pdf);
        const auto txt_words = vocabulary_of(from_txt);
        std::set<std::string> all = pdf_words;
        all.insert(txt_words.begin(), txt_words.end());
        // each reading's pieces are checked against the other's words
        const auto pdf_splits = split_words(from_pdf, all, txt_words);
        const auto txt_splits = split_words(from_txt, all, pdf_words);
        txt_splits_total += txt_splits;
        CHECK(pdf_splits <= txt_splits);
        // The one the issue names.
        for (const auto* list : {&from_pdf.preamble, &from_pdf.operative}) {
            for (const auto& p : *list) CHECK(p.text.find("see king") == std::string::npos);
        }
        // No page furniture left in the PDF reading: job numbers, barcodes, page numbers.
        for (const auto* list : {&from_pdf.preamble, &from_pdf.operative}) {
            for (const auto& p : *list) {
                CHECK(p.text.find("(E)") == std::string::npos);
                CHECK(p.text.find("*25") == std::string::npos);
            }
        }
    }
    // The text renditions do have split words: the check above can fail.
    CHECK(txt_splits_total > 0);
}
