// resdiff_stage_times OLD NEW [RUNS]: the time of each pipeline stage, averaged
// over RUNS in-process runs, for finding where the time of `resdiff --format json`
// goes (scripts/bench prints it next to the whole-process figures), and of the
// other reports: terminal (`resdiff OLD NEW` into a pipe: no colour, no
// wrapping), Markdown and HTML.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "resdiff/compare.hpp"
#include "resdiff/ingest.hpp"
#include "resdiff/json.hpp"
#include "resdiff/parse.hpp"
#include "resdiff/render.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double millis(clock_type::time_point a, clock_type::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: resdiff_stage_times OLD NEW [RUNS]\n");
        return 2;
    }
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 20;
    const char* names[] = {"ingest", "parse",    "align",    "diff", "classify",
                           "json",   "terminal", "markdown", "html"};
    constexpr int stages = 9;
    constexpr int pipeline = 6;  // ingest to json; the other reports end the same pipeline otherwise
    resdiff::render_options piped;
    piped.width = 0;
    double total[stages] = {};
    std::size_t bytes[stages] = {};
    try {
        for (int i = 0; i < runs; ++i) {
            const auto t0 = clock_type::now();
            const auto old_text = resdiff::ingest_file(argv[1]);
            const auto new_text = resdiff::ingest_file(argv[2]);
            const auto t1 = clock_type::now();
            auto old_doc = resdiff::parse_document(old_text);
            auto new_doc = resdiff::parse_document(new_text);
            const auto t2 = clock_type::now();
            auto aligned = resdiff::align(old_doc, new_doc);
            const auto t3 = clock_type::now();
            auto diffed = resdiff::diff_alignment(std::move(aligned), old_doc, new_doc);
            const auto t4 = clock_type::now();
            resdiff::comparison cmp;
            cmp.result = resdiff::classify(std::move(diffed), old_doc, new_doc);
            const auto t5 = clock_type::now();
            cmp.totals = resdiff::summarize(cmp.result);
            cmp.old_doc = std::move(old_doc);
            cmp.new_doc = std::move(new_doc);
            std::ostringstream json;
            resdiff::write_comparison_json(json, cmp);
            bytes[pipeline - 1] = json.str().size();
            const auto t6 = clock_type::now();
            bytes[pipeline] = resdiff::render_terminal(cmp, piped).size();
            const auto t7 = clock_type::now();
            bytes[pipeline + 1] = resdiff::render_markdown(cmp, piped).size();
            const auto t8 = clock_type::now();
            bytes[pipeline + 2] = resdiff::render_html(cmp, piped).size();
            const auto t9 = clock_type::now();
            const clock_type::time_point marks[] = {t0, t1, t2, t3, t4, t5, t6, t7, t8, t9};
            for (int k = 0; k < stages; ++k) total[k] += millis(marks[k], marks[k + 1]);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "resdiff_stage_times: %s\n", e.what());
        return 2;
    }
    double sum = 0;
    for (int k = 0; k < pipeline; ++k) {
        std::printf("%-9s %8.3f ms\n", names[k], total[k] / runs);
        sum += total[k] / runs;
    }
    std::printf("%-9s %8.3f ms  (%d runs, %zu bytes of JSON)\n", "total", sum, runs, bytes[pipeline - 1]);
    for (int k = pipeline; k < stages; ++k)
        std::printf("%-9s %8.3f ms  (%zu bytes)\n", names[k], total[k] / runs, bytes[k]);
    return 0;
}
