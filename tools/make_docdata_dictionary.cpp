// newsdex-make-docdata-dictionary: makes the dictionary of document data
// format 2 (storage/docdata/doc_data.h) from news in JSON Lines on standard input:
//
//   xz -dc ../shared/data/news-dev.jsonl.xz | build/tools/newsdex-make-docdata-dictionary storage
//
// Run once, when the dictionary was made; its files are frozen afterwards
// (every index written with it needs the very same bytes to be read, and a
// unit test pins them). A new dictionary means a new format byte, not an edit.
//
// The dictionary's content is words and word pairs of every second article
// (the other half tells what it gains on text it was not made from), by the
// bytes they would save (occurrences times length in SCSU, one byte a
// Cyrillic letter), most valuable last as zstd reaches matches nearest the
// data cheapest, then the JSON skeleton of the metadata every document
// begins with. Words and pairs only, never longer runs of an article's text.
// zstd's ZDICT_finalizeDictionary adds entropy tables fitted to the same
// articles' document data.
//
// Writes STORAGE/docdata_dictionary.txt (the content, an entry a line) and
// STORAGE/docdata_dictionary_tables.hex (what zstd puts before it).
#include "docdata/doc_data.h"
#include "docdata/docdata_dictionary.h"

#include <zdict.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kDictionaryBytes = 256 * 1024;
constexpr std::size_t kTableRoom = 4096;  // zstd's header and entropy tables take ~200 bytes
constexpr long kMinCount = 2;
constexpr int kLevel = 6;  // doc_data.cpp's
const std::string kSkeleton =
    R"({"author":"","date":"2024-01-01","encoding":"UTF-8","id":"","line":0,"member":"","path":"","source":"",)"
    R"("tags":[],"title":"","topic":"","url":"https://"})";

// SCSU bytes of a word all of ASCII and U+0400..U+047F (one byte a letter),
// or 0 for any other word.
std::size_t scsu_length(const std::string& word) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < word.size(); ++n) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (c < 0x80) {
            if (c < 0x20) return 0;
            ++i;
        } else if (c == 0xD0 || c == 0xD1) {
            i += 2;
        } else {
            return 0;
        }
    }
    return n;
}

// A news line is one JSON object with Article's fields: the legacy form of
// document data, which decode_doc_data reads.
newsdex::Article article_of(const std::string& line) {
    newsdex::Article a = newsdex::decode_doc_data(line);
    if (a.id.empty() && a.text.empty()) throw std::runtime_error("not a news article: " + line.substr(0, 80));
    return a;
}

void count_words(const std::string& text, std::map<std::string, long>& counts) {
    std::string previous;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t' && text[i] != '\r') continue;
        const std::string word = text.substr(begin, i - begin);
        begin = i + 1;
        if (word.empty()) continue;
        if (scsu_length(word) >= 3) ++counts[word];
        if (!previous.empty() && scsu_length(previous + ' ' + word) >= 6) ++counts[previous + ' ' + word];
        previous = scsu_length(word) ? word : std::string();
    }
}

std::string to_hex(const std::string& bytes) {
    std::string out;
    char buf[3];
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(bytes[i]));
        out += buf;
        if (i % 32 == 31 || i + 1 == bytes.size()) out += '\n';
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: newsdex-make-docdata-dictionary STORAGE_DIR < news.jsonl\n";
        return 2;
    }
    const std::filesystem::path storage = argv[1];
    std::map<std::string, long> counts;
    std::string samples;
    std::vector<std::size_t> sample_sizes;
    std::string line;
    for (std::size_t n = 0; std::getline(std::cin, line); ++n) {
        if (n % 2) continue;
        const newsdex::Article a = article_of(line);
        count_words(a.text, counts);
        const std::string body = newsdex::docdata_body(a);
        samples += body;
        sample_sizes.push_back(body.size());
    }

    std::vector<std::pair<long, std::string>> scored;
    for (const auto& [entry, count] : counts)
        if (count > kMinCount) scored.emplace_back(count * static_cast<long>(scsu_length(entry) + 1), entry);
    std::sort(scored.rbegin(), scored.rend());
    std::size_t budget = kDictionaryBytes - kTableRoom - kSkeleton.size() - 1;
    std::vector<std::string> entries;
    for (const auto& [score, entry] : scored) {
        if (scsu_length(entry) + 1 > budget) break;
        entries.push_back(entry);
        budget -= scsu_length(entry) + 1;
    }
    std::reverse(entries.begin(), entries.end());
    entries.push_back(kSkeleton);

    std::string text;
    for (const std::string& e : entries) text += e + '\n';
    const std::string content = newsdex::docdata_dictionary_content(text);
    std::string dictionary(content.size() + kTableRoom, '\0');
    ZDICT_params_t params{};
    params.compressionLevel = kLevel;
    const std::size_t size = ZDICT_finalizeDictionary(dictionary.data(), dictionary.size(), content.data(),
                                                      content.size(), samples.data(), sample_sizes.data(),
                                                      static_cast<unsigned>(sample_sizes.size()), params);
    if (ZDICT_isError(size)) {
        std::cerr << "newsdex-make-docdata-dictionary: " << ZDICT_getErrorName(size) << "\n";
        return 2;
    }
    dictionary.resize(size);
    if (size < content.size() || dictionary.compare(size - content.size(), content.size(), content) != 0) {
        std::cerr << "newsdex-make-docdata-dictionary: zstd did not keep the content whole at the end\n";
        return 2;
    }
    std::ofstream(storage / "docdata_dictionary.txt", std::ios::binary) << text;
    std::ofstream(storage / "docdata_dictionary_tables.hex", std::ios::binary)
        << to_hex(dictionary.substr(0, size - content.size()));
    std::cerr << "newsdex-make-docdata-dictionary: " << entries.size() - 1 << " words and pairs from "
              << sample_sizes.size() << " articles, " << size << " bytes\n";
    return 0;
}
