#include "readers/html_article.h"

#include "readers/date_parser.h"
#include "readers/html_reader.h"
#include "readers/text_reader.h"
#include "base/url_host.h"

namespace newsdex {

Article parse_html_article(std::string_view utf8, const Origin& origin) {
    HtmlArticle page = extract_html_article(utf8);
    Article a;
    a.title = page.title;
    a.text = page.text;
    a.url = page.url;
    a.author = page.author;
    a.path = origin.path.string();
    a.member = origin.member;
    a.encoding = origin.encoding;
    // A page's canonical URL identifies the story wherever the file is saved.
    a.id = a.url.empty() ? origin.id_base : a.url;
    a.source = a.url.empty() ? source_from_origin(origin) : url_host(a.url);
    if (auto date = normalize_date(page.date)) a.date = *date;
    else if (auto from_url = date_from_path(a.url)) a.date = *from_url;
    else if (auto from_path = date_from_path(origin.member.empty() ? origin.path.string() : origin.member)) a.date = *from_path;
    return a;
}

}  // namespace newsdex
