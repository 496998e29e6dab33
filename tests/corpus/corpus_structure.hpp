// Shared by the PDF and DOCX corpus tests: the corpus manifest and a
// comparable form of a parsed document's structure.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "resdiff/document.hpp"

namespace corpus_structure {

struct manifest_entry {
    std::string file;
    std::string series;
    std::string notes;
};

inline std::vector<manifest_entry> manifest() {
    std::vector<manifest_entry> out;
    std::ifstream in(std::filesystem::path(RESDIFF_CORPUS_DIR) / "MANIFEST.tsv");
    std::string line;
    std::getline(in, line);   // header
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, '\t')) f.push_back(cell);
        if (f.size() < 7) continue;
        // ict4d and ict4sd are one series under two names
        out.push_back({f[0], f[4] == "ict4d" ? "ict4sd" : f[4], f[6]});
    }
    return out;
}

// Consecutive versions of every series (amendments left out: they are not versions).
inline std::vector<std::pair<std::string, std::string>> consecutive_pairs() {
    std::vector<std::pair<std::string, std::string>> out;
    const auto all = manifest();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].notes.rfind("amendment", 0) == 0) continue;
        for (std::size_t j = i + 1; j < all.size(); ++j) {
            if (all[j].series != all[i].series || all[j].notes.rfind("amendment", 0) == 0) continue;
            out.emplace_back(all[i].file, all[j].file);
            break;
        }
    }
    return out;
}

inline void add_subs(const std::vector<resdiff::subparagraph>& subs, const std::string& indent, std::vector<std::string>& out) {
    for (const auto& s : subs) {
        out.push_back(indent + s.id + " " + s.label + " " + s.text);
        add_subs(s.children, indent + "  ", out);
    }
}

// Paragraph ids, numbers, texts, sub-paragraphs and footnotes, one string each.
inline std::vector<std::string> structure(const resdiff::document& d) {
    std::vector<std::string> out;
    for (const auto* list : {&d.preamble, &d.operative}) {
        for (const auto& p : *list) {
            out.push_back(p.id + " [" + p.number + "] " + p.text);
            add_subs(p.subparagraphs, "  ", out);
        }
    }
    for (const auto& f : d.footnotes) out.push_back("footnote " + std::to_string(f.number) + " " + f.text);
    return out;
}

// "" when equal, else the first differing item of each side (readable in a failure).
inline std::string first_difference(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    for (std::size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
        const std::string a = i < got.size() ? got[i] : "(nothing)";
        const std::string b = i < want.size() ? want[i] : "(nothing)";
        if (a != b) return "item " + std::to_string(i) + ":\n  got:  " + a + "\n  want: " + b;
    }
    return {};
}

}  // namespace corpus_structure
