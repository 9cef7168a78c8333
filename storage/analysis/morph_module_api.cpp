// The one symbol newsdex-morph.so exports (morph_module.h): the loaders of
// its dictionaries.
#include "analysis/apertium_dictionary.h"
#include "analysis/hunspell_dictionary.h"
#include "analysis/morph_module.h"

namespace {

std::unique_ptr<newsdex::MorphDictionary> open_apertium(const std::vector<std::string>& automorf_bins) {
    return std::make_unique<newsdex::ApertiumDictionary>(automorf_bins);
}

std::unique_ptr<newsdex::MorphDictionary> open_hunspell(const std::string& aff, const std::string& dic) {
    return std::make_unique<newsdex::HunspellDictionary>(aff, dic);
}

}  // namespace

extern "C" {
__attribute__((visibility("default"))) extern const newsdex::MorphModuleApi newsdex_morph_module;
const newsdex::MorphModuleApi newsdex_morph_module{open_apertium, open_hunspell};
}
