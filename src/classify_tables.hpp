// Private to the classify stage: the embedded data tables, parsed once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace resdiff::detail {

struct lead_entry {
    std::string part;                // "operative" | "preamble"
    std::vector<std::string> words;  // the phrase, lower case, split into tokens
    std::string ladder;
    int strength = 0;
};

struct qualifier_entry {
    std::vector<std::string> words;  // lower case tokens
    bool soft = true;                // adding it softens (hedge); false: hardens
    bool alone = false;              // counts only as the whole edit
};

const std::vector<lead_entry>& lead_table();
const std::vector<qualifier_entry>& qualifier_table();

// Words that only order paragraphs ("Also requests", "Recalling further").
bool is_sequencing_word(std::string_view lower);

// The lead reduced to what carries its force: lower-case word tokens without
// sequencing words or possessives ("Expressing its deep concern" ->
// expressing deep concern).
std::vector<std::string> normalize_lead(std::string_view lead);

}  // namespace resdiff::detail
