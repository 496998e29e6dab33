// The history stage: many versions of one text, their order, the lineage of
// every paragraph, word blame and per-version statistics (docs/history.md).
//
// Plain values only. Each version is aligned and word-diffed ONCE with its
// predecessor (the align and diff stages of compare(), without classify), so
// the cost grows linearly with the number of versions.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resdiff/align.hpp"
#include "resdiff/compare.hpp"
#include "resdiff/document.hpp"
#include "resdiff/ingest.hpp"

namespace resdiff {

// ---------------------------------------------------------------- ordering

// A calendar date read from text such as "14 October 2025", "October 14, 2025",
// "14 Oct. 2025" or "2025-10-14", as yyyymmdd (20251014); nullopt when the
// text holds no date.
std::optional<int> parse_un_date(std::string_view text);

// Session and sequence information read from a document: metadata first, then
// the symbol ("A/RES/80/118", "A/C.2/80/L.17"), then the file name
// ("A-RES-80-118.txt").
struct version_key {
    std::string symbol;       // from metadata or the file name; may be empty
    int session = 0;          // 0 when unknown
    bool draft = false;       // a draft (L. document) comes before the resolution of its session
    int date = 0;             // yyyymmdd; adoption date of resolutions, distribution date of drafts
    int draft_number = 0;     // 17 for "L.17"; orders drafts of the same day
};
version_key key_of(const document& doc);

// The chronological order of `docs` (indices into it): by session; within a
// session drafts before the resolution, then by date, then by draft number.
// nullopt when some document has neither a session nor a date (the caller then
// keeps the given order); `why` receives the reason.
std::optional<std::vector<std::size_t>> chronological_order(const std::vector<document>& docs,
                                                            std::string* why = nullptr);

// How alike two versions are, 0..1, by title words and by content (share of
// four-word phrases of the smaller text found in the other).
struct relatedness {
    double title = 0.0;      // -1 when either title is unknown
    double content = 0.0;
};
relatedness relate(const document& a, const document& b);

// ---------------------------------------------------------------- history

enum class order_used { chronological, given };

// Where one paragraph of one version comes from.
struct lineage_entry {
    std::string id;                          // "PP3", "OP12" in this version
    unit_kind kind = unit_kind::added;       // of the unit that produced it from the previous version
                                             // (added in the first version and for new paragraphs)
    bool text_changed = false;               // reworded since the previous version
    bool moved = false;                      // relative order changed since the previous version
    std::vector<std::string> predecessors;   // ids in the previous version (empty: new here)
    std::vector<std::string> successors;     // ids in the next version (empty: dropped there, or newest)
    std::size_t origin = 0;                  // version where the oldest ancestor first appeared
    std::vector<std::size_t> changed_in;     // versions (ascending, > origin) where an ancestor was reworded
};

// A paragraph of version `version - 1` that has no successor in `version`.
struct dropped_paragraph {
    std::string id;              // id in the previous version
    std::size_t version = 0;     // first version without it
    std::size_t origin = 0;      // version where it first appeared
};

struct version_lineage {
    std::vector<lineage_entry> paragraphs;   // reading order of this version
    std::vector<dropped_paragraph> dropped;  // paragraphs of the previous version dropped here
};

// A run of text of one paragraph introduced by one version. The runs of a
// paragraph concatenate to its text exactly; white space goes with the word
// before it.
struct blame_run {
    std::size_t version = 0;
    std::string text;
    friend bool operator==(const blame_run&, const blame_run&) = default;
};

struct paragraph_blame {
    std::string id;
    std::vector<blame_run> runs;
};

struct version_stats {
    std::size_t paragraphs = 0;        // in this version
    std::size_t added = 0;             // new paragraphs (counted in this version)
    std::size_t removed = 0;           // paragraphs of the previous version dropped
    std::size_t modified = 0;          // reworded, order kept (incl. split and merged parts)
    std::size_t moved = 0;             // relative order changed (reworded or not)
    std::size_t unchanged = 0;         // same text, same order (renumbered included)
    std::size_t words = 0;             // word tokens in this version
    std::size_t words_added = 0;       // inserted since the previous version
    std::size_t words_removed = 0;     // deleted since the previous version
    double unchanged_since_first = 0;  // share of this version's words introduced by the first version
};

struct excluded_version {
    std::string source;
    std::string symbol;
    std::string reason;                // one line
};

struct history {
    std::vector<document> versions;          // oldest first
    // steps[k] aligns versions[k] with versions[k+1] (ops filled, not
    // classified); size versions - 1.
    std::vector<alignment> steps;
    std::vector<version_lineage> lineage;    // one per version
    // blame[k]: one entry per paragraph of version k (reading order); the
    // newest version's is blame.back().
    std::vector<std::vector<paragraph_blame>> blame;
    std::vector<version_stats> stats;        // one per version (the first: only paragraphs, words, 1.0)
    // Files left out: not the same text as the others, or the version
    // before them again (the same file given twice, or a copy).
    std::vector<excluded_version> excluded;
    order_used order = order_used::given;
    std::string order_note;                  // why the given order was kept, when it was
    std::vector<std::string> notes;          // fallbacks taken (recomputed word diffs, ...)
};

struct history_options {
    bool keep_order = false;     // --keep-order
    // With keep_order: why the order given is kept, as the report says it
    // ("in the order given (--keep-order)").
    std::string keep_order_note = "--keep-order";
    bool keep_all = false;       // do not leave out unrelated files or repeated versions
    // Two versions are related when their titles are alike (title_threshold),
    // or their content is: content_threshold when a title is unknown,
    // content_threshold_titled when both titles are known and differ.
    double title_threshold = 0.6;
    double content_threshold = 0.23;
    double content_threshold_titled = 0.35;
    compare_options compare;
    // Threads comparing consecutive versions at once (0: one per core). The
    // result does not depend on it.
    unsigned threads = 0;
    // Called after each comparison (done of total), from any thread but never
    // concurrently; may be empty.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

// Reads and parses the files (in parallel on up to `threads` threads, 0: one
// per core), in the order given. Throws the input_error of the first file (in
// that order) that cannot be read. `progress` (may be empty) is called after
// each file, from any thread but never concurrently.
std::vector<document> read_versions(const std::vector<std::string>& paths, const ingest_options& ingest = {},
                                    unsigned threads = 0,
                                    const std::function<void(std::size_t done, std::size_t total)>& progress = {});

// Orders (unless keep_order), leaves out unrelated documents (unless keep_all),
// compares consecutive versions and derives lineage, blame and statistics.
// Throws std::invalid_argument when fewer than one document remains.
history build_history(std::vector<document> docs, const history_options& options = {});

// The derivation alone, on versions already in order and their alignments
// (steps[k]: versions[k] -> versions[k+1]). Units whose ops are missing or do
// not spell the units' texts are re-diffed with diff_words (noted).
history derive_history(std::vector<document> versions, std::vector<alignment> steps);

// A short label for a version: its symbol, else its file name, else "v<N>".
std::string version_label(const history& h, std::size_t version);

// Ids of the ancestors in version `version` of paragraph `id` of the newest
// version (empty when it did not exist then).
std::vector<std::string> ancestors_at(const history& h, const std::string& id, std::size_t version);

// ---------------------------------------------------------------- rendering

struct history_render_options {
    bool color = false;   // ANSI colours (terminal)
    bool blame = false;   // terminal: colour (or mark) the words of the newest text by age
    int width = 80;       // wrap column (terminal); 0: no wrapping
};

std::string render_history_terminal(const history& h, const history_render_options& options = {});
std::string render_history_html(const history& h, const history_render_options& options = {});
// Pretty-printed, deterministic; the contract is in docs/json.md ("History").
std::string history_to_json(const history& h);

const char* to_string(order_used order);

}  // namespace resdiff
