// Classify on the ICT for sustainable development series (and others), through
// the whole pipeline (parse, align, diff, classify).
//
// Two kinds of checks:
// 1. Edits checked by reading the pairs (listed below with the class they
//    must get): roll-overs are routine, everything else is not.
// 2. An independent invariant over every edit classified `routine` in every
//    series pair: once number words, digits, month names, sequencing words
//    ("also", "further") and "and" are set aside, its deleted and inserted
//    text have the same letters. So no edit that changes a word is ever
//    classified routine.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "resdiff/compare.hpp"
#include "resdiff/parse.hpp"

using namespace resdiff;

namespace {

std::filesystem::path corpus(const std::string& name) {
    return std::filesystem::path(RESDIFF_CORPUS_DIR) / name;
}

const comparison& compared(const std::string& old_name, const std::string& new_name) {
    static std::map<std::string, comparison> cache;
    const std::string key = old_name + "|" + new_name;
    auto it = cache.find(key);
    if (it == cache.end()) {
        it = cache.emplace(key, compare(parse_file(corpus(old_name)), parse_file(corpus(new_name)))).first;
    }
    return it->second;
}

const alignment_unit* unit_for_new(const comparison& c, const std::string& new_id) {
    for (const auto& u : c.result.units)
        if (!u.new_ids.empty() && u.new_ids.front() == new_id) return &u;
    return nullptr;
}

std::string new_text(const alignment_unit& u) {
    std::string s;
    for (const auto& op : u.ops)
        if (op.op != op_kind::del) s += op.text;
    return s;
}

// The first delete/insert op of the unit (or its sub-paragraphs) whose text holds `fragment`.
const word_op* find_op(const alignment_unit& u, op_kind kind, const std::string& fragment) {
    for (const auto& op : u.ops)
        if (op.op == kind && op.text.find(fragment) != std::string::npos) return &op;
    for (const auto& child : u.children)
        if (const auto* op = find_op(child, kind, fragment)) return op;
    return nullptr;
}

struct unit_expectation {
    const char* new_id;
    const char* starts_with;            // the new paragraph's first words, to be sure of the unit
    std::vector<change_class> classes;  // the unit's classes, exactly
    direction lead = direction::none;
};

void check_units(const comparison& c, const std::vector<unit_expectation>& expected) {
    for (const auto& e : expected) {
        INFO(e.new_id << " \"" << e.starts_with << "\"");
        const auto* u = unit_for_new(c, e.new_id);
        REQUIRE(u != nullptr);
        CHECK(new_text(*u).rfind(e.starts_with, 0) == 0);
        std::vector<std::string> got;
        for (const auto k : u->classes) got.emplace_back(to_string(k));
        INFO("classes: " << Catch::Detail::stringify(got));
        CHECK(u->classes == e.classes);
        CHECK(u->lead.dir == e.lead);
    }
}

struct op_expectation {
    const char* new_id;
    op_kind kind;
    const char* fragment;
    std::vector<change_class> classes;
};

void check_ops(const comparison& c, const std::vector<op_expectation>& expected) {
    for (const auto& e : expected) {
        INFO(e.new_id << " " << to_string(e.kind) << " \"" << e.fragment << "\"");
        const auto* u = unit_for_new(c, e.new_id);
        REQUIRE(u != nullptr);
        const auto* op = find_op(*u, e.kind, e.fragment);
        REQUIRE(op != nullptr);
        CHECK(op->classes == e.classes);
    }
}

const std::vector<change_class> routine{change_class::routine};
const std::vector<change_class> substantive{change_class::substantive};

// Letters that a routine edit may not change: everything but number words,
// digits, months, sequencing words and "and".
std::string fixed_letters(const std::string& text) {
    static const std::set<std::string> skip{
        "zero",       "one",          "two",       "three",     "four",        "five",       "six",
        "seven",      "eight",        "nine",      "ten",       "eleven",      "twelve",     "thirteen",
        "fourteen",   "fifteen",      "sixteen",   "seventeen", "eighteen",    "nineteen",   "twenty",
        "thirty",     "forty",        "fifty",     "sixty",     "seventy",     "eighty",     "ninety",
        "hundred",    "thousand",     "first",     "second",    "third",       "fourth",     "fifth",
        "sixth",      "seventh",      "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",
        "thirteenth", "fourteenth",   "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        "twentieth",  "thirtieth",    "fortieth",  "fiftieth",  "sixtieth",    "seventieth", "eightieth",
        "ninetieth",  "hundredth",    "th",        "st",        "nd",          "rd",         "january",
        "february",   "march",        "april",     "may",       "june",        "july",       "august",
        "september",  "october",      "november",  "december",  "also",        "further",    "furthermore",
        "moreover",   "additionally", "and"};
    // Words are split on anything but letters, so "see king" keeps its letters
    // while "twenty-eighth" falls apart into skipped number words.
    std::string out, word;
    auto flush = [&] {
        if (!word.empty() && skip.count(word) == 0) out += word;
        word.clear();
    };
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalpha(c) != 0) {
            word += static_cast<char>(std::tolower(c));
        } else {
            flush();
        }
    }
    flush();
    return out;
}

