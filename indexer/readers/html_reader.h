// HTML news pages: the metadata a page declares about itself (Open Graph,
// article:*, <time>, JSON-LD) and the article body with navigation, ads,
// comments and scripts left out. Parsing is gumbo's, so any tag soup a
// browser would render also yields an article here.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

struct HtmlArticle {
    std::string title;   // og:title, else <title>, else first <h1>; whitespace collapsed, trimmed
    std::string date;    // raw, as found: article:published_time, <time datetime>, meta date, JSON-LD
    std::string url;     // <link rel=canonical>, else og:url
    std::string author;  // meta author, else article:author, else JSON-LD author (names joined by ", ")
    std::string text;    // article body, paragraphs separated by '\n'
};

// Parses a UTF-8 HTML document. Malformed markup is recovered, not rejected,
// and nesting deeper than kMaxHtmlDepth is flattened (html_depth.h); throws
// InputError only when the page has neither a title nor body text.
HtmlArticle extract_html_article(std::string_view html_utf8);

// The charset declared by a <meta charset> or <meta http-equiv content> in
// the first 4096 bytes, lower-cased ("windows-1251"); empty if none. Scans
// the raw bytes, so it can run before the page is decoded.
std::string html_declared_charset(std::string_view raw_bytes);

}  // namespace newsdex
