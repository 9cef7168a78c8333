// Article metadata and text stored as a Xapian document's data (JSON), so a
// query can be answered from the Xapian index alone.
#pragma once

#include "article.h"

#include <string>

namespace newsdex {

std::string encode_doc_data(const Article& article);
Article decode_doc_data(const std::string& data);

}  // namespace newsdex
