// Which reader an input needs, from its name and, above all, its content.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

enum class Format { Text, Html, JsonLines, Json, Csv, Tsv };

const char* format_name(Format format);

// What the file name says, looking through compression suffixes
// ("feed.jsonl.xz" → JsonLines). nullopt when the name says nothing.
std::optional<Format> format_from_name(const std::string& name);

// True for names a folder walk should read: known formats, compressed
// files and archives, and names without an extension.
bool worth_reading(const std::string& name);

// True when the name says the bytes on disk are not the text itself: a
// compressed file ("feed.jsonl.xz") or an archive (".zip", ".tar.gz").
bool packed_by_name(const std::string& name);

// The format, from the first bytes of the content with the name as a hint.
// Content wins where they disagree (an HTML page saved as .txt).
Format sniff_format(std::optional<Format> by_name, std::string_view head);

}  // namespace newsdex
