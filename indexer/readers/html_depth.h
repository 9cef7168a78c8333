// A bound on how deep an HTML page nests before gumbo sees it.
//
// gumbo (0.10, Debian 12) has no depth limit, and its tree builder scans the
// stack of open elements for nearly every tag: a page of 100,000 nested
// <div>s takes tens of seconds, with the index's writer lock held. This
// pre-scan follows the tag structure in one linear pass, with a simplified
// model of the HTML tree builder that closes elements only where gumbo
// certainly closes them too (so it never counts shallower than gumbo
// nests), and removes the start tags that would nest deeper than the limit,
// with their end tags. (Its own cost is linear in the page: every stack scan
// is bounded by the limit.)
//
// Flatten rather than reject: the text under a removed tag stays, in order
// (a removed tag leaves a space, so words do not run together),
// inside the deepest element kept, so an article in a page broken by
// thousands of unclosed tags is still indexed. Only structure deeper than
// the limit is lost (paragraph breaks, and a class="comments" that deep no
// longer marks its text as junk), none of which a real page has (our fixture
// pages nest 6-7 deep), and browsers stop nesting at 512 too. A flattened
// page is indexed, not reported: nothing of the article is lost.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

// Chromium's tree builder caps nesting at 512 as well; see html_depth.cpp
// for the depths measured on real pages.
inline constexpr std::size_t kMaxHtmlDepth = 512;

struct DepthLimitedHtml {
    std::string flattened;          // the page with tags removed; empty when none was
    std::size_t deepest = 0;        // the deepest nesting kept (that of the page, when nothing was removed)
    std::size_t removed_tags = 0;   // start tags that would nest deeper than the limit, and their end tags
    // The page to parse: `html` itself when nothing was removed, else `flattened`.
    std::string_view page(std::string_view html) const { return removed_tags ? std::string_view(flattened) : html; }
};

// Linear in the size of the page.
DepthLimitedHtml limit_html_depth(std::string_view html, std::size_t max_depth = kMaxHtmlDepth);

}  // namespace newsdex
