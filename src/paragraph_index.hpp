// find_paragraph over a document of many thousand paragraphs, without
// searching from the start for every unit (the word diff and classify look
// up every unit's paragraphs).
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "resdiff/document.hpp"

namespace resdiff::detail {

// The preambular and operative paragraphs by id, in one array sorted by the
// hash of the id.
class paragraph_index {
public:
    explicit paragraph_index(const document& doc) {
        by_hash_.reserve(doc.preamble.size() + doc.operative.size());
        for (const auto* list : {&doc.preamble, &doc.operative}) {
            for (const auto& p : *list) by_hash_.push_back({hash(p.id), &p});
        }
        // Stable: of paragraphs sharing an id the first is found, as find_paragraph finds it.
        std::stable_sort(by_hash_.begin(), by_hash_.end(),
                         [](const entry& x, const entry& y) { return x.hash < y.hash; });
    }
    // find_paragraph(doc, id).
    const paragraph* find(std::string_view id) const {
        const std::size_t h = hash(id);
        auto it = std::lower_bound(by_hash_.begin(), by_hash_.end(), h,
                                   [](const entry& e, std::size_t key) { return e.hash < key; });
        for (; it != by_hash_.end() && it->hash == h; ++it) {
            if (it->target->id == id) return it->target;
        }
        return nullptr;
    }

private:
    static std::size_t hash(std::string_view id) { return std::hash<std::string_view>{}(id); }
    struct entry {
        std::size_t hash;
        const paragraph* target;
    };
    std::vector<entry> by_hash_;
};

}  // namespace resdiff::detail
