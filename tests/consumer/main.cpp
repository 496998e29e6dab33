// A program outside the project that uses the installed library.
#include <resdiff/parse.hpp>

#include <iostream>

int main() {
    const auto doc = resdiff::parse_text(
        "The General Assembly,\n"
        "Recalling its resolution 79/194 of 19 December 2024,\n"
        "1. Decides to include the item in the provisional agenda of its eighty-first session.\n",
        "consumer");
    std::cout << doc.preamble.size() << ' ' << doc.operative.size() << '\n';
    return doc.preamble.size() == 1 && doc.operative.size() == 1 ? 0 : 1;
}
