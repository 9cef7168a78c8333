// Printing hits: a readable listing for people, JSON Lines for scripts.
#pragma once

#include "search.h"

#include <ostream>

namespace newsdex {

struct TextStyle {
    bool color = false;  // ANSI bold for matches; plain **markers** otherwise
};

void print_text(std::ostream& out, const SearchResult& result, const TextStyle& style);
void print_json(std::ostream& out, const SearchResult& result);

}  // namespace newsdex
