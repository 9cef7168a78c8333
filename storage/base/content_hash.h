// A fingerprint of everything indexed about an article: equal fingerprints
// mean re-indexing would change nothing.
#pragma once

#include "base/article.h"

#include <string>

namespace newsdex {

// 128-bit XXH3 as 32 hex digits.
std::string content_hash(const Article& article);

// Fingerprint of the title and text alone, case-folded with white space
// collapsed: equal fingerprints mean the same story under another id.
std::string text_fingerprint(const Article& article);

// Fingerprint of the title (case-folded, white space collapsed) and the
// day: the same story republished with small edits keeps its headline. For
// an article without a title, its text fingerprint.
std::string story_key(const Article& article);

}  // namespace newsdex
