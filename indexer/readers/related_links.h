// Links to other articles inside an article's text ("see also" blocks),
// which the indexer leaves out of the article it indexes and stores (the
// source file is not touched), as the HTML reader leaves a page's
// related-news section out (html_article.h).
//
// News sites set such a block into the body: a line that is only a marker
// («Также по теме», «Читайте также», …), the linked article's headline on
// the next line, and often its teaser, cut off with an ellipsis, on the
// line after. Indexed, the block made the article a match for the other
// article's headline: on the dev news, 2,685 of 8,388 headlines stood word
// for word in another article's body, RT's «Также по теме» blocks (5,584
// of them), and scripts/eval-search's MRR@10 lost 0.13 there.
#pragma once

#include <string>

namespace newsdex {

// `text` (lines separated by '\n') without its see-also blocks: a marker
// line followed by a headline-like line (at most kMaxLinkedHeadlineBytes,
// not ending in a full stop), that line, and the line after it when it is
// a teaser (at most kMaxTeaserBytes, ending in "..." or "…"). A marker
// line followed by anything else (a sentence, a paragraph, an empty line)
// is text and stays; so does a second headline after the first.
std::string without_related_links(std::string text);

inline constexpr std::size_t kMaxLinkedHeadlineBytes = 400;
inline constexpr std::size_t kMaxTeaserBytes = 800;

}  // namespace newsdex
