// Printing results: a readable listing for people, JSON Lines for scripts,
// and the bare forms (--ids, --files, --count) for pipelines.
#pragma once

#include "search.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace newsdex {

struct TextStyle {
    bool color = false;  // ANSI bold for matches; plain **markers** otherwise
    std::vector<std::string> index_names;  // shown per hit when more than one
};

void print_text(std::ostream& out, const SearchResult& result, const TextStyle& style);
// JSON Lines, format 2: every line is an object whose "type" says what it
// is ("hit", "facet", "count", "partial", "article", "topic",
// "article_topics", and --batch's "done" and "error"); bytes that are not
// UTF-8 as \udcNN (json_text.h).
// One "hit" per hit, then one "facet" per facet asked for. `query`: the
// input line of --batch the answer is for, written as "query": N after
// "type" in each line.
void print_json(std::ostream& out, const SearchResult& result, const std::vector<std::string>& index_names,
                std::optional<std::size_t> query = std::nullopt);
void print_facets_json(std::ostream& out, const SearchResult& result, std::optional<std::size_t> query = std::nullopt);
// Shards of an archive that could not be searched (each has had its warning
// on stderr): one last line says the answer is partial and which shards it
// lacks; nothing when none is missing.
void print_partial_json(std::ostream& out, const std::vector<std::string>& missing,
                        std::optional<std::size_t> query = std::nullopt);
// One id per line, escaped (line_escape.h): a line is always one whole id.
void print_ids(std::ostream& out, const SearchResult& result);
// Source files of the hits, each once ("archive.zip:member" for members),
// escaped as ids are.
void print_files(std::ostream& out, const SearchResult& result);
void print_facets_text(std::ostream& out, const SearchResult& result);

// `newsdex-query show ID`
void print_article_text(std::ostream& out, const Article& article, bool color);
// A hit's fields (but rank, score and what the query matched), its topic
// scores, and the whole text.
void print_article_json(std::ostream& out, const Article& article,
                        const std::vector<std::pair<std::string, double>>& topics);

}  // namespace newsdex