std::string letters(const std::string& text) {
    std::string out;
    for (const char ch : text)
        if (std::isalnum(static_cast<unsigned char>(ch)) != 0)
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

// Every run of delete/insert ops classified only routine keeps its letters.
void check_routine_edits_keep_words(const std::vector<word_op>& ops, const std::string& where,
                                    std::size_t& checked) {
    for (std::size_t i = 0; i < ops.size();) {
        if (ops[i].op == op_kind::equal) {
            ++i;
            continue;
        }
        std::size_t j = i;
        std::string del, ins;
        bool all_routine = true;
        while (j < ops.size() && ops[j].op != op_kind::equal) {
            (ops[j].op == op_kind::del ? del : ins) += ops[j].text;
            all_routine = all_routine && ops[j].classes == routine;
            ++j;
        }
        if (all_routine) {
            ++checked;
            INFO(where << ": [-" << del << "-]{+" << ins << "+}");
            // Same letters once spaces, hyphens and dashes are gone (editorial), or
            // the same letters besides numbers, months and sequencing words.
            CHECK((letters(del) == letters(ins) || fixed_letters(del) == fixed_letters(ins)));
        }
        i = j;
    }
}

void check_routine_invariant(const comparison& c, std::size_t& checked) {
    auto unit = [&](auto&& self, const alignment_unit& u) -> void {
        const std::string where = (u.new_ids.empty() ? std::string("-") : u.new_ids.front());
        check_routine_edits_keep_words(u.ops, where, checked);
        for (const auto& child : u.children) self(self, child);
    };
    for (const auto& u : c.result.units) unit(unit, u);
    for (const auto& f : c.result.footnotes)
        check_routine_edits_keep_words(f.ops, "footnote " + std::to_string(f.new_number), checked);
}

}  // namespace

