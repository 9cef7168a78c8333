#include "index/document_builder.h"

#include "base/content_hash.h"
#include "base/dates.h"
#include "base/schema.h"
#include "base/url_host.h"
#include "base/utc_time.h"
#include "index/story_fingerprint.h"
#include "analysis/stopwords.h"
#include "analysis/word_normalizer.h"

#include <algorithm>

namespace newsdex {
namespace {

std::string lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

void add_boolean(Xapian::Document& doc, std::string_view prefix, const std::string& value) {
    std::string term = std::string(prefix) + value;
    if (!value.empty() && term.size() <= schema::kMaxTermBytes) doc.add_boolean_term(term);
}

void add_date(Xapian::Document& doc, const std::string& date) {
    const std::optional<std::string> key = date_key(date);
    if (!key) return;
    const std::string& ymd = *key;
    add_boolean(doc, schema::kDatePrefix, ymd);
    add_boolean(doc, schema::kMonthPrefix, ymd.substr(0, 6));
    add_boolean(doc, schema::kYearPrefix, ymd.substr(0, 4));
    doc.add_value(schema::kDateSlot, ymd);
}

}  // namespace

BuiltDocument build_document(Analyzer& analyzer, DocDataEncoder& encoder, const Article& a,
                             const TopicProfiles* topics) {
    BuiltDocument built;
    Xapian::Document& doc = built.document;
    ArticleTokens tokens;
    analyzer.index_article(doc, a.title, a.text, a.author, &tokens);
    if (topics) {
        built.topics = score_topics(*topics, tokens);
        apply_topic_scores(doc, built.topics);
    }
    doc.add_value(schema::kIndexedAtSlot, utc_now_compact());
    add_boolean(doc, schema::kIdPrefix, a.id);
    doc.add_value(schema::kIdSlot, a.id);
    add_boolean(doc, schema::kUrlPrefix, a.url);
    add_boolean(doc, schema::kSitePrefix, url_host(a.url));
    add_boolean(doc, schema::kSourcePrefix, lower_ascii(a.source));
    const std::string topic = normalize_word(utf16_from_utf8(a.topic));
    add_boolean(doc, schema::kTopicPrefix, topic);
    if (!topic.empty()) doc.add_value(schema::kTopicSlot, topic);
    add_story_fields(doc, story_fingerprint(a, tokens.body));
    for (const std::string& tag : a.tags) add_boolean(doc, schema::kTagPrefix, normalize_word(utf16_from_utf8(tag)));
    add_date(doc, a.date);
    if (!a.source.empty()) doc.add_value(schema::kSourceSlot, a.source);
    doc.set_data(encoder.encode(a));
    built.new_forms = analyzer.lemmatizer().take_new_forms();
    return built;
}

}  // namespace newsdex
