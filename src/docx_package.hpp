// Private to the DOCX reader and the Word redline writer: the ZIP package of
// a .docx (libzip), read and written in memory.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace resdiff::detail {

// Opens a ZIP held in memory and reads named entries. Throws input_error
// (naming `source`) when the bytes are not a ZIP or an entry is damaged or
// larger than `max_entry_bytes`.
class zip_reader {
public:
    zip_reader(std::string_view bytes, std::string source, std::size_t max_entry_bytes);
    ~zip_reader();
    zip_reader(const zip_reader&) = delete;
    zip_reader& operator=(const zip_reader&) = delete;
    // The entry's bytes, std::nullopt when the package has no such entry.
    std::optional<std::string> read(const std::string& name) const;

private:
    void* zip_ = nullptr;   // zip_t*
    std::string source_;
    std::size_t max_entry_bytes_;
};

// A ZIP archive of the given entries, in order, deflated, with a fixed
// timestamp so the same input always gives the same bytes.
std::string write_zip(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace resdiff::detail
