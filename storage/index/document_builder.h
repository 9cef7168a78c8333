// Turns one article into the Xapian document the index stores for it: terms
// (see analyzer.h), boolean filter terms, value slots, topic scores and the
// document data (see schema.h). Pure work on its inputs, so it can run on any
// thread that owns its Analyzer and DocDataEncoder.
#pragma once

#include "analysis/analyzer.h"
#include "base/article.h"
#include "docdata/doc_data.h"
#include "analysis/topic_profiles.h"
#include "analysis/topic_scorer.h"

#include <xapian.h>

#include <vector>

namespace newsdex {

struct BuiltDocument {
    Xapian::Document document;
    std::vector<TopicScore> topics;  // empty when no profiles were given
    // Word forms this thread's analyzer met for the first time, if it
    // records them (Lemmatizer::record_new_forms): for the synonym table.
    std::vector<FormLemmas> new_forms;
};

// `topics`: profiles to score against; nullptr scores nothing.
BuiltDocument build_document(Analyzer& analyzer, DocDataEncoder& encoder, const Article& article,
                             const TopicProfiles* topics);

}  // namespace newsdex
