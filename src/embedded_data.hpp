// Data files embedded at build time (cmake/embed.cmake turns data/*.tsv into
// constexpr string constants): the library never reads the source tree at run
// time, and the tables are parsed at compile time.
//
//   data_leads_tsv       data/leads.tsv
//   data_qualifiers_tsv  data/qualifiers.tsv
#pragma once

#include "resdiff_embedded_data.hpp"
