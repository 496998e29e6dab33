// The document model: one resolution or draft as a negotiator reads it.
//
// Plain values only. Produced by parse (parse.hpp), consumed by align, diff,
// classify, render and history. Every text field holds normalized UTF-8
// (see ingest.hpp, normalize_text: NFC, one form of quotes and dashes,
// single spaces), with footnote markers removed.
#pragma once

#include <string>
#include <vector>

namespace resdiff {

// 1-based, inclusive range of lines of the ingested input a piece came from.
// {0, 0} when unknown (a document built in code or read from JSON without it).
struct line_range {
    int first = 0;
    int last = 0;
    friend bool operator==(const line_range&, const line_range&) = default;
};

enum class document_kind { unknown, resolution, draft };

// Which part of a resolution a paragraph stands in.
enum class part { preamble, operative };

// A lettered or roman sub-paragraph of an operative paragraph: "(a)", "(iv)".
struct subparagraph {
    std::string id;     // "OP9(a)", "OP9(a)(ii)": unique within the document
    std::string label;  // as printed: "(a)", "(ii)"
    std::string text;   // its own text only (not its children's)
    std::vector<int> footnotes;            // footnote numbers referenced here
    std::vector<subparagraph> children;    // "(i)", "(ii)" inside "(a)"
    line_range lines;
    friend bool operator==(const subparagraph&, const subparagraph&) = default;
};

struct paragraph {
    std::string id;       // "PP1".."PPn" in the preamble, "OP1".."OPn" in the operative part
    part where = part::preamble;
    std::string number;   // operative: as printed, "1", "12"; empty in the preamble
    std::string lead;     // preamble: opening phrase ("Recalling also");
                          // operative: verb phrase ("Takes note with appreciation of")
    std::string intro;    // operative: text before the first sub-paragraph
                          // (the whole text when there is none); preamble: == text
    std::string text;     // whole paragraph text incl. sub-paragraphs with their labels,
                          // normalized, footnote markers removed
    std::vector<int> footnotes;          // referenced footnote numbers, in order
    std::vector<subparagraph> subparagraphs;
    int section = -1;     // index into document::sections, -1 when none
    line_range lines;
    friend bool operator==(const paragraph&, const paragraph&) = default;
};

// Section headings ("I", "A.", "Annex") are structure, not paragraphs.
struct section {
    std::string label;   // "I", "A", "Annex", "Annex I"
    std::string title;   // heading text, may be empty
    bool annex = false;
    line_range lines;
    friend bool operator==(const section&, const section&) = default;
};

struct footnote {
    int number = 0;
    std::string text;
    line_range lines;
    friend bool operator==(const footnote&, const footnote&) = default;
};

struct metadata {
    std::string symbol;                  // "A/RES/80/118", "A/C.2/80/L.17", "A/80/L.22"
    document_kind kind = document_kind::unknown;
    int session = 0;                     // 80; 0 when unknown
    std::vector<std::string> agenda_items;  // "15", "17 (a)"
    std::string title;
    std::string adoption_date;           // resolutions: "15 December 2025"
    std::string distribution_date;       // "14 October 2025" (Distr. date of drafts and resolutions)
    std::string committee_report;        // "A/80/555" from "[on the report of the Second Committee (A/80/555)]"
    std::string committee;               // "Second Committee" when named
    std::string sponsors;                // drafts: "Iraq:* draft resolution" line, as printed
    std::string amends;                  // an amendment: the symbol of the draft it amends
                                         // ("A/C.2/80/L.12/Rev.1"), from its sponsors line
    std::vector<std::string> notes;      // "*" notes of a draft (on behalf of ...)
    friend bool operator==(const metadata&, const metadata&) = default;
};

struct document {
    metadata meta;
    std::vector<paragraph> preamble;
    std::vector<paragraph> operative;
    std::vector<section> sections;
    std::vector<footnote> footnotes;
    // false when no resolution structure was recognized and the text was
    // split into plain paragraphs (all put in `preamble`, ids "P1".."Pn").
    bool structured = true;
    std::string source;                  // file name or label the document came from
    std::vector<std::string> warnings;   // what the parser had to guess or drop
    friend bool operator==(const document&, const document&) = default;
};

// Looks a paragraph up by id ("PP3", "OP12"); nullptr when absent.
const paragraph* find_paragraph(const document& doc, std::string_view id);

// Bytes of the texts of the preambular and operative paragraphs.
std::size_t text_bytes(const document& doc);

// Every sub-paragraph of `p` in reading order, depth first.
std::vector<const subparagraph*> flatten(const paragraph& p);

const char* to_string(document_kind kind);
const char* to_string(part where);

}  // namespace resdiff
