// JSON text for scripts that keeps distinct strings distinct. nlohmann's
// dump can only fail on bytes that are not UTF-8, or replace them with
// U+FFFD (or drop them): either way two ids that differ only in such bytes
// print alike. Here each such byte 0xNN is written as the escape \udcNN, a
// lone low surrogate that no UTF-8 text can hold, as Python's
// "surrogateescape" does (PEP 383): json.loads(line)["id"].encode("utf-8",
// "surrogateescape") gives back the original bytes. Valid text is written
// exactly as nlohmann writes it (UTF-8, not \u-escaped).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace newsdex {

// One line of JSON, without the newline.
std::string json_text(const nlohmann::ordered_json& value);

}  // namespace newsdex
