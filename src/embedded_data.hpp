// Data files embedded at build time (cmake/embed.cmake turns data/*.tsv into
// string constants): the library never reads the source tree at run time.
#pragma once

#include <string_view>

namespace resdiff::detail {

extern const std::string_view data_leads_tsv;       // data/leads.tsv
extern const std::string_view data_qualifiers_tsv;  // data/qualifiers.tsv

}  // namespace resdiff::detail
