// A fingerprint of everything indexed about an article: equal fingerprints
// mean re-indexing would change nothing.
#pragma once

#include "article.h"

#include <string>

namespace newsdex {

// 128-bit XXH3 as 32 hex digits.
std::string content_hash(const Article& article);

// Fingerprint of the title and text alone, case-folded with white space
// collapsed: equal fingerprints mean the same story under another id.
std::string text_fingerprint(const Article& article);

}  // namespace newsdex