TEST_CASE("classify: A/RES/79/194 -> A/RES/80/118, edits checked by reading", "[corpus][classify]") {
    const auto& c = compared("A-RES-79-194.txt", "A-RES-80-118.txt");
    check_units(c,
                {
                    // predecessor symbol and date
                    {"PP1", "Recalling its resolution 79/194 of 19 December 2024", routine},
                    // ECOSOC predecessor, its date
                    {"PP2", "Recalling also Economic and Social Council resolution 2025/18", routine},
                    // "Reaffirming further" -> "Reaffirming": sequencing only
                    {"PP6", "Reaffirming the New Urban Agenda", routine},
                    // "and the Sevilla Commitment" added: substance, not a roll-over
                    {"PP10", "Recalling also the references", substantive},
                    // "Taking note also of" -> "Recalling"
                    {"PP18",
                     "Recalling the report on the economic impact",
                     {change_class::lead},
                     direction::strengthened},
                    // "Taking note of" -> "Recalling"; "2022– 2025" -> "2022–2025" (spacing)
                    {"PP28",
                     "Recalling the United Nations Development Programme",
                     {change_class::routine, change_class::lead},
                     direction::strengthened},
                    // report title rewritten: its year rolls, but the edit is substantive
                    {"PP31", "Taking note of the report of the United Nations Conference", substantive},
                    // "capacity-development" -> "capacity development": the spelling of a
                    // compound, no change (the unit is unchanged, with no class)
                    {"PP41", "Recognizing the need to focus on capacity development", {}},
                    // Kyoto 2023 + Riyadh 2024 -> Lillestrom 2025: a different meeting
                    {"PP48", "Recalling the efforts undertaken", substantive},
                    // "in its resolution 2017/21 {+of 6 July 2017+}": wording of a citation
                    {"PP49", "Recalling also the convening", {change_class::citation}},
                    // "Recalls the request for" -> "Welcomes the establishment by" ("i n" in
                    // the old text is repaired by the parser: no routine edit)
                    {"OP13",
                     "Welcomes the establishment by the Commission",
                     {change_class::lead, change_class::substantive},
                     direction::changed},
                    // fifth -> sixth meeting, 11 and 12 -> 4 and 5 December 2024 -> 2025, eighth -> ninth
                    // session, May 2025 -> 2026
                    {"OP20", "Looks forward to the holding of the sixth meeting", routine},
                    {"OP25", "Welcomes the work of the Information for All Programme", routine},
                    // 90 -> 93 per cent, developed -> high-income: new figures, not a roll-over
                    {"OP26", "Recognizes that, despite recent progress", substantive},
                    // ninth -> tenth annual forums
                    {"OP60", "Welcomes the holding of the tenth annual", routine},
                    // "distancelearning" (now "distance-learning") -> "distance learning": no change
                    {"OP62", "Recognizes the important role of information", {}},
                    // "Decides to finalize" -> "Takes note of" the modalities resolution 79/277 (was 70/125)
                    {"OP66",
                     "Takes note of the modalities resolution",
                     {change_class::lead, change_class::citation, change_class::substantive},
                     direction::weakened},
                    // eightieth -> eighty-first session, plus "and the Sevilla Commitment"
                    {"OP72",
                     "Requests the Secretary-General to submit",
                     {change_class::routine, change_class::substantive}},
                    // 2025 -> 2026 forum
                    {"OP73", "Invites the Co-Chairs", routine},
                });
    check_ops(c, {
                     {"PP1", op_kind::ins, "79/194", routine},
                     {"PP18", op_kind::del, "Taking note also of", {change_class::lead}},
                     {"PP31", op_kind::ins, "Technology and Innovation Report 2025", substantive},
                     {"OP20", op_kind::ins, "sixth", routine},
                     {"OP26", op_kind::ins, "93", substantive},
                     {"OP66", op_kind::ins, "79/277", {change_class::citation, change_class::substantive}},
                     {"OP72", op_kind::ins, "eighty-first", routine},
                     {"OP72", op_kind::ins, "and the Sevilla Commitment", substantive},
                     // eightieth -> eighty-first in the same edit as "thenceforth considering
                     // biennalization": substantive
                     {"OP74", op_kind::ins, "biennalization", substantive},
                 });
    // The lists of earlier resolutions gain the predecessors 78/132 and 2024/13.
    std::size_t list_footnotes = 0;
    for (const auto& f : c.result.footnotes) {
        for (const auto& op : f.ops) {
            if (op.op == op_kind::ins && (op.text.find("78/132") != std::string::npos ||
                                          op.text.find("2024/13") != std::string::npos)) {
                ++list_footnotes;
                CHECK(f.classes == routine);
            }
        }
    }
    CHECK(list_footnotes == 2);
    // Cited sets: 79/323 (Sevilla) and 79/277 (modalities) are new, the COVID-era
    // ECOSOC 2023/3 paragraph is gone.
    const auto& cited = c.result.citations;
    auto in = [](const std::vector<std::string>& v, const char* s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    CHECK(in(cited.added, "resolution 79/323"));
    CHECK(in(cited.added, "resolution 79/277"));
    CHECK(in(cited.added, "resolution 79/194"));
    CHECK(in(cited.new_cited, "resolution 78/132"));  // now in the footnote list
    CHECK(in(cited.old_cited, "resolution 70/1"));
    CHECK(in(cited.new_cited, "resolution 70/1"));
    CHECK_FALSE(in(cited.added, "resolution 70/1"));
    CHECK(in(cited.dropped, "A/79/62-E/2024/3"));
    CHECK(in(cited.added, "A/80/62-E/2025/12"));
}

TEST_CASE("classify: A/RES/78/132 -> A/RES/79/194, edits checked by reading", "[corpus][classify]") {
    const auto& c = compared("A-RES-78-132.txt", "A-RES-79-194.txt");
    check_units(
        c,
        {
            {"PP1", "Recalling its resolution 78/132 of 19 December 2023", routine},
            {"PP2", "Recalling also Economic and Social Council resolution 2024/13 of 23 July 2024", routine},
            // twenty-sixth -> twenty-seventh session, 27 to 31 March 2023 -> 15 to 19 April 2024 (routine);
            // the priority themes changed (substantive)
            {"PP20",
             "Noting also the holding of the twenty-seventh session",
             {change_class::routine, change_class::substantive}},
            // "from 23 to 25 October 2023" -> "from 24 to 31 October 2024"
            {"OP23", "Welcomes the work of the Information for All Programme", routine},
            // "Further recognizes" -> "Recognizes"
            {"OP45", "Recognizes the need to harness the potential", routine},
            // 69 -> 70 per cent (substantive; "cen t" in the old text is repaired by the parser)
            {"OP30", "Recognizes that a gender digital divide persists", {change_class::substantive}},
            {"OP57", "Welcomes the holding of the ninth annual", routine},
            {"OP67",
             "Requests the Secretary-General to submit to the General Assembly at its eightieth session",
             routine},
            {"OP68", "Invites the Co-Chairs", routine},
            {"OP69", "Decides to include in the provisional agenda of its eightieth session", routine},
        });
    check_ops(c, {
                     // 30 November and 1 December 2023 -> 11 and 12 December 2024: one date range rolled
                     {"OP17", op_kind::ins, "fifth", routine},
                     {"OP17", op_kind::del, "30 November", routine},
                     {"OP30", op_kind::ins, "70", substantive},
                 });
}

TEST_CASE("classify: drafts of one session roll nothing", "[corpus][classify]") {
    // A/C.2/80/L.17 -> A/C.2/80/L.58: facilitator's revision, same session.
    const auto& c = compared("A-C.2-80-L.17.txt", "A-C.2-80-L.58.txt");
    for (const auto& u : c.result.units) {
        for (const auto& op : u.ops) {
            if (op.op == op_kind::equal || op.classes != routine) continue;
            INFO((u.new_ids.empty() ? std::string("-") : u.new_ids.front()) << ": " << op.text);
            // Only editorial variants can be routine here: no digit changes.
            CHECK(std::none_of(op.text.begin(), op.text.end(),
                               [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; }));
        }
    }
    const auto subst = c.totals.classes.find(change_class::substantive);
    REQUIRE(subst != c.totals.classes.end());
    CHECK(subst->second > 0);
}

TEST_CASE("classify: routine edits never change a word, in every series pair", "[corpus][classify]") {
    const std::vector<std::pair<std::string, std::string>> pairs{
        {"A-RES-65-141.txt", "A-RES-72-200.txt"},   {"A-RES-72-200.txt", "A-RES-73-218.txt"},
        {"A-RES-73-218.txt", "A-RES-74-197.txt"},   {"A-RES-74-197.txt", "A-RES-75-202.txt"},
        {"A-RES-75-202.txt", "A-RES-76-189.txt"},   {"A-RES-76-189.txt", "A-RES-78-132.txt"},
        {"A-RES-78-132.txt", "A-RES-79-194.txt"},   {"A-RES-79-194.txt", "A-C.2-80-L.17.txt"},
        {"A-C.2-80-L.17.txt", "A-C.2-80-L.58.txt"}, {"A-C.2-80-L.58.txt", "A-RES-80-118.txt"},
        {"A-RES-79-194.txt", "A-RES-80-118.txt"},   {"A-RES-78-144.txt", "A-RES-80-133.txt"},
        {"A-RES-79-195.txt", "A-RES-80-121.txt"},   {"A-RES-79-197.txt", "A-RES-80-123.txt"},
        {"A-RES-79-4.txt", "A-RES-80-7.txt"},       {"A-RES-79-6.txt", "A-RES-80-6.txt"},
        {"A-RES-78-10.txt", "A-RES-80-8.txt"},      {"A-RES-79-85.txt", "A-RES-80-75.txt"},
        {"A-RES-78-160.txt", "A-RES-80-147.txt"},   {"A-RES-78-139.txt", "A-RES-80-125.txt"},
    };
    std::size_t checked = 0;
    for (const auto& [a, b] : pairs) {
        if (!std::filesystem::exists(corpus(a)) || !std::filesystem::exists(corpus(b))) continue;
        INFO(a << " -> " << b);
        check_routine_invariant(compared(a, b), checked);
    }
    CHECK(checked > 200);
}
